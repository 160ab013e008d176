package load

import (
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestCleanPatternsAsGoDoes asks the go command: every pattern it names
// in a package's Match is one cleanPatterns makes of the patterns given,
// however they are spelled.
func TestCleanPatternsAsGoDoes(t *testing.T) {
	t.Parallel()
	dir := copyFixture(t, "dirmod")
	for _, patterns := range [][]string{
		{"./models", "./migrations"},
		{"./models/", "./migrations/../migrations"},
		{"./...", "./models"},
		{"example.com/dirmod/models/", "example.com/dirmod/..."},
		{filepath.Join(dir, "models") + string(filepath.Separator), "./models/./"},
		{"."},
	} {
		cmd := exec.CommandContext(t.Context(), "go", append([]string{"list", "-e", "-json=ImportPath,Match", "--"}, patterns...)...)
		cmd.Dir = dir
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("go list %q: %v", patterns, err)
		}
		clean := cleanPatterns(patterns)
		dec := json.NewDecoder(strings.NewReader(string(out)))
		for {
			var p struct {
				ImportPath string   `json:"ImportPath"`
				Match      []string `json:"Match"`
			}
			if err := dec.Decode(&p); errors.Is(err, io.EOF) {
				break
			} else if err != nil {
				t.Fatal(err)
			}
			for _, m := range p.Match {
				if !slices.Contains(clean, m) {
					t.Errorf("%q: go names pattern %q for %s; cleanPatterns made %q", patterns, m, p.ImportPath, clean)
				}
			}
		}
	}
}

// TestJointListing: the listings Desired cuts out of one go list are
// the ones a go list of each set of patterns makes (so both key the
// cache alike), whatever the spelling of the patterns; a pattern the
// joint listing did not list is listed on its own.
func TestJointListing(t *testing.T) {
	t.Parallel()
	dir := copyFixture(t, "dirmod")
	key := func(l *listing) string {
		t.Helper()
		k, err := l.key("k")
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	roots := func(l *listing) []string {
		var out []string
		for _, p := range l.roots {
			out = append(out, p.ImportPath)
		}
		return out
	}
	for _, tc := range []struct{ models, migrations []string }{
		{[]string{"./models"}, []string{"./migrations"}},
		{[]string{"./models/"}, []string{"./migrations/."}},
		{[]string{"./..."}, []string{"./migrations"}},
		{[]string{"./models"}, []string{"./models"}},
	} {
		cfg := Config{Dir: dir, Models: tc.models, Migrations: tc.migrations}
		all, err := listAll(t.Context(), dir, cfg.declaredPatterns())
		if err != nil {
			t.Fatal(err)
		}
		for _, patterns := range [][]string{tc.models, cfg.declaredPatterns(), tc.migrations} {
			sub, err := all.subset(t.Context(), patterns)
			if err != nil {
				t.Fatalf("%q of %q: %v", patterns, cfg.declaredPatterns(), err)
			}
			own, err := goList(t.Context(), dir, patterns)
			if err != nil {
				t.Fatal(err)
			}
			if key(sub) != key(own) || !slices.Equal(roots(sub), roots(own)) || len(sub.pkgs) != len(own.pkgs) || sub.main.Path != own.main.Path {
				t.Errorf("%q out of %q: roots %q, %d packages; on its own: roots %q, %d packages (keys equal: %v)",
					patterns, cfg.declaredPatterns(), roots(sub), len(sub.pkgs), roots(own), len(own.pkgs), key(sub) == key(own))
			}
		}
	}
	all, err := listAll(t.Context(), dir, []string{"./models"})
	if err != nil {
		t.Fatal(err)
	}
	sub, err := all.subset(t.Context(), []string{"./migrations"})
	if err != nil || !slices.Equal(roots(sub), []string{"example.com/dirmod/migrations"}) {
		t.Errorf("a pattern not in the joint listing: %v, %v", sub, err)
	}
}

// TestDesired: one listing gives what Models and Declared give, from
// the same cache entries; a package that does not compile fails the side
// that lists it, not the other.
func TestDesired(t *testing.T) {
	t.Parallel()
	dir := copyFixture(t, "dirmod")
	cfg := Config{Dir: dir, Models: []string{"./models"}, Migrations: []string{"./migrations"}, CacheDir: t.TempDir()}
	ctx := t.Context()
	m, err := Models(ctx, cfg, "pg")
	if err != nil {
		t.Fatal(err)
	}
	d, err := Declared(ctx, cfg, "pg")
	if err != nil {
		t.Fatal(err)
	}
	got := Desired(ctx, cfg, "pg")
	if got.ModelsErr != nil || got.DeclaredErr != nil {
		t.Fatalf("Desired: %v; %v", got.ModelsErr, got.DeclaredErr)
	}
	if got.Models.Built {
		t.Error("Desired built a program that Models had cached")
	}
	if !reflect.DeepEqual(got.Models.View, m.View) || !reflect.DeepEqual(got.Models.Sources, m.Sources) {
		t.Error("Desired's models differ from Models'")
	}
	if !reflect.DeepEqual(got.Declared, d) {
		t.Errorf("Desired's declarations differ from Declared's:\n%s\n%s", mustJSON(t, got.Declared), mustJSON(t, d))
	}

	// Without migrations there is nothing declared, and no error.
	noMig := cfg
	noMig.Migrations = nil
	if got := Desired(ctx, noMig, "pg"); got.ModelsErr != nil || got.DeclaredErr != nil || got.Declared != nil || got.Models == nil {
		t.Errorf("without migrations: %+v", got)
	}

	broken := filepath.Join(dir, "migrations", "broken.go")
	if err := os.WriteFile(broken, []byte("package migrations\n\nimport _ \"example.com/dirmod/missing\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got = Desired(ctx, cfg, "pg")
	var ce *CompileError
	if got.ModelsErr != nil || !errorsAsCompile(got.DeclaredErr, &ce) {
		t.Errorf("migrations that do not compile: models %v, declared %v", got.ModelsErr, got.DeclaredErr)
	}
	if err := os.Remove(broken); err != nil {
		t.Fatal(err)
	}
	models := filepath.Join(dir, "models", "models.go")
	b, err := os.ReadFile(models)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(models, []byte(strings.Replace(string(b), "import \"github.com/uptrace/bun\"", "import (\n\t\"github.com/uptrace/bun\"\n\t_ \"example.com/dirmod/missing\"\n)", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	got = Desired(ctx, cfg, "pg")
	if !errorsAsCompile(got.ModelsErr, &ce) {
		t.Errorf("models that do not compile: models %v", got.ModelsErr)
	}
}
