package load

import (
	"context"
	"os/exec"
	"time"
)

// waitDelay bounds how long Wait waits, once the context is done and the
// process group killed, for output pipes a straggler might still hold.
const waitDelay = 2 * time.Second

// command is exec.CommandContext for every child drift starts (the go
// command, the generated program): the child runs in a process group of
// its own, and when ctx is done the whole group is killed, so that no
// compiler, linker or half-run migration outlives an interrupted or timed
// out run.
func command(ctx context.Context, name string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, name, args...) //nolint:gosec // the go command, or the program drift built
	ownGroup(cmd)
	cmd.WaitDelay = waitDelay
	return cmd
}
