// Package fixes applies suggested fixes to files: non-overlapping edits
// only, each fix all or nothing, the result gofmt'ed; Fix then has the
// result linted again and puts every file back when it no longer
// compiles.
package fixes

import (
	"bytes"
	"errors"
	"fmt"
	"go/format"
	"maps"
	"os"
	"slices"
	"sort"
	"strings"

	"github.com/schemalint/schemalint/internal/report"
)

// Result says what Apply did.
type Result struct {
	// Applied are the findings whose first fix was applied.
	Applied []*report.Finding
	// Skipped are findings whose fix overlapped an earlier one; running
	// again applies them.
	Skipped []*report.Finding
	// Files are the files written.
	Files []string
	// originals hold the files' contents before they were written.
	originals map[string][]byte
}

type edit struct {
	start, end int
	text       string
}

// Apply applies the first suggested fix of each finding that has one, in
// order, skipping a fix any of whose edits overlaps an edit already taken.
func Apply(findings []report.Finding) (*Result, error) {
	res := &Result{originals: map[string][]byte{}}
	byFile := map[string][]edit{}
	for i := range findings {
		f := &findings[i]
		if len(f.Fixes) == 0 {
			continue
		}
		fix := f.Fixes[0]
		if conflicts(byFile, fix) {
			res.Skipped = append(res.Skipped, f)
			continue
		}
		for _, e := range fix.Edits {
			byFile[e.File] = append(byFile[e.File], edit{e.Start.Offset, e.End.Offset, e.NewText})
		}
		res.Applied = append(res.Applied, f)
	}
	files := make([]string, 0, len(byFile))
	for file := range byFile {
		files = append(files, file)
	}
	sort.Strings(files)
	for _, file := range files {
		src, err := rewrite(file, byFile[file])
		if src != nil {
			res.originals[file] = src
			res.Files = append(res.Files, file)
		}
		if err != nil {
			return res, err
		}
	}
	return res, nil
}

func conflicts(byFile map[string][]edit, fix report.Fix) bool {
	for _, e := range fix.Edits {
		for _, taken := range byFile[e.File] {
			if e.Start.Offset < taken.end && taken.start < e.End.Offset {
				return true
			}
			// Two insertions at one place would interleave unpredictably.
			if e.Start.Offset == e.End.Offset && taken.start == taken.end && e.Start.Offset == taken.start {
				return true
			}
		}
	}
	return false
}

// rewrite applies the edits to file and returns what the file held
// before, nil when it was left unchanged.
func rewrite(file string, edits []edit) ([]byte, error) {
	src, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	sort.Slice(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
	var out bytes.Buffer
	last := 0
	for _, e := range edits {
		if e.start < last || e.end > len(src) || e.start > e.end {
			return nil, fmt.Errorf("%s: fix edit %d-%d is out of range", file, e.start, e.end)
		}
		out.Write(src[last:e.start])
		out.WriteString(e.text)
		last = e.end
	}
	out.Write(src[last:])
	formatted, err := format.Source(out.Bytes())
	if err != nil {
		return nil, fmt.Errorf("%s: the fixed file does not parse, left unchanged: %w", file, err)
	}
	return src, writeKeepMode(file, formatted)
}

// Outcome says what Fix did.
type Outcome struct {
	// Applied counts the fixes applied, over every round.
	Applied int
	// Files are the files changed.
	Files []string
	// Skipped counts the fixes still overlapping others after the last
	// round; running again applies them.
	Skipped int
	// Report is the lint of the fixed code.
	Report *report.Report
}

// Rounds bounds how often Fix applies fixes that overlapped others in the
// round before (two indexes after one CREATE TABLE, each rewriting the
// same "return err", need one round each).
const Rounds = 5

// Fix applies the fixes of rep's findings and has the fixed code linted
// again by relint, which loads and type-checks the packages: the fixes
// are kept only if it succeeds, else every file is put back as it was and
// the error names the files. Fixes skipped for overlapping another are
// applied in further rounds; a finding whose fix was applied once is not
// fixed again, so a fix that leaves its finding standing is not repeated.
func Fix(rep *report.Report, relint func() (*report.Report, error)) (*Outcome, error) {
	out := &Outcome{Report: rep}
	originals := map[string][]byte{}
	done := map[string]bool{}
	restore := func(cause error) error {
		files := slices.Sorted(maps.Keys(originals))
		if len(files) == 0 {
			return cause
		}
		var errs []error
		for _, file := range files {
			if err := writeKeepMode(file, originals[file]); err != nil {
				errs = append(errs, err)
			}
		}
		if len(errs) > 0 {
			return fmt.Errorf("%w\nundoing the fixes to %s failed: %w", cause, strings.Join(files, ", "), errors.Join(errs...))
		}
		return fmt.Errorf("undid the fixes to %s (the files are as before): %w", strings.Join(files, ", "), cause)
	}
	for range Rounds {
		var todo []report.Finding
		for i := range out.Report.Findings {
			if f := &out.Report.Findings[i]; len(f.Fixes) > 0 && !done[findingKey(*f)] {
				todo = append(todo, *f)
			}
		}
		res, err := Apply(todo)
		for file, src := range res.originals {
			if _, ok := originals[file]; !ok {
				originals[file] = src
			}
		}
		if err != nil {
			return nil, restore(err)
		}
		if len(res.Applied) == 0 {
			break
		}
		for _, f := range res.Applied {
			done[findingKey(*f)] = true
		}
		out.Applied += len(res.Applied)
		next, err := relint()
		if err != nil {
			return nil, restore(fmt.Errorf("with the fixes, %w", err))
		}
		out.Report, out.Skipped = next, len(res.Skipped)
		if out.Skipped == 0 {
			break
		}
	}
	out.Files = slices.Sorted(maps.Keys(originals))
	return out, nil
}

// findingKey identifies a finding across runs, whose lines the fixes
// move.
func findingKey(f report.Finding) string {
	return f.Rule + "\x00" + f.Pos.File + "\x00" + f.Subject + "\x00" + f.Message
}

func writeKeepMode(file string, data []byte) error {
	st, err := os.Stat(file)
	if err != nil {
		return err
	}
	return os.WriteFile(file, data, st.Mode().Perm())
}
