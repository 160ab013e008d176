package cli

import (
	"path/filepath"
	"testing"

	"github.com/schemalint/schemalint/internal/clitest"
)

func TestConfigBaseline(t *testing.T) {
	root := t.TempDir()
	clitest.Write(t, filepath.Join(root, ".schemalint.yml"), "dialect: pg\nbaseline: ci/baseline.json\n")
	sub := filepath.Join(root, "app")
	clitest.Write(t, filepath.Join(sub, "x.go"), "package app\n")
	for _, tc := range []struct{ explicit, cwd, want string }{
		{"", root, filepath.Join("ci", "baseline.json")},
		// Relative to the configuration file, not to where lint runs.
		{"", sub, filepath.Join(root, "ci", "baseline.json")},
		{filepath.Join(root, ".schemalint.yml"), root, filepath.Join("ci", "baseline.json")},
	} {
		got, err := ConfigBaseline(tc.explicit, tc.cwd)
		if err != nil || got != tc.want {
			t.Errorf("ConfigBaseline(%q, %q) = %q, %v; want %q", tc.explicit, tc.cwd, got, err, tc.want)
		}
	}
	none := t.TempDir()
	clitest.Write(t, filepath.Join(none, ".schemalint.yml"), "dialect: pg\n")
	if got, err := ConfigBaseline("", none); got != "" || err != nil {
		t.Errorf("no baseline: key: %q, %v", got, err)
	}
	clitest.Write(t, filepath.Join(none, "bad.yml"), "baseline: [a]\n")
	if _, err := ConfigBaseline(filepath.Join(none, "bad.yml"), none); err == nil {
		t.Error("a malformed configuration gave no error")
	}
}
