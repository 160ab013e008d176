package fixes

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/schemalint/schemalint/internal/report"
)

// appendFinding is a finding about file whose fix appends text at the end
// of the file as it is now.
func appendFinding(t *testing.T, file, subject, text string) report.Finding {
	t.Helper()
	end := report.Position{File: file, Offset: len(readFile(t, file))}
	return report.Finding{Rule: "SL900", Pos: report.Position{File: file, Line: 1}, Subject: subject, Message: "add " + subject,
		Fixes: []report.Fix{{Message: "add " + subject, Edits: []report.Edit{{File: file, Start: end, End: end, NewText: text}}}}}
}

func readFile(t *testing.T, file string) string {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func writeFile(t *testing.T, content string) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "a.go")
	if err := os.WriteFile(file, []byte(content), 0o640); err != nil {
		t.Fatal(err)
	}
	return file
}

// TestFixUndoesWhenTheResultDoesNotCompile: when the lint of the fixed
// code fails (the packages no longer compile), every file is back as it
// was, mode included, and the error names the file and the cause.
func TestFixUndoesWhenTheResultDoesNotCompile(t *testing.T) {
	const orig = "package p\n\nvar x = 1\n"
	file := writeFile(t, orig)
	rep := &report.Report{Findings: []report.Finding{appendFinding(t, file, "y", "\nvar y = undefined\n")}}
	calls := 0
	_, err := Fix(rep, func() (*report.Report, error) {
		calls++
		if b, _ := os.ReadFile(file); !strings.Contains(string(b), "undefined") {
			t.Errorf("the fix was not written before the check:\n%s", b)
		}
		return nil, errors.New("packages do not compile, so they cannot be checked:\n\ta.go:5:9: undefined: undefined")
	})
	if err == nil || !strings.Contains(err.Error(), "undid the fixes to "+file+" (the files are as before)") || !strings.Contains(err.Error(), "a.go:5:9: undefined: undefined") {
		t.Fatalf("error %v, want the file undone and the compile error", err)
	}
	if calls != 1 {
		t.Errorf("checked %d times, want 1", calls)
	}
	b, err := os.ReadFile(file)
	if err != nil || string(b) != orig {
		t.Errorf("file after the undo: %q (%v), want %q", b, err, orig)
	}
	if st, err := os.Stat(file); err != nil || st.Mode().Perm() != 0o640 {
		t.Errorf("mode after the undo: %v (%v), want 0640", st.Mode(), err)
	}
}

// TestFixRunsRoundsForOverlappingFixes: two fixes inserting at one place
// cannot both apply in one round; the second applies in the next round,
// against the report of the fixed code, and the outcome is that report.
func TestFixRunsRoundsForOverlappingFixes(t *testing.T) {
	file := writeFile(t, "package p\n")
	// lint reports each of a, b not yet in the file, fixable by appending
	// it where the file now ends: both fixes insert at one offset.
	lint := func() *report.Report {
		b := readFile(t, file)
		rep := &report.Report{}
		for _, name := range []string{"a", "b"} {
			if !strings.Contains(b, "var "+name) {
				rep.Findings = append(rep.Findings, appendFinding(t, file, name, "\nvar "+name+" = 1\n"))
			}
		}
		return rep
	}
	relints := 0
	out, err := Fix(lint(), func() (*report.Report, error) { relints++; return lint(), nil })
	if err != nil {
		t.Fatal(err)
	}
	if out.Applied != 2 || out.Skipped != 0 || len(out.Report.Findings) != 0 || relints != 2 {
		t.Errorf("applied %d, skipped %d, %d findings left after %d lints; want 2, 0, 0 after 2", out.Applied, out.Skipped, len(out.Report.Findings), relints)
	}
	if len(out.Files) != 1 || out.Files[0] != file {
		t.Errorf("files %v, want [%s]", out.Files, file)
	}
	if b, _ := os.ReadFile(file); string(b) != "package p\n\nvar a = 1\n\nvar b = 1\n" {
		t.Errorf("fixed file:\n%s", b)
	}
}

// TestFixNeverRepeatsAFix: a fix that leaves its finding standing is not
// applied again in the rounds that apply other, overlapping fixes; the
// finding is reported as remaining.
func TestFixNeverRepeatsAFix(t *testing.T) {
	file := writeFile(t, "package p\n")
	lint := func() *report.Report {
		b := readFile(t, file)
		// "stuck" stays whatever its fix adds; b and c resolve.
		rep := &report.Report{Findings: []report.Finding{appendFinding(t, file, "stuck", "\n// stuck\n")}}
		for _, name := range []string{"b", "c"} {
			if !strings.Contains(b, "var "+name) {
				rep.Findings = append(rep.Findings, appendFinding(t, file, name, "\nvar "+name+" = 1\n"))
			}
		}
		return rep
	}
	out, err := Fix(lint(), func() (*report.Report, error) { return lint(), nil })
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(file)
	if n := strings.Count(string(b), "// stuck"); n != 1 {
		t.Errorf("the unresolving fix was applied %d times, want 1:\n%s", n, b)
	}
	if !strings.Contains(string(b), "var b") || !strings.Contains(string(b), "var c") {
		t.Errorf("the overlapping fixes were not all applied:\n%s", b)
	}
	if len(out.Report.Findings) != 1 || out.Report.Findings[0].Subject != "stuck" {
		t.Errorf("remaining %+v, want the stuck finding", out.Report.Findings)
	}
}
