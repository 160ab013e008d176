//go:build !unix

package main

// execDrift cannot replace the process here: run forwards to a child
// process instead (forwardDrift).
func execDrift([]string) {}
