package clitest

import (
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/peterbourgon/ff/v3/ffcli"
	"go.yaml.in/yaml/v3"

	"github.com/schemalint/schemalint/internal/report"
)

// DriftInstall is how the templates install schemalint-drift with
// schemalint: both binaries, at one version.
const DriftInstall = "go install github.com/schemalint/schemalint/cmd/...@"

// CheckExamples parses every workflow template under examples/ (from
// the directory of a cmd package) and checks each schemalint command
// that own accepts against the real command tree newRoot builds: the
// subcommand exists, every flag is one of its flags, and enumerated
// values are ones it accepts. A template that runs drift or migrate must
// install schemalint-drift too. It returns how many commands it checked.
func CheckExamples(t *testing.T, newRoot func() *ffcli.Command, own func(args []string) bool) int {
	t.Helper()
	files, err := filepath.Glob("../../examples/*/*.yml")
	if err != nil {
		t.Fatal(err)
	}
	// filepath.Glob's * matches .gitlab-ci.yml too.
	if len(files) < 3 {
		t.Fatalf("found %d templates: %v", len(files), files)
	}
	checked := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var doc any
		if err := yaml.Unmarshal(data, &doc); err != nil {
			t.Errorf("%s: not YAML: %v", f, err)
			continue
		}
		for _, cmd := range schemalintCommands(doc) {
			if len(cmd) > 0 && (cmd[0] == "drift" || cmd[0] == "migrate") && !strings.Contains(string(data), DriftInstall) {
				t.Errorf("%s runs schemalint %s but does not install schemalint-drift (%s...)", f, cmd[0], DriftInstall)
			}
			if own(cmd) {
				checkCommand(t, f, newRoot(), cmd)
				checked++
			}
		}
	}
	return checked
}

// schemalintCommands collects the schemalint command lines of every string
// in the document (GitHub `run:` blocks, GitLab `script:` lists).
func schemalintCommands(doc any) [][]string {
	var out [][]string
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		case string:
			for line := range strings.SplitSeq(v, "\n") {
				line = strings.TrimSpace(line)
				if !strings.HasPrefix(line, "schemalint ") {
					continue
				}
				// The command ends where the shell takes over.
				for _, stop := range []string{" >", " ||", " |", " &&", ";"} {
					if i := strings.Index(line, stop); i >= 0 {
						line = line[:i]
					}
				}
				out = append(out, strings.Fields(line)[1:])
			}
		}
	}
	walk(doc)
	return out
}

var enums = map[string][]string{
	"format":     append(slices.Clone(report.Formats), "sql"),
	"fail-level": {"error", "warning", "info"},
	"fail-on":    {"error", "warning", "info"},
	"mode":       {"live", "migrations"},
}

func checkCommand(t *testing.T, file string, cmd *ffcli.Command, args []string) {
	t.Helper()
	var path []string
	for len(args) > 0 {
		sub := findSub(cmd, args[0])
		if sub == nil {
			break
		}
		cmd, path, args = sub, append(path, args[0]), args[1:]
	}
	where := file + ": schemalint " + strings.Join(append(path, args...), " ")
	if cmd.FlagSet == nil {
		t.Errorf("%s: command takes no flags", where)
		return
	}
	cmd.FlagSet.SetOutput(io.Discard)
	if err := cmd.FlagSet.Parse(args); err != nil {
		t.Errorf("%s: %v", where, err)
		return
	}
	for name, allowed := range enums {
		if f := cmd.FlagSet.Lookup(name); f != nil && f.Value.String() != f.DefValue && !slices.Contains(allowed, f.Value.String()) {
			t.Errorf("%s: --%s %s is not one of %v", where, name, f.Value, allowed)
		}
	}
	for _, pattern := range cmd.FlagSet.Args() {
		if strings.HasPrefix(pattern, "-") {
			t.Errorf("%s: flag %s after the package patterns is not parsed", where, pattern)
		}
	}
}

func findSub(c *ffcli.Command, name string) *ffcli.Command {
	for _, s := range c.Subcommands {
		if s.Name == name {
			return s
		}
	}
	return nil
}
