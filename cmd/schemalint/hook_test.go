package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/schemalint/schemalint/internal/clitest"
)

func git(t *testing.T, dir string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.CommandContext(t.Context(), "git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
		"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com", "NO_COLOR=1")
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// TestPreCommitHook installs the hook in a real git repository: a commit
// adding a violating model is blocked with the finding printed, again
// the same from the lint cache; a clean commit goes through.
func TestPreCommitHook(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, f := range []string{"go.mod", "go.sum", ".schemalint.yml"} {
		data, err := os.ReadFile(filepath.Join(mod, f))
		if err != nil {
			t.Fatal(err)
		}
		clitest.Write(t, filepath.Join(dir, f), string(data))
	}
	clean, err := os.ReadFile(filepath.Join(mod, "clean", "models.go"))
	if err != nil {
		t.Fatal(err)
	}
	clitest.Write(t, filepath.Join(dir, "clean", "models.go"), string(clean))
	if out, err := git(t, dir, "init", "-q"); err != nil {
		t.Fatal(out)
	}
	if r := schemalint(t, dir, "hook", "install"); r.Code != 0 || !strings.Contains(r.Stdout, "installed") {
		t.Fatalf("hook install: %d %s %s", r.Code, r.Stdout, r.Stderr)
	}
	if out, err := git(t, dir, "add", "-A"); err != nil {
		t.Fatal(out)
	}
	if out, err := git(t, dir, "commit", "-qm", "clean models"); err != nil {
		t.Fatalf("clean commit blocked: %v\n%s", err, out)
	}
	bad, err := os.ReadFile(filepath.Join(mod, "violations", "models.go"))
	if err != nil {
		t.Fatal(err)
	}
	clitest.Write(t, filepath.Join(dir, "violations", "models.go"), string(bad))
	if out, err := git(t, dir, "add", "-A"); err != nil {
		t.Fatal(out)
	}
	out, err := git(t, dir, "commit", "-qm", "violating models")
	if err == nil {
		t.Fatalf("a commit adding violations went through:\n%s", out)
	}
	if !strings.Contains(out, "violations/models.go:17:2: SL005 error") {
		t.Errorf("the blocked commit does not show the finding:\n%s", out)
	}
	if log, _ := git(t, dir, "log", "--oneline"); strings.Count(log, "\n") != 1 {
		t.Errorf("history: %s", log)
	}
	// Again, unchanged: the lint cache answers, with the same findings.
	if again, err := git(t, dir, "commit", "-qm", "violating models"); err == nil || again != out {
		t.Errorf("the second attempt differs (%v):\n%s\nfirst:\n%s", err, again, out)
	}
	// Back to the clean tree the first commit linted: it goes through.
	if err := os.RemoveAll(filepath.Join(dir, "violations")); err != nil {
		t.Fatal(err)
	}
	clitest.Write(t, filepath.Join(dir, "README"), "clean\n")
	if out, err := git(t, dir, "add", "-A"); err != nil {
		t.Fatal(out)
	}
	if out, err := git(t, dir, "commit", "-qm", "readme"); err != nil {
		t.Fatalf("clean commit blocked after a violating one: %v\n%s", err, out)
	}
	// A second install replaces its own hook; a foreign hook needs --force.
	if r := schemalint(t, dir, "hook", "install", "--", "--fail-level", "error", "./..."); r.Code != 0 {
		t.Errorf("reinstall: %d %s", r.Code, r.Stderr)
	}
	clitest.Write(t, filepath.Join(dir, ".git", "hooks", "pre-commit"), "#!/bin/sh\nexit 0\n")
	if r := schemalint(t, dir, "hook", "install"); r.Code != 2 || !strings.Contains(r.Stderr, "--force") {
		t.Errorf("foreign hook replaced without --force: %d %s", r.Code, r.Stderr)
	}
	if r := schemalint(t, t.TempDir(), "hook", "install"); r.Code != 2 || !strings.Contains(r.Stderr, "not in a git repository") {
		t.Errorf("outside git: %d %s", r.Code, r.Stderr)
	}
}

// TestPreCommitHooksFile checks .pre-commit-hooks.yaml against the real
// CLI: its entry and arguments must be accepted by schemalint.
func TestPreCommitHooksFile(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("../../.pre-commit-hooks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var hooks []struct {
		ID            string   `yaml:"id"`
		Entry         string   `yaml:"entry"`
		Language      string   `yaml:"language"`
		Args          []string `yaml:"args"`
		PassFilenames *bool    `yaml:"pass_filenames"`
	}
	if err := yaml.Unmarshal(data, &hooks); err != nil {
		t.Fatal(err)
	}
	langs := map[string]bool{}
	for _, h := range hooks {
		langs[h.Language] = true
		if h.Entry != "schemalint" || h.PassFilenames == nil || *h.PassFilenames {
			t.Errorf("%s: entry %q, pass_filenames %v", h.ID, h.Entry, h.PassFilenames)
		}
		if r := schemalint(t, filepath.Join(mod, "clean"), append([]string{"--format", "json"}, h.Args...)...); r.Code != 0 {
			t.Errorf("%s: schemalint rejects the hook's arguments %v: %s", h.ID, h.Args, r.Stderr)
		}
	}
	if !langs["golang"] || !langs["system"] {
		t.Errorf("want a golang and a system hook, got %v", langs)
	}
}

// TestBaseline records today's findings, then reports only new ones and
// the entries that stopped matching.
func TestBaseline(t *testing.T) {
	t.Parallel()
	dir := clitest.CopyDir(t, mod)
	if r := schemalint(t, dir, "--baseline-write", "baseline.json", "./violations"); r.Code != 0 || r.Stdout != "" ||
		!strings.Contains(r.Stderr, "recorded 13 findings") {
		t.Fatalf("write: %d %q %q", r.Code, r.Stdout, r.Stderr)
	}
	if r := schemalint(t, dir, "--baseline", "baseline.json", "./violations"); r.Code != 0 || r.Stdout != "" {
		t.Fatalf("nothing new: %d %q %q", r.Code, r.Stdout, r.Stderr)
	}
	// Move everything down two lines, fix one finding, add a new one.
	path := filepath.Join(dir, "violations", "models.go")
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(src), "package violations\n", "package violations\n\n// moved\n", 1)
	s = strings.Replace(s, "`bun:\"deleted_at\"`", "`bun:\"deleted_at,soft_delete\"`", 1)
	s = strings.Replace(s, "Title string `bun:\"title\"`", "Title string `bun:\"title\"`\n\tBlob  map[string]any `bun:\"blob\"`", 1)
	clitest.Write(t, path, s)
	r := schemalint(t, dir, "--baseline", "baseline.json", "./violations")
	if r.Code != 1 || strings.Count(r.Stdout, "SL007") != 1 || !strings.Contains(r.Stdout, "Blob") || strings.Contains(r.Stdout, "Settings") {
		t.Errorf("new finding only: %d\n%s", r.Code, r.Stdout)
	}
	// One line with the command that rewrites the file, not a list.
	if want := "schemalint: baseline baseline.json: 1 of its 13 entries match nothing (fixed, or changed); shrink it: schemalint --baseline-write baseline.json ./violations\n"; r.Stderr != want {
		t.Errorf("stale entry note:\n%s\nwant\n%s", r.Stderr, want)
	}
	if r := schemalint(t, dir, "--baseline", "missing.json", "./violations"); r.Code != 2 {
		t.Errorf("missing baseline: exit %d", r.Code)
	}
}

// TestBaselineFromConfig: the baseline: key of a committed .schemalint.yml
// is honoured by plain lint runs and so by the pre-commit hook; a change of
// dialects, which rewords findings, does not re-report them; a paid-down
// baseline says so once per run with the command that rewrites it.
func TestBaselineFromConfig(t *testing.T) {
	t.Parallel()
	dir := clitest.CopyDir(t, mod)
	cfgPath := filepath.Join(dir, ".schemalint.yml")
	cfg, err := os.ReadFile(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	clitest.Write(t, cfgPath, string(cfg)+"baseline: .schemalint-baseline.json\n")
	if out, err := git(t, dir, "init", "-q"); err != nil {
		t.Fatal(out)
	}
	if r := schemalint(t, dir, "--baseline-write", ".schemalint-baseline.json", "./violations"); r.Code != 0 {
		t.Fatalf("baseline-write: %d %s", r.Code, r.Stderr)
	}
	// SL007 names the dialects Bun would create the wrong type on.
	clitest.Write(t, cfgPath, strings.Replace(string(cfg), "dialect: [postgres, mysql]", "dialect: [postgres, mysql, sqlite]", 1)+"baseline: .schemalint-baseline.json\n")
	if r := schemalint(t, dir, "./violations"); r.Code != 0 || r.Stdout != "" || r.Stderr != "" {
		t.Fatalf("baselined findings reported after a dialect change: %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	if r := schemalint(t, dir, "hook", "install", "--", "./violations"); r.Code != 0 {
		t.Fatalf("hook install: %d %s", r.Code, r.Stderr)
	}
	commit := func(msg string) string {
		t.Helper()
		if out, err := git(t, dir, "add", "-A"); err != nil {
			t.Fatal(out)
		}
		out, err := git(t, dir, "commit", "-qm", msg)
		if err != nil {
			t.Fatalf("commit %q blocked: %v\n%s", msg, err, out)
		}
		return out
	}
	if out := commit("baselined violations"); strings.Contains(out, "SL0") {
		t.Errorf("the hook printed baselined findings:\n%s", out)
	}
	// Pay the debt down: the models are now clean.
	clean, err := os.ReadFile(filepath.Join(mod, "clean", "models.go"))
	if err != nil {
		t.Fatal(err)
	}
	clitest.Write(t, filepath.Join(dir, "violations", "models.go"), string(clean))
	out := commit("paid down")
	const rewrite = "schemalint --baseline-write .schemalint-baseline.json ./violations"
	if strings.Count(out, "is paid down") != 1 || strings.Count(out, rewrite) != 1 || strings.Count(out, "\n") != 1 {
		t.Errorf("paid-down note, want one line with %q:\n%s", rewrite, out)
	}
	// The printed command does rewrite it; then the note is gone.
	if r := schemalint(t, dir, strings.Fields(rewrite)[1:]...); r.Code != 0 {
		t.Fatalf("%s: %d %s", rewrite, r.Code, r.Stderr)
	}
	if r := schemalint(t, dir, "./violations"); r.Code != 0 || r.Stdout != "" || r.Stderr != "" {
		t.Errorf("after the rewrite: %d %q %q", r.Code, r.Stdout, r.Stderr)
	}
}
