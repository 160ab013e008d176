package tagsyntax

import (
	"strings"

	"github.com/schemalint/schemalint/analyzers/bunmodel"
)

// valueKind says how Bun reads an option's value.
type valueKind int

const (
	// flag options are read with Tag.HasOption: any value is ignored,
	// so notnull:false still means NOT NULL.
	flag valueKind = iota
	// needsValue options are read with Tag.Option and mean nothing (or
	// something broken) without a value: type: leaves Bun's default type,
	// column: names a column "", rel: panics.
	needsValue
	// maybeValue options work with or without a value: unique (a group
	// name), polymorphic (the type value), embed (the prefix).
	maybeValue
)

// fieldOptions classifies every field option Bun v1.3.0 knows
// (bunmodel.FieldOptions; TestEveryOptionClassified keeps them in step).
var fieldOptions = map[string]valueKind{
	"pk": flag, "notnull": flag, "nullzero": flag, "soft_delete": flag, "scanonly": flag,
	"skipupdate": flag, "autoincrement": flag, "identity": flag, "array": flag, "hstore": flag,
	"msgpack": flag, "json_use_number": flag, "multirange": flag,

	"column": needsValue, "alt": needsValue, "type": needsValue, "default": needsValue,
	"rel": needsValue, "join": needsValue, "join_on": needsValue, "on_update": needsValue,
	"on_delete": needsValue, "m2m": needsValue, "composite": needsValue,

	"unique": maybeValue, "polymorphic": maybeValue, "embed": maybeValue,
}

// repeatable options may be given more than once without Bun quietly
// dropping all but the last: unique, join and join_on are read as lists.
// on_update and on_delete are here for another reason: repeated on a
// belongs-to relation they make Bun panic, which SL102 reports, and
// elsewhere Bun ignores them anyway.
var repeatable = map[string]bool{"unique": true, "join": true, "join_on": true, "on_update": true, "on_delete": true}

// relationOptions are read only on a relation field (rel: or m2m:).
var relationOptions = map[string]bool{
	"rel": true, "join": true, "join_on": true, "on_update": true, "on_delete": true, "m2m": true, "polymorphic": true,
}

// columnOnly are options that describe a column; a relation field is no
// column, so Bun ignores them there (column: is not among them: it names
// the relation in join aliases).
func columnOnly(opt string) bool {
	_, known := fieldOptions[opt]
	return known && !relationOptions[opt] && opt != "column" && opt != "embed"
}

// lost says what is lost when an option Bun does not know was meant to be
// opt.
func lost(opt string) string {
	switch opt {
	case "notnull":
		return "the column stays nullable"
	case "nullzero":
		return "zero values are written as they are, not as NULL"
	case "pk":
		return "the field is no primary key"
	case "soft_delete":
		return "deletes remove rows for good and selects do not skip deleted rows"
	case "unique":
		return "there is no unique constraint"
	case "default":
		return "the column has no default"
	case "type":
		return "the column gets Bun's default type"
	case "table":
		return "the table keeps its default name"
	case "alias":
		return "the table keeps its default alias"
	}
	return "the option has no effect"
}

// suggest returns the known option closest to key, if one is close
// enough to be what the author meant: after folding case and '-' to '_',
// at most two edits and at most half the key's length away, and strictly
// closer than any other.
func suggest(key string, known []string) (string, bool) {
	norm := strings.ReplaceAll(strings.ToLower(key), "-", "_")
	best, bestDist, tie := "", 3, false
	for _, k := range known {
		d := distance(norm, k)
		switch {
		case d < bestDist:
			best, bestDist, tie = k, d, false
		case d == bestDist:
			tie = true
		}
	}
	if best == "" || tie || 2*bestDist > len(norm) {
		return "", false
	}
	return best, true
}

// distance is the optimal-string-alignment edit distance: insertions,
// deletions, substitutions and transpositions of neighbours ("tabel",
// "alais") each cost one.
func distance(a, b string) int {
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

// knownFieldOptions and knownTableOptions are the candidates for
// suggestions.
var (
	knownFieldOptions = bunmodel.FieldOptions()
	knownTableOptions = bunmodel.TableOptions()
)
