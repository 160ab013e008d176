// Package baseline records the findings a codebase has today so that only
// new ones are reported: adopting schemalint on a legacy schema starts from
// zero, and the debt shrinks as entries stop matching.
//
// A finding's fingerprint is its rule, package, subject (User.DeletedAt, a
// table, an index) and database object — not its line, so it survives
// edits elsewhere in the file, and not its message, whose wording depends
// on the configuration (SL200 names the configured dialects) and on the
// version. The file is JSON, sorted, one entry per fingerprint with a
// count, so that it diffs well in review.
//
// Version 1 files fingerprinted the message too; they are still read, and
// their entries match a finding by that fingerprint or, failing it, by rule,
// package and subject, so that upgrading does not re-report what they hold.
package baseline

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sort"

	"github.com/schemalint/schemalint/internal/boundedread"
	"github.com/schemalint/schemalint/internal/report"
)

// Version is the baseline file format version written; versions 1 and 2
// are read.
const Version = 2

// File is a baseline file.
type File struct {
	Version int     `json:"version"`
	Entries []Entry `json:"entries"`
}

// Entry is one recorded finding (Count of them, when identical).
type Entry struct {
	Fingerprint string `json:"fingerprint"`
	Rule        string `json:"rule"`
	Package     string `json:"package,omitempty"`
	Subject     string `json:"subject,omitempty"`
	Object      string `json:"object,omitempty"`
	// Message is for the reader of the file; matching ignores it.
	Message string `json:"message"`
	Count   int    `json:"count"`
}

// Fingerprint identifies a finding independently of its position and
// wording. A finding with neither subject nor object has nothing else to
// tell it from the rule's other findings in the package: its message
// stands in for them.
func Fingerprint(f *report.Finding) string {
	if f.Subject == "" && f.Object == "" {
		return hash(f.Rule, f.Package, "", "", f.Message)
	}
	return hash(f.Rule, f.Package, f.Subject, f.Object)
}

// fingerprintV1 is version 1's fingerprint, which included the message.
func fingerprintV1(f *report.Finding) string {
	return hash(f.Rule, f.Package, f.Subject, f.Object, f.Message)
}

func hash(parts ...string) string {
	h := sha256.New()
	for _, part := range parts {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

// subjectV1 is what version 1 entries hold as Subject.
func subjectV1(f *report.Finding) string {
	if f.Subject == "" {
		return f.Object
	}
	return f.Subject
}

// New records findings.
func New(findings []report.Finding) *File {
	byFP := map[string]*Entry{}
	for i := range findings {
		f := &findings[i]
		fp := Fingerprint(f)
		if e, ok := byFP[fp]; ok {
			e.Count++
			continue
		}
		byFP[fp] = &Entry{Fingerprint: fp, Rule: f.Rule, Package: f.Package, Subject: f.Subject, Object: f.Object, Message: f.Message, Count: 1}
	}
	b := &File{Version: Version, Entries: []Entry{}}
	for _, e := range byFP {
		b.Entries = append(b.Entries, *e)
	}
	sort.Slice(b.Entries, func(i, j int) bool {
		x, y := b.Entries[i], b.Entries[j]
		if x.Package != y.Package {
			return x.Package < y.Package
		}
		if x.Subject != y.Subject {
			return x.Subject < y.Subject
		}
		if x.Object != y.Object {
			return x.Object < y.Object
		}
		if x.Rule != y.Rule {
			return x.Rule < y.Rule
		}
		return x.Fingerprint < y.Fingerprint
	})
	return b
}

// Write writes the baseline to a file.
func (b *File) Write(path string) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(b); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644) //nolint:gosec // committed with the sources and read in review and CI, like them
}

// Read reads a baseline file.
func Read(path string) (*File, error) {
	data, err := boundedread.File(path, boundedread.MaxSize)
	if err != nil {
		return nil, fmt.Errorf("read baseline: %w", err)
	}
	var b File
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("baseline %s: %w", path, err)
	}
	if b.Version != 1 && b.Version != Version {
		return nil, fmt.Errorf("baseline %s: version %d, this schemalint reads versions 1 and %d", path, b.Version, Version)
	}
	for _, e := range b.Entries {
		if e.Fingerprint == "" || e.Count < 1 {
			return nil, errors.New("baseline " + path + ": an entry lacks a fingerprint or count")
		}
	}
	return &b, nil
}

// Filter returns the findings the baseline does not hold, and the entries
// (with the count left unmatched) that matched nothing.
func (b *File) Filter(findings []report.Finding) (fresh []report.Finding, stale []Entry) {
	left := make([]int, len(b.Entries))
	byKey := map[string][]int{}
	for i, e := range b.Entries {
		left[i] = e.Count
		for _, k := range b.entryKeys(&e) {
			byKey[k] = append(byKey[k], i)
		}
	}
	for i := range findings {
		if !take(left, byKey, findingKeys(&findings[i])) {
			fresh = append(fresh, findings[i])
		}
	}
	for i, e := range b.Entries {
		if left[i] > 0 {
			e.Count = left[i]
			stale = append(stale, e)
		}
	}
	return fresh, stale
}

// take counts a finding against the first entry, in the order of keys,
// that still has findings to absorb.
func take(left []int, byKey map[string][]int, keys []string) bool {
	for _, k := range keys {
		for _, i := range byKey[k] {
			if left[i] > 0 {
				left[i]--
				return true
			}
		}
	}
	return false
}

// entryKeys are the keys an entry matches by: its fingerprint, and for a
// version 1 entry also its rule, package and subject, so that a change of
// wording (or of the configuration a message quotes) does not re-report it.
func (b *File) entryKeys(e *Entry) []string {
	if b.Version != 1 {
		return []string{"2|" + e.Fingerprint}
	}
	keys := []string{"1|" + e.Fingerprint}
	if e.Subject != "" {
		keys = append(keys, "1s|"+hash(e.Rule, e.Package, e.Subject))
	}
	return keys
}

// findingKeys are a finding's keys, exact matches first.
func findingKeys(f *report.Finding) []string {
	return []string{"2|" + Fingerprint(f), "1|" + fingerprintV1(f), "1s|" + hash(f.Rule, f.Package, subjectV1(f))}
}
