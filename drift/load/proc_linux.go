//go:build linux

package load

import "syscall"

// setParentDeathSignal has Linux kill the child should schemalint itself
// die without cleaning up (SIGKILL): its own process group no longer
// receives the terminal's signals.
func setParentDeathSignal(a *syscall.SysProcAttr) { a.Pdeathsig = syscall.SIGKILL }
