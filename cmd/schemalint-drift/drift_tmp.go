package main

import (
	"os"
)

// privateGoTmp points GOTMPDIR, for every go command drift starts (go
// list, go/packages, go build), at a directory of its own, and returns the
// function removing it. A go command killed because the run was
// interrupted cannot remove its work directory; drift removes this one on
// every exit path, interrupts included. A GOTMPDIR the user set still
// holds it.
func privateGoTmp() (func(), error) {
	dir, err := os.MkdirTemp(os.Getenv("GOTMPDIR"), "schemalint-go-")
	if err != nil {
		return nil, err
	}
	prev, had := os.LookupEnv("GOTMPDIR")
	if err := os.Setenv("GOTMPDIR", dir); err != nil {
		_ = os.RemoveAll(dir) //nolint:gosec // the directory just created here
		return nil, err
	}
	return func() {
		if had {
			_ = os.Setenv("GOTMPDIR", prev)
		} else {
			_ = os.Unsetenv("GOTMPDIR")
		}
		_ = os.RemoveAll(dir) //nolint:gosec // the directory created above
	}, nil
}
