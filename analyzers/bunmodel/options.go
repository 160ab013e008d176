package bunmodel

import (
	"maps"
	"slices"
)

// FieldOptions returns the field tag options Bun understands, sorted:
// what a rule needs to suggest the option a misspelling was meant to be.
func FieldOptions() []string {
	names := append(slices.Collect(maps.Keys(knownFieldOptions)), "embed")
	slices.Sort(names)
	return names
}

// TableOptions returns the bun.BaseModel tag options Bun understands,
// sorted.
func TableOptions() []string { return slices.Sorted(maps.Keys(knownTableOptions)) }

// IsEmbeddedOption reports whether Bun reads name on an anonymous
// (embedded) struct field; it ignores every other option there.
func IsEmbeddedOption(name string) bool { return embeddedOptions[name] }
