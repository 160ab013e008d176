// Package suggest finds the known word a misspelt one was meant to be, for
// "did you mean" hints in error messages and findings.
package suggest

import "strings"

// Closest returns the candidate closest to word, if one is close enough to
// be what the author meant: after folding case and '-' to '_', at most two
// edits and at most half the word's length away, and strictly closer than
// any other candidate.
func Closest(word string, candidates []string) (string, bool) {
	norm := fold(word)
	best, bestDist, tie := "", 3, false
	for _, c := range candidates {
		d := Distance(norm, fold(c))
		switch {
		case d < bestDist:
			best, bestDist, tie = c, d, false
		case d == bestDist:
			tie = true
		}
	}
	if best == "" || tie || 2*bestDist > len(norm) {
		return "", false
	}
	return best, true
}

// Hint is Closest as a message suffix: ` (did you mean "dialect"?)`, or "".
func Hint(word string, candidates []string) string {
	if c, ok := Closest(word, candidates); ok {
		return ` (did you mean "` + c + `"?)`
	}
	return ""
}

func fold(s string) string { return strings.ReplaceAll(strings.ToLower(s), "-", "_") }

// Distance is the optimal-string-alignment edit distance: insertions,
// deletions, substitutions and transpositions of neighbours ("tabel",
// "alais") each cost one.
func Distance(a, b string) int {
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
