// Package fixes applies suggested fixes to files: non-overlapping edits
// only, each fix all or nothing, the result gofmt'ed.
package fixes

import (
	"bytes"
	"fmt"
	"go/format"
	"os"
	"sort"

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
}

type edit struct {
	start, end int
	text       string
}

// Apply applies the first suggested fix of each finding that has one, in
// order, skipping a fix any of whose edits overlaps an edit already taken.
func Apply(findings []report.Finding) (*Result, error) {
	res := &Result{}
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
		if err := rewrite(file, byFile[file]); err != nil {
			return res, err
		}
		res.Files = append(res.Files, file)
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

func rewrite(file string, edits []edit) error {
	src, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	sort.Slice(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
	var out bytes.Buffer
	last := 0
	for _, e := range edits {
		if e.start < last || e.end > len(src) || e.start > e.end {
			return fmt.Errorf("%s: fix edit %d-%d is out of range", file, e.start, e.end)
		}
		out.Write(src[last:e.start])
		out.WriteString(e.text)
		last = e.end
	}
	out.Write(src[last:])
	formatted, err := format.Source(out.Bytes())
	if err != nil {
		return fmt.Errorf("%s: the fixed file does not parse, left unchanged: %w", file, err)
	}
	st, err := os.Stat(file)
	if err != nil {
		return err
	}
	return os.WriteFile(file, formatted, st.Mode().Perm())
}
