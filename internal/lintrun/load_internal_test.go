package lintrun

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fileContains finds the needle wherever it falls against the reads: at
// the start, split across two reads at every offset, at the end; and
// says no for a file without it or shorter than it.
func TestFileContains(t *testing.T) {
	dir := t.TempDir()
	needle := []byte(`bun:"`)
	file := func(content string) string {
		p := filepath.Join(dir, "f.go")
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, size := range []int{5, 6, 7, 8, 13, 64} {
		buf := make([]byte, size)
		for at := range 3 * size {
			content := strings.Repeat("x", at) + `bun:"id,pk"` + strings.Repeat("y", at%7)
			if ok, err := fileContains(file(content), buf, needle); !ok || err != nil {
				t.Errorf("buffer %d, needle at %d: %v, %v", size, at, ok, err)
			}
		}
		for _, content := range []string{"", "bun", `bun:`, strings.Repeat(`bun:'`, 20), strings.Repeat("z", 3*size) + `bun"`} {
			if ok, err := fileContains(file(content), buf, needle); ok || err != nil {
				t.Errorf("buffer %d, %q: %v, %v", size, content, ok, err)
			}
		}
	}
	if _, err := fileContains(filepath.Join(dir, "missing.go"), make([]byte, 8), needle); err == nil {
		t.Error("a missing file gave no error")
	}
}

// declaresBunTags says yes for a package-level struct with a bun tag
// (generic, alias, grouped), and no where `bun:"` is only text: a
// comment, a string, a "-" tag, or a type declared inside a function.
func TestDeclaresBunTags(t *testing.T) {
	dir := t.TempDir()
	for i, tc := range []struct {
		src  string
		want bool
	}{
		{"type User struct {\n\tID int64 `bun:\"id,pk\"`\n}", true},
		{"type Page[T any] struct {\n\tItems []T `bun:\"items\"`\n}", true},
		{"type (\n\tA int\n\tB = struct {\n\t\tX int `json:\"x\" bun:\"x\"`\n\t}\n)", true},
		{"// Tag fields with `bun:\"name\"`.\ntype User struct{ ID int64 }", false},
		{"const doc = `bun:\"id\"`", false},
		{"type User struct {\n\tSkip int `bun:\"-\"`\n}", false},
		{"func f() {\n\ttype local struct {\n\t\tID int `bun:\"id\"`\n\t}\n\t_ = local{}\n}", false},
		{"type User struct {\n\tID int `bun:\"id\"`", true}, // does not parse: in doubt
	} {
		p := filepath.Join(dir, fmt.Sprintf("f%d.go", i))
		if err := os.WriteFile(p, []byte("package p\n\n"+tc.src+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if got := declaresBunTags(bunTagFiles([]string{p})); got != tc.want {
			t.Errorf("%s\n=> %v, want %v", tc.src, got, tc.want)
		}
	}
}
