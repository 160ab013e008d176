//go:build unix

package load

import (
	"errors"
	"os/exec"
	"syscall"
)

// ownGroup puts cmd in a new process group and makes cancelling it kill
// the group: go build's compilers and linkers, and anything the user's
// init functions start, go with it.
func ownGroup(cmd *exec.Cmd) {
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	cmd.SysProcAttr.Setpgid = true
	setParentDeathSignal(cmd.SysProcAttr)
	cmd.Cancel = func() error {
		// The group's id is the leader's pid (Setpgid with Pgid 0).
		err := syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		if errors.Is(err, syscall.ESRCH) {
			return nil // already gone
		}
		return err
	}
}
