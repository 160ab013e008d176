package load

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// copyApp copies testdata/app to a temporary directory: the program is
// generated inside the module, which must not be the repository's.
func copyApp(t *testing.T) string {
	t.Helper()
	return copyFixture(t, "app")
}

// copyFixture copies the module testdata/name to a temporary directory.
func copyFixture(t *testing.T, name string) string {
	t.Helper()
	dst := t.TempDir()
	if err := os.CopyFS(dst, os.DirFS(filepath.Join("testdata", name))); err != nil {
		t.Fatal(err)
	}
	return dst
}

func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	root := os.DirFS(dir)
	err := fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(root, p)
		out[filepath.Join(dir, p)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestModels: discovery tells tables from embedded and JSON structs,
// notes what it cannot import, and Bun's view comes back with positions;
// the second run reuses the program, an edit rebuilds it, and the user's
// module is left exactly as it was.
func TestModels(t *testing.T) {
	t.Parallel()
	dir := copyApp(t)
	before := snapshot(t, dir)
	cfg := Config{Dir: dir, Models: []string{"./internal/models"}, CacheDir: t.TempDir()}
	ctx := context.Background()

	m, err := Models(ctx, cfg, "mysql")
	if err != nil {
		t.Fatal(err)
	}
	if !m.Built {
		t.Error("first run: the program was not built")
	}
	var tables []string
	for _, tab := range m.View.Tables {
		tables = append(tables, tab.Name)
	}
	slices.Sort(tables)
	if want := []string{"orgs", "user_orgs", "users"}; !slices.Equal(tables, want) {
		t.Errorf("tables %v, want %v", tables, want)
	}
	if len(m.View.Problems) != 0 {
		t.Errorf("problems: %v", m.View.Problems)
	}
	notes := strings.Join(m.Notes, "\n")
	for _, want := range []string{"models.hidden is not compared: it is unexported", "models.Page is not compared: it is generic"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
	for _, tab := range m.View.Tables {
		if tab.Name != "users" {
			continue
		}
		name := tab.Columns[1]
		if name.Name != "name" || name.Type != "VARCHAR(255)" || !name.NotNull {
			t.Errorf("users.name as Bun creates it on MySQL: %+v", name)
		}
	}
	src := m.Sources.Models["example.com/app/internal/models.User"]
	if src == nil || src.Pos.File != "internal/models/models.go" || src.Columns["id"].Line != 10 || src.Columns["name"].Line != 23 {
		t.Errorf("positions of User: %+v", src)
	}

	again, err := Models(ctx, cfg, "pg")
	if err != nil {
		t.Fatal(err)
	}
	if again.Built {
		t.Error("second run rebuilt the program")
	}
	if !bytes.Equal(mustJSON(t, again.Sources), mustJSON(t, m.Sources)) {
		t.Error("cached sources differ")
	}

	after := snapshot(t, dir)
	if len(after) != len(before) {
		t.Errorf("the module has %d files after the runs, %d before", len(after), len(before))
	}
	for p, b := range before {
		if !bytes.Equal(after[p], b) {
			t.Errorf("%s changed", p)
		}
	}

	file := filepath.Join(dir, "internal", "models", "models.go")
	src2 := strings.Replace(string(before[file]), "Name string  `bun:\"name,notnull\"`", "Name string  `bun:\"name,notnull,type:varchar(80)\"`", 1)
	if err := os.WriteFile(file, []byte(src2), 0o644); err != nil {
		t.Fatal(err)
	}
	edited, err := Models(ctx, cfg, "mysql")
	if err != nil {
		t.Fatal(err)
	}
	if !edited.Built {
		t.Error("an edited model did not rebuild the program")
	}
}

// TestCompileError: a model package that does not compile is one line.
func TestCompileError(t *testing.T) {
	t.Parallel()
	dir := copyApp(t)
	file := filepath.Join(dir, "internal", "models", "models.go")
	b, _ := os.ReadFile(file)
	if err := os.WriteFile(file, append(b, []byte("\nvar broken = undefinedThing\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Models(context.Background(), Config{Dir: dir, Models: []string{"./internal/models"}, CacheDir: t.TempDir()}, "pg")
	var ce *CompileError
	if err == nil || !errorsAsCompile(err, &ce) || strings.Contains(err.Error(), "\n") ||
		!strings.Contains(err.Error(), "internal/models/models.go:") || !strings.Contains(err.Error(), "undefinedThing") {
		t.Fatalf("error %v, want a one-line CompileError naming the file and the problem", err)
	}
}

func TestCommonDir(t *testing.T) {
	root := "/m"
	for _, tc := range []struct {
		dirs []string
		want string
	}{
		{[]string{"/m/a/b", "/m/a/c"}, "/m/a"},
		{[]string{"/m/a/b"}, "/m/a/b"},
		{[]string{"/m/a", "/m/ab"}, "/m"},
		{[]string{"/other/x"}, "/m"},
		{nil, "/m"},
	} {
		if got := commonDir(root, tc.dirs); got != tc.want {
			t.Errorf("commonDir(%v) = %s, want %s", tc.dirs, got, tc.want)
		}
	}
}

// TestGeneratedProgramIsGofmt: what the generator writes is formatted Go
// (compiler messages may quote it).
func TestGeneratedProgramIsGofmt(t *testing.T) {
	dir := t.TempDir()
	spec := programSpec{Models: []model{{Package: "example.com/app/models", Name: "User"}}, Migrate: "pg",
		MigPackage: "example.com/app/migrations", MigVar: "Migrations", Dialects: []string{"sqlite", "pg"}}
	if err := generate(dir, spec); err != nil {
		t.Fatal(err)
	}
	out, err := exec.CommandContext(t.Context(), "gofmt", "-l", dir).CombinedOutput()
	if err != nil || len(bytes.TrimSpace(out)) > 0 {
		t.Errorf("gofmt -l: %s %v", out, err)
	}
}

// TestModFileKeepsToolchain: the go.mod copy the program builds with keeps
// the user's go, toolchain and godebug lines (the go command picks the
// toolchain from the real go.mod; the copy must not ask for another).
func TestModFileKeepsToolchain(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "go.mod")
	user := "module example.com/app\n\ngo 1.25.0\n\ntoolchain go1.26.8\n\ngodebug default=go1.24\n\nrequire github.com/uptrace/bun v1.3.0\n"
	if err := os.WriteFile(src, []byte(user), 0o600); err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(dir, "copy.mod")
	if err := writeModFile(src, dst, "v1.3.0", "sqlite", dialectNames); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(dst)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"go 1.25.0\n", "toolchain go1.26.8\n", "godebug default=go1.24\n", "github.com/uptrace/bun/dialect/pgdialect v1.3.0"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("the copy lacks %q:\n%s", want, b)
		}
	}
}

// TestModFileDialects: the copy requires the modules of the dialects the
// program is built with, at the Bun version, except those go.mod already
// requires, which keep their version; and when a build fails on a dialect
// module the module does not require (a Bun pseudo-version the proxy
// cannot serve that module at, as for uptrace), the retry keeps the
// dialects the run needs and those go.mod requires.
func TestModFileDialects(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "go.mod")
	bun := "v1.2.7-0.20241126124946-928d0779110e"
	user := "module example.com/app\n\ngo 1.25.0\n\nrequire (\n\tgithub.com/uptrace/bun " + bun + "\n\tgithub.com/uptrace/bun/dialect/pgdialect v1.2.6\n)\n"
	if err := os.WriteFile(src, []byte(user), 0o600); err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(dir, "copy.mod")
	if err := writeModFile(src, dst, bun, "", []string{"pg", "sqlite"}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(dst)
	if err != nil {
		t.Fatal(err)
	}
	for want, has := range map[string]bool{
		"github.com/uptrace/bun/dialect/pgdialect v1.2.6":     true,
		"github.com/uptrace/bun/dialect/sqlitedialect " + bun: true,
		"github.com/uptrace/bun/dialect/mysqldialect":         false,
		"github.com/uptrace/bun/dialect/pgdialect " + bun:     false,
	} {
		if strings.Contains(string(b), want) != has {
			t.Errorf("copy has %q: %v, want %v\n%s", want, !has, has, b)
		}
	}

	got, err := neededDialects(src, programSpec{Want: "sqlite"})
	if err != nil || strings.Join(got, ",") != "pg,sqlite" {
		t.Errorf("neededDialects = %v, %v; want pg (required), sqlite (wanted)", got, err)
	}
	msg := "go: github.com/uptrace/bun/dialect/mysqldialect@" + bun + ": reading https://proxy.golang.org/...: 404 Not Found"
	if !mentionsOther(msg, got) || mentionsOther(msg, dialectNames) || mentionsOther("undefined: x", got) {
		t.Errorf("mentionsOther misjudges %q", msg)
	}
}
