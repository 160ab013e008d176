// Package baseline records the findings a codebase has today so that only
// new ones are reported: adopting schemalint on a legacy schema starts from
// zero, and the debt shrinks as entries stop matching.
//
// A finding's fingerprint is its rule, package, subject (User.DeletedAt, a
// table, an index) and message — not its line, so it survives edits
// elsewhere in the file. The file is JSON, sorted, one entry per
// fingerprint with a count, so that it diffs well in review.
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

// Version is the baseline file format version.
const Version = 1

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
	Message     string `json:"message"`
	Count       int    `json:"count"`
}

// Fingerprint identifies a finding independently of its position.
func Fingerprint(f *report.Finding) string {
	h := sha256.New()
	for _, part := range []string{f.Rule, f.Package, f.Subject, f.Object, f.Message} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
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
		subject := f.Subject
		if subject == "" {
			subject = f.Object
		}
		byFP[fp] = &Entry{Fingerprint: fp, Rule: f.Rule, Package: f.Package, Subject: subject, Message: f.Message, Count: 1}
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
	if b.Version != Version {
		return nil, fmt.Errorf("baseline %s: version %d, this schemalint reads version %d", path, b.Version, Version)
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
	left := map[string]int{}
	for _, e := range b.Entries {
		left[e.Fingerprint] += e.Count
	}
	for i := range findings {
		fp := Fingerprint(&findings[i])
		if left[fp] > 0 {
			left[fp]--
			continue
		}
		fresh = append(fresh, findings[i])
	}
	for _, e := range b.Entries {
		if n := left[e.Fingerprint]; n > 0 {
			e.Count = n
			left[e.Fingerprint] = 0
			stale = append(stale, e)
		}
	}
	return fresh, stale
}
