package suggest

import "testing"

func TestClosest(t *testing.T) {
	keys := []string{"dialect", "exclude", "rules", "drift", "models", "foreign_keys", "baseline"}
	for _, tc := range []struct{ word, want string }{
		{"dialects", "dialect"},
		{"Dialect", "dialect"},
		{"foreign-keys", "foreign_keys"},
		{"rulez", "rules"},
		{"basline", "baseline"},
		{"xyz", ""}, // nothing near
		{"ab", ""},  // too short for two edits to be a guess
		{"modes", "models"},
	} {
		got, _ := Closest(tc.word, keys)
		if got != tc.want {
			t.Errorf("Closest(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}
	// Equally close candidates: no guess.
	if got, ok := Closest("SL00", []string{"SL001", "SL002"}); ok {
		t.Errorf("tie gave %q", got)
	}
	if got := Hint("SL999", []string{"SL001", "SL009", "SL100", "SL200"}); got != ` (did you mean "SL009"?)` {
		t.Errorf("Hint = %q", got)
	}
	if got := Hint("nothing-like-it", []string{"SL001"}); got != "" {
		t.Errorf("Hint = %q", got)
	}
}

func TestDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{{"", "", 0}, {"abc", "", 3}, {"tabel", "table", 1}, {"kitten", "sitting", 3}, {"alais", "alias", 1}} {
		if got := Distance(tc.a, tc.b); got != tc.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}
