package bunmodel

import "github.com/jinzhu/inflection"

// underscore converts a Go identifier to Bun's default column or model
// name: "CamelCasedString" to "camel_cased_string", "APIKey" to "api_key".
// It is Bun v1.3.0's internal.Underscore, byte for byte.
func underscore(s string) string {
	r := make([]byte, 0, len(s)+5)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isUpper(c) {
			if i > 0 && i+1 < len(s) && (isLower(s[i-1]) || isLower(s[i+1])) {
				r = append(r, '_', c+32)
			} else {
				r = append(r, c+32)
			}
		} else {
			r = append(r, c)
		}
	}
	return string(r)
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }
func isLower(c byte) bool { return c >= 'a' && c <= 'z' }

// toExported upper-cases the first letter, as Bun's internal.ToExported.
func toExported(s string) string {
	if s != "" && isLower(s[0]) {
		return string(s[0]-32) + s[1:]
	}
	return s
}

// defaultTableName is the table Bun gives a model without table: — the
// plural of the underscored type name (inflection.Plural, Bun's default
// inflector).
func defaultTableName(typeName string) string {
	return inflection.Plural(underscore(typeName))
}

// knownFieldOptions are the field tag options Bun v1.3.0 understands
// (schema.isKnownFieldOption), plus "embed", which Bun handles before it
// checks options.
var knownFieldOptions = map[string]bool{
	"column": true, "alt": true, "type": true, "array": true, "hstore": true,
	"composite": true, "multirange": true, "json_use_number": true, "msgpack": true,
	"notnull": true, "nullzero": true, "default": true, "unique": true,
	"soft_delete": true, "scanonly": true, "skipupdate": true,
	"pk": true, "autoincrement": true, "rel": true, "join": true, "join_on": true,
	"on_update": true, "on_delete": true, "m2m": true, "polymorphic": true, "identity": true,
}

// knownTableOptions are the options of a bun.BaseModel tag
// (schema.isKnownTableOption).
var knownTableOptions = map[string]bool{"table": true, "alias": true, "select": true}

// embeddedOptions are options Bun reads on an anonymous (embedded) struct
// field; any other option there is ignored without a word.
var embeddedOptions = map[string]bool{"extend": true, "inherit": true}

// IsKnownFieldOption reports whether Bun understands name as a field option.
func IsKnownFieldOption(name string) bool { return knownFieldOptions[name] || name == "embed" }

// IsKnownTableOption reports whether Bun understands name as a bun.BaseModel
// tag option.
func IsKnownTableOption(name string) bool { return knownTableOptions[name] }

// Underscore is Bun's default naming of a Go identifier as a column or
// model name ("APIKey" -> "api_key").
func Underscore(s string) string { return underscore(s) }
