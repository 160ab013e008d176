package cli

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"

	"github.com/peterbourgon/ff/v3/ffcli"
)

// BunVersion is the Bun release whose behaviour the model reader follows
// (and the Bun-agrees test checks).
const BunVersion = "v1.3.0"

// VersionCommand is "schemalint version".
func VersionCommand(stdout io.Writer) *ffcli.Command {
	return &ffcli.Command{
		Name:       "version",
		ShortUsage: "schemalint version",
		ShortHelp:  "print the version",
		Exec:       func(context.Context, []string) error { return PrintVersion(stdout) },
	}
}

// Version is the module version, or the VCS revision of a development
// build.
func Version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	v := info.Main.Version
	if v != "" && v != "(devel)" {
		return v
	}
	rev, dirty := "", false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return "devel"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if dirty {
		rev += "-dirty"
	}
	return "devel-" + rev
}

// PrintVersion prints the version line, with Go's and the Bun release
// the model reader follows.
func PrintVersion(w io.Writer) error {
	_, err := fmt.Fprintf(w, "schemalint %s (%s, Bun %s semantics)\n", Version(), runtime.Version(), BunVersion)
	return err
}
