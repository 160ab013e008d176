package bunmodel

import (
	"go/types"
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

// HasTypeParam reports whether t mentions a type parameter (through
// pointers, slices, arrays and maps): a field of such a type is known
// only once its generic model is instantiated.
func HasTypeParam(t types.Type) bool { return containsTypeParam(t) }
