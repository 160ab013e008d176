package tagsyntax

import (
	"fmt"
	"strings"

	"github.com/schemalint/schemalint/analyzers/bunmodel"
)

// whenOn says what a flag option does, for "Bun ignores the value and
// ..." messages.
func whenOn(opt string) string {
	switch opt {
	case "notnull":
		return "the column is NOT NULL"
	case "pk":
		return "the field is the primary key"
	case "nullzero":
		return "zero values are written as NULL"
	case "soft_delete":
		return "the table is soft-deleted"
	case "scanonly":
		return "the field is only scanned, never written"
	case "skipupdate":
		return "updates skip the column"
	case "autoincrement":
		return "the column auto-increments"
	case "extend", "inherit":
		return "the model takes the embedded struct's table name"
	}
	return "the option is on"
}

// withoutValue says what happens when an option that needs a value has
// none.
func withoutValue(opt string) string {
	switch opt {
	case "column":
		return "Bun names the column \"\""
	case "type":
		return "the column gets Bun's default type"
	case "default":
		return "the column has no default"
	case "rel":
		return "Bun panics on the first query (unknown relation \"\")"
	case "join":
		return "Bun panics on the first query (it cannot parse the join)"
	case "m2m":
		return "Bun panics on the first query (no join table named \"\")"
	case "on_update", "on_delete":
		return "the foreign key gets an empty action, which is invalid SQL"
	case "composite":
		return "the column gets an empty type on PostgreSQL"
	}
	return "it does nothing"
}

// checkField judges the tag of a plain (not embedded) exported field.
func checkField(tag bunmodel.Tag, goName string) []issue {
	c := newCheck(tag)
	c.unterminated()
	c.unnamed()
	if _, ok := tag.Option("embed"); ok {
		c.embedField()
		return c.issues
	}
	c.splitValues(func(k string) bool { return fieldOptions[k] == needsValue })
	c.fieldName(goName)
	rel, isRel := tag.Option("rel")
	_, isM2M := tag.Option("m2m")
	relation := isRel || isM2M
	for _, it := range c.options {
		kind, known := fieldOptions[it.Key]
		switch {
		case it.Key == "":
		case !known:
			c.unknownFieldOption(it)
		case kind == flag && it.Value != "":
			c.flagValue(it, whenOn(it.Key))
		case kind == needsValue && it.Value == "" && !it.Unterminated:
			c.add(fmt.Sprintf("%s needs a value: without one %s", it.Key, withoutValue(it.Key)), nil)
		case !relation && relationOptions[it.Key]:
			msg := fmt.Sprintf("%s is read only on a relation field (rel: or m2m:); this field is a column, so Bun ignores it", it.Key)
			if it.Key == "join" {
				msg += " (and logs a warning)"
			}
			c.add(msg, nil)
		case relation && it.Key == "unique":
			c.add("unique on a relation field: Bun puts the relation, which is no column, into a UNIQUE constraint, and CREATE TABLE fails", nil)
		case relation && columnOnly(it.Key):
			c.add(fmt.Sprintf("%s describes a column, and a relation field is none: Bun ignores it here", it.Key), nil)
		case isRel:
			c.relationOption(it, rel)
		case isM2M:
			c.relationOption(it, bunmodel.ManyToMany)
		}
	}
	c.repeated(func(k string) bool { return fieldOptions[k] != flag && !repeatable[k] })
	return c.issues
}

// fieldName judges the first item, the column name.
func (c *tagCheck) fieldName(goName string) {
	if len(c.tag.Items) == 0 || !c.tag.Items[0].IsName {
		return
	}
	it := c.tag.Items[0]
	name := c.tag.Name
	switch {
	case name == "-":
		// Bun skips a field only for the tag "-" on its own.
		c.add(`"-" with other options is no skip: Bun creates a column named "-"; write the tag as just "-"`,
			&edit{message: `write "-"`, start: 0, end: len(c.src), text: "-"})
	case name == "" || name == bunmodel.Underscore(goName) || !bunmodel.IsKnownFieldOption(name):
	case fieldOptions[name] == needsValue:
		c.add(fmt.Sprintf("the tag name %q is also an option name: Bun names the column %q (and logs a warning); if that is meant, say so with column:%s", name, name, name),
			&edit{message: "write column:" + name, start: it.Start, end: it.End, text: "column:" + name})
	default:
		c.add(fmt.Sprintf("%q in the name position is a column name, not the option: Bun creates a column named %q and %s (it only logs a warning); write \",%s\"", name, name, lost(name), name),
			&edit{message: "make " + name + " an option", start: 0, end: 0, text: ","})
	}
}

// unknownFieldOption explains an option Bun does not read on fields.
func (c *tagCheck) unknownFieldOption(it bunmodel.TagItem) {
	switch {
	case bunmodel.IsEmbeddedOption(it.Key):
		c.add(fmt.Sprintf("%s is read only on an embedded (anonymous) struct field; Bun ignores it here", it.Key), nil)
	case bunmodel.IsKnownTableOption(it.Key):
		c.add(fmt.Sprintf("%s is a bun.BaseModel option; on a field Bun ignores it", it.Key), nil)
	default:
		c.unknown(it, "option", knownFieldOptions)
	}
}

// relationOption judges an option of a relation field against its kind
// (a rel: value, or bunmodel.ManyToMany). Unknown kinds are SL102's.
func (c *tagCheck) relationOption(it bunmodel.TagItem, kind string) {
	switch {
	case (it.Key == "on_update" || it.Key == "on_delete") && kind == bunmodel.ManyToMany:
		c.add(fmt.Sprintf("%s is read only on a belongs-to relation; on m2m Bun ignores it: put it on the belongs-to fields of the join model", it.Key), nil)
	case (it.Key == "on_update" || it.Key == "on_delete") && (kind == bunmodel.HasOne || kind == bunmodel.HasMany):
		c.add(fmt.Sprintf("%s is read only on a belongs-to relation, the side holding the foreign key; on %s Bun ignores it", it.Key, kind), nil)
	case it.Key == "polymorphic" && (kind == bunmodel.HasOne || kind == bunmodel.BelongsTo || kind == bunmodel.ManyToMany):
		c.add(fmt.Sprintf("polymorphic is read only on a has-many relation; on %s Bun ignores it", kind), nil)
	case it.Key == "m2m" && kind != bunmodel.ManyToMany:
		c.add(fmt.Sprintf("m2m: is ignored: rel:%s decides what the relation is", kind), nil)
	}
}

// embedField judges a field with embed:, whose struct Bun flattens with a
// prefix: the prefix is all Bun reads.
func (c *tagCheck) embedField() {
	var ignored []string
	if c.tag.Name != "" {
		ignored = append(ignored, "the name "+c.tag.Name)
	}
	for _, it := range c.options {
		if it.Key != "" && it.Key != "embed" {
			ignored = append(ignored, c.text(it))
		}
	}
	if len(ignored) > 0 {
		c.add(fmt.Sprintf("an embed: field is flattened into prefixed columns and Bun reads only the prefix: it ignores %s", strings.Join(ignored, ", ")), nil)
	}
}
