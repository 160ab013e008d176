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

// SL200's message names the configured dialects: adding one must not
// re-report what the baseline holds.
func TestMessageWordingIgnored(t *testing.T) {
	before := finding("SL200", "comments.author_id", "foreign-key column comments.author_id has no index on pg whose first column it is", 12)
	after := finding("SL200", "comments.author_id", "foreign-key column comments.author_id has no index on pg, mysql whose first column it is", 14)
	b := roundTrip(t, New([]report.Finding{before}))
	if fresh, stale := b.Filter([]report.Finding{after}); len(fresh) != 0 || len(stale) != 0 {
		t.Errorf("a reworded finding: fresh %+v, stale %+v", fresh, stale)
	}
	// Another subject of the same rule is new.
	other := finding("SL200", "comments.post_id", before.Message, 12)
	if fresh, stale := b.Filter([]report.Finding{other}); len(fresh) != 1 || len(stale) != 1 {
		t.Errorf("another column: fresh %+v, stale %+v", fresh, stale)
	}
	// Drift findings keep their database object apart.
	d1 := report.Finding{Rule: "DR005", Package: "m", Subject: "User.Age", Object: "users.age", Message: "type int, want bigint"}
	d2 := d1
	d2.Object, d2.Message = "archived_users.age", "type smallint, want bigint"
	if Fingerprint(&d1) == Fingerprint(&d2) {
		t.Error("two objects share a fingerprint")
	}
	if e := New([]report.Finding{d1}).Entries[0]; e.Subject != "User.Age" || e.Object != "users.age" {
		t.Errorf("entry %+v", e)
	}
	// Without subject or object, the message is all that tells findings apart.
	m1 := report.Finding{Rule: "SL000", Package: "m", Message: "directive names unknown rule SL999"}
	m2 := m1
	m2.Message = "directive has no reason"
	if Fingerprint(&m1) == Fingerprint(&m2) {
		t.Error("findings without subject collapse into one fingerprint")
	}
}

// A version 1 file, as schemalint wrote it before fingerprints left the
// message out, still absorbs its findings: exactly, and after the wording
// changed.
func TestReadsVersion1(t *testing.T) {
	b, err := Read("testdata/v1.json")
	if err != nil {
		t.Fatal(err)
	}
	same := []report.Finding{
		{Rule: "SL200", Package: "example.com/app/migrations", Subject: "comments.author_id", Message: "foreign-key column comments.author_id has no index on pg whose first column it is"},
		{Rule: "DR003", Package: "example.com/app/models", Subject: "User.Bio", Object: "users.bio", Message: "column users.bio does not exist"},
		{Rule: "SL203", Package: "example.com/app/migrations", Subject: "notes", Message: "2 places of the migrations are not checked"},
	}
	if fresh, stale := b.Filter(same); len(fresh) != 0 || len(stale) != 0 {
		t.Errorf("unchanged findings: fresh %+v, stale %+v", fresh, stale)
	}
	reworded := []report.Finding{same[0], same[1], same[2]}
	reworded[0].Message = "foreign-key column comments.author_id has no index on pg, sqlite whose first column it is"
	reworded[2].Message = "3 places of the migrations are not checked"
	if fresh, stale := b.Filter(reworded); len(fresh) != 0 || len(stale) != 0 {
		t.Errorf("reworded findings: fresh %+v, stale %+v", fresh, stale)
	}
	fresh, stale := b.Filter(same[1:])
	if len(fresh) != 0 || len(stale) != 1 || stale[0].Rule != "SL200" {
		t.Errorf("one paid down: fresh %+v, stale %+v", fresh, stale)
	}
	// Rewriting it gives today's version.
	if again := roundTrip(t, New(same)); again.Version != Version || len(again.Entries) != 3 {
		t.Errorf("rewritten: %+v", again)
	}
}

func roundTrip(t *testing.T, b *File) *File {
	t.Helper()
	path := filepath.Join(t.TempDir(), "baseline.json")
	if err := b.Write(path); err != nil {
		t.Fatal(err)
	}
	got, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	return got
}
