package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"

	"github.com/peterbourgon/ff/v3/ffcli"
)

// bunVersion is the Bun release whose behaviour the model reader follows
// (and the Bun-agrees test checks).
const bunVersion = "v1.3.0"

func newVersionCommand(stdout io.Writer) *ffcli.Command {
	return &ffcli.Command{
		Name:       "version",
		ShortUsage: "schemalint version",
		ShortHelp:  "print the version",
		Exec:       func(context.Context, []string) error { return printVersion(stdout) },
	}
}

// version is the module version, or the VCS revision of a development
// build.
func version() string {
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

func printVersion(w io.Writer) error {
	_, err := fmt.Fprintf(w, "schemalint %s (%s, Bun %s semantics)\n", version(), runtime.Version(), bunVersion)
	return err
}
