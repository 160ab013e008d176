package baseline

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/schemalint/schemalint/internal/report"
)

func finding(rule, subject, msg string, line int) report.Finding {
	return report.Finding{Rule: rule, Package: "example.com/m", Subject: subject, Message: msg,
		Pos: report.Position{File: "m.go", Line: line}}
}

func TestRoundTripAndFilter(t *testing.T) {
	today := []report.Finding{
		finding("SL005", "User.DeletedAt", "no soft_delete", 10),
		finding("SL004", "User", "no CreatedAt", 3),
		finding("SL004", "User", "no CreatedAt", 3), // e.g. reported for two dialects
	}
	path := filepath.Join(t.TempDir(), "baseline.json")
	if err := New(today).Write(path); err != nil {
		t.Fatal(err)
	}
	b, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Entries) != 2 {
		t.Fatalf("entries %+v", b.Entries)
	}
	// Lines moved, one finding fixed, one new.
	tomorrow := []report.Finding{
		finding("SL004", "User", "no CreatedAt", 30),
		finding("SL004", "User", "no CreatedAt", 30),
		finding("SL007", "User.Meta", "no type:json", 12),
	}
	fresh, stale := b.Filter(tomorrow)
	if len(fresh) != 1 || fresh[0].Rule != "SL007" {
		t.Errorf("fresh %+v", fresh)
	}
	if len(stale) != 1 || stale[0].Rule != "SL005" || stale[0].Count != 1 {
		t.Errorf("stale %+v", stale)
	}
	// A third identical finding beyond the recorded count is new.
	fresh, _ = b.Filter(append(tomorrow, finding("SL004", "User", "no CreatedAt", 31)))
	if len(fresh) != 2 {
		t.Errorf("count not honoured: %+v", fresh)
	}
}

func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"garbage.json": "not json",
		"version.json": `{"version": 9, "entries": []}`,
		"unknown.json": `{"version": 1, "entries": [], "extra": 1}`,
		"nocount.json": `{"version": 1, "entries": [{"fingerprint": "ab", "rule": "SL001", "message": "m"}]}`,
		"missing.json": "",
	} {
		path := filepath.Join(dir, name)
		if name != "missing.json" {
			writeFile(t, path, content)
		}
		if _, err := Read(path); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	// A committed symlink to /dev/zero or a FIFO is refused at once, not
	// read until memory runs out or waited on.
	zero := filepath.Join(dir, "zero.json")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "fifo.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{zero, fifo} {
		if _, err := Read(p); err == nil || !strings.Contains(err.Error(), "is not a regular file") {
			t.Errorf("%s: error %v", p, err)
		}
	}
}
