//go:build !unix

package load

import "os/exec"

// ownGroup: without process groups, cancelling kills the child only (the
// exec package's default).
func ownGroup(*exec.Cmd) {}
