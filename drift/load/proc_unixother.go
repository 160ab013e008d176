//go:build unix && !linux

package load

import "syscall"

func setParentDeathSignal(*syscall.SysProcAttr) {}
