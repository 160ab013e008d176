package plugin

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestCustomGCLScriptDestination: scripts/golangci-lint-custom.sh puts the
// binary where `golangci-lint custom`, run in the config's directory, would:
// the config's destination (default that directory) and name (default
// custom-gcl). Built for another module's config, it once wrote into this
// checkout's bin/, over the binary CI had built.
func TestCustomGCLScriptDestination(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash is not installed")
	}
	script, err := filepath.Abs("../scripts/golangci-lint-custom.sh")
	if err != nil {
		t.Fatal(err)
	}
	repo := filepath.Dir(filepath.Dir(script))
	app := t.TempDir()
	abs := t.TempDir()
	const plugins = "plugins:\n  - module: example.com/p\n    path: .\n"
	tests := []struct {
		name   string
		config string // "" for the repository's own .custom-gcl.yml
		args   []string
		want   string
	}{
		{"this repository (CI)", "", nil, filepath.Join(repo, "bin", "custom-gcl")},
		{"no destination, no name", "version: v2.15.0\n" + plugins, nil, filepath.Join(app, "custom-gcl")},
		{"relative destination and name", "version: v2.15.0\nname: 'mygcl' # comment\ndestination: ./tools/bin\n" + plugins, nil, filepath.Join(app, "tools", "bin", "mygcl")},
		{"absolute destination", "version: v2.15.0\ndestination: " + abs + "\n" + plugins, nil, filepath.Join(abs, "custom-gcl")},
		{"flags win", "version: v2.15.0\ndestination: ./tools\n" + plugins, []string{"-n", "x", "-d", "out"}, filepath.Join(app, "out", "x")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			args := []string{script, "--print-destination"}
			if tc.config != "" {
				if err := os.WriteFile(filepath.Join(app, ".custom-gcl.yml"), []byte(tc.config), 0o644); err != nil {
					t.Fatal(err)
				}
				args = append(args, "-c", filepath.Join(app, ".custom-gcl.yml"))
			}
			args = append(args, tc.args...)
			cmd := exec.CommandContext(t.Context(), "bash", args...)
			cmd.Dir = app // -d is relative to the caller's directory
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("%v: %v\n%s", args, err, stderrOf(err))
			}
			if got := strings.TrimSpace(string(out)); got != tc.want {
				t.Errorf("destination = %q, want %q", got, tc.want)
			}
			// A dry run creates nothing.
			if _, err := os.Stat(filepath.Join(app, "tools")); !os.IsNotExist(err) {
				t.Errorf("--print-destination created %s", filepath.Join(app, "tools"))
			}
		})
	}
}

func stderrOf(err error) string {
	if ee, ok := errors.AsType[*exec.ExitError](err); ok {
		return string(ee.Stderr)
	}
	return ""
}

// TestScriptHeartbeat: the script's long steps (go install of golangci-lint
// took 530 s in one CI log without a line) say that they are still going,
// every SCHEMALINT_HEARTBEAT seconds; the step's own output goes to its log
// and its exit status is kept. A quick step prints nothing.
func TestScriptHeartbeat(t *testing.T) {
	lib, err := filepath.Abs("../scripts/heartbeat.sh")
	if err != nil {
		t.Fatal(err)
	}
	logFile := filepath.Join(t.TempDir(), "log")
	run := func(step string) (string, string) {
		t.Helper()
		cmd := exec.CommandContext(t.Context(), "bash", "-c",
			`set -euo pipefail; source "$1"; s=0; quietly "doing it" "$2" bash -c "$3" || s=$?; echo "status=$s"`, "bash", lib, logFile, step)
		cmd.Env = append(os.Environ(), "SCHEMALINT_HEARTBEAT=1")
		var stderr strings.Builder
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%v\n%s", err, stderr.String())
		}
		return strings.TrimSpace(string(out)), stderr.String()
	}
	out, stderr := run("echo step-output; sleep 2.6; exit 3")
	if out != "status=3" || strings.Count(stderr, "==> still doing it (") < 2 {
		t.Errorf("slow step: stdout %q, stderr %q; want status=3 and a line a second", out, stderr)
	}
	if b, err := os.ReadFile(logFile); err != nil || strings.TrimSpace(string(b)) != "step-output" {
		t.Errorf("the step's output: %q, %v; want it in the log", b, err)
	}
	if out, stderr := run("true"); out != "status=0" || stderr != "" {
		t.Errorf("quick step: stdout %q, stderr %q; want status=0 and silence", out, stderr)
	}
}
