// Package clitest builds schemalint and schemalint-drift for the tests
// of cmd/schemalint and cmd/schemalint-drift, and runs them as users do:
// both binaries side by side, so that schemalint drift and schemalint
// migrate reach schemalint-drift as after go install ./cmd/....
package clitest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/schemalint/schemalint/internal/testdb"
)

// Build builds both binaries into dir and returns the path of schemalint.
func Build(dir string) (string, error) {
	cmd := exec.CommandContext(context.Background(), "go", "build", "-o", dir+string(filepath.Separator),
		"github.com/schemalint/schemalint/cmd/schemalint", "github.com/schemalint/schemalint/cmd/schemalint-drift")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("build schemalint and schemalint-drift: %w\n%s", err, out)
	}
	bin := filepath.Join(dir, "schemalint")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	return bin, nil
}

// Result is what a run printed, and its exit code.
type Result struct {
	Stdout, Stderr string
	Code           int
}

// Run runs bin in dir with env added to the environment (and NO_COLOR),
// until ctx ends; a panic's trace fails t.
func Run(ctx context.Context, t testing.TB, bin, dir string, env []string, args ...string) Result {
	t.Helper()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "NO_COLOR=1"), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := Result{Stdout: stdout.String(), Stderr: stderr.String()}
	if ee, ok := errors.AsType[*exec.ExitError](err); ok {
		r.Code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(r.Stderr, "goroutine ") || strings.Contains(r.Stderr, "panic:") {
		t.Fatalf("schemalint %v panicked:\n%s", args, r.Stderr)
	}
	return r
}

// Write writes content to path, creating its directory.
func Write(t testing.TB, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil { //nolint:gosec // fixtures, which tests running as nobody read too
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil { //nolint:gosec // fixtures, which tests running as nobody read too
		t.Fatal(err)
	}
}

// CopyDir copies the directory src into a new temporary directory.
func CopyDir(t testing.TB, src string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	return dir
}

// Go runs the go command in dir and returns its combined output.
func Go(t testing.TB, dir string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.CommandContext(t.Context(), "go", args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// Main is the TestMain of a cmd package: it builds both binaries into a
// temporary directory, setting *bin to schemalint, keeps the result cache
// and drift's programs out of the user's cache directory, runs the tests
// (testdb.Main: databases created for them are dropped) and removes the
// directory. It returns the exit code.
func Main(m *testing.M, bin *string) int {
	dir, err := os.MkdirTemp("", "schemalint-test")
	if err != nil {
		panic(err)
	}
	defer func() { _ = os.RemoveAll(dir) }()
	if err := os.Setenv("SCHEMALINT_CACHE_DIR", filepath.Join(dir, "cache")); err != nil {
		panic(err)
	}
	if *bin, err = Build(dir); err != nil {
		panic(err)
	}
	return testdb.Main(m)
}

// sarifSchema is the SARIF 2.1.0 schema, from a cmd package's directory.
const sarifSchema = "../../cmd/schemalint/testdata/sarif/sarif-2.1.0-rtm.5.json"

// ValidSARIF reports whether out is valid SARIF 2.1.0 (nil), or why not.
func ValidSARIF(t testing.TB, out string) error {
	t.Helper()
	sch, err := jsonschema.NewCompiler().Compile(sarifSchema)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		return err
	}
	return sch.Validate(doc)
}
