package tagsyntax

import (
	"testing"

	"github.com/schemalint/schemalint/analyzers/bunmodel"
	"github.com/schemalint/schemalint/internal/suggest"
)

// TestEveryOptionClassified keeps fieldOptions in step with the options
// Bun knows: a new Bun option must be classified before SL100 can judge
// its value.
func TestEveryOptionClassified(t *testing.T) {
	known := map[string]bool{}
	for _, opt := range bunmodel.FieldOptions() {
		known[opt] = true
		if _, ok := fieldOptions[opt]; !ok {
			t.Errorf("Bun option %q is not classified", opt)
		}
	}
	for opt := range fieldOptions {
		if !known[opt] {
			t.Errorf("%q is classified but Bun does not know it", opt)
		}
	}
}

func TestSuggest(t *testing.T) {
	for _, tc := range []struct{ key, want string }{
		{"notnul", "notnull"},
		{"NotNull", "notnull"},
		{"soft-delete", "soft_delete"},
		{"softdelete", "soft_delete"},
		{"nullzeros", "nullzero"},
		{"deafult", "default"}, //nolint:misspell // misspelt on purpose: a transposition is one edit
		{"typ", "type"},
		{"pkk", "pk"},
		{"id", ""},         // two edits from pk, but only two letters long
		{"frobnicate", ""}, // nothing close
		{"x", ""},
	} {
		got, ok := suggest.Closest(tc.key, knownFieldOptions)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("suggest.Closest(%q) = %q, %v; want %q", tc.key, got, ok, tc.want)
		}
	}
	for _, tc := range []struct{ key, want string }{{"tabel", "table"}, {"alais", "alias"}, {"schema", ""}} {
		if got, _ := suggest.Closest(tc.key, knownTableOptions); got != tc.want {
			t.Errorf("suggest.Closest(%q) among table options = %q; want %q", tc.key, got, tc.want)
		}
	}
}
