package tagsyntax

import "github.com/schemalint/schemalint/analyzers/bunmodel"

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

// knownFieldOptions and knownTableOptions are the candidates for
// suggestions.
var (
	knownFieldOptions = bunmodel.FieldOptions()
	knownTableOptions = bunmodel.TableOptions()
)
