package main

import (
	"fmt"
	"sync"
	"time"
)

// progressDelay is how long a step runs before drift says what it is
// doing: quick runs print nothing.
const progressDelay = time.Second

// slowStep says on standard error what drift is doing once the step has
// taken progressDelay, and returns the function that ends the step. Only
// a terminal gets the line, and not with --quiet: scripts and CI logs see
// only results.
func (c *driftCommand) slowStep(what string) (end func()) {
	if c.quiet || !isTerminal(c.stderr) {
		return func() {}
	}
	var once sync.Once
	timer := time.AfterFunc(progressDelay, func() {
		once.Do(func() {
			c.noteMu.Lock()
			defer c.noteMu.Unlock()
			fmt.Fprintf(c.stderr, "schemalint: %s...\n", what)
		})
	})
	return func() {
		timer.Stop()
		once.Do(func() {}) // a line not yet printed never will be
	}
}
