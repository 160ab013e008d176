// Package cli holds what the two binaries, schemalint (lint, rules, hook)
// and schemalint-drift (drift, migrate), share on the command line: exit
// codes, errors that carry them, interruption, help, repeatable and
// Interleaved flags, baselines and the version. The lint binary stays
// small because drift's database drivers and Atlas live only in the
// second one (see docs/BENCHMARKS.md: they cost 14 MiB at start-up).
package cli
