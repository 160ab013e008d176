package tagsyntax

import (
	"fmt"
	"strings"

	"github.com/schemalint/schemalint/analyzers/bunmodel"
	"github.com/schemalint/schemalint/internal/suggest"
)

// checkBaseModel judges the tag of a bun.BaseModel field: the table's
// name and options (Bun's processBaseModelField).
func checkBaseModel(tag bunmodel.Tag) []issue {
	c := newCheck(tag)
	c.unterminated()
	c.unnamed()
	table, hasTable := tag.Option("table")
	switch name := tag.Name; {
	case bunmodel.IsKnownTableOption(name):
		c.add(fmt.Sprintf("the tag name %q is the table name, not the option: the table is named %q (Bun logs a warning); write %s:<value>", name, name, name), nil)
	case name != "" && hasTable:
		c.add(fmt.Sprintf("table:%s overrides the table name %q given first; keep one of them", table, name), nil)
	}
	for _, it := range c.options {
		switch {
		case it.Key == "":
		case bunmodel.IsKnownTableOption(it.Key):
			if it.Value == "" && !it.Unterminated {
				c.add(fmt.Sprintf("%s needs a value: without one Bun uses an empty %s", it.Key, tableValue(it.Key)), nil)
			}
		case bunmodel.IsKnownFieldOption(it.Key) || bunmodel.IsEmbeddedOption(it.Key):
			c.add(fmt.Sprintf("%s is a field option; on bun.BaseModel Bun ignores it (bun.BaseModel takes only table, alias and select)", it.Key), nil)
		default:
			c.unknown(it, "bun.BaseModel option", knownTableOptions)
		}
	}
	c.repeated(bunmodel.IsKnownTableOption)
	return c.issues
}

func tableValue(opt string) string {
	switch opt {
	case "table":
		return "table name"
	case "alias":
		return "alias"
	}
	return "table name for selects"
}

// checkEmbedded judges the tag of an anonymous struct field, which Bun
// flattens into the model: it reads extend and inherit there and ignores
// everything else.
func checkEmbedded(tag bunmodel.Tag) []issue {
	c := newCheck(tag)
	c.unterminated()
	c.unnamed()
	var ignored []string
	if name := tag.Name; name != "" {
		if bunmodel.IsEmbeddedOption(name) {
			c.add(fmt.Sprintf("%q in the name position is not the option: Bun ignores it; write \",%s\"", name, name),
				&edit{message: "make " + name + " an option", start: 0, end: 0, text: ","})
		} else {
			ignored = append(ignored, "the name "+name)
		}
	}
	for _, it := range c.options {
		switch {
		case it.Key == "":
		case bunmodel.IsEmbeddedOption(it.Key):
			if it.Value != "" {
				c.flagValue(it, whenOn(it.Key))
			}
		case it.Key == "embed":
			c.add("embed: is ignored on an embedded struct, whose fields are flattened without a prefix; to prefix them, give the field a name: Name T `bun:\"embed:prefix_\"`", nil)
		case bunmodel.IsKnownFieldOption(it.Key):
			ignored = append(ignored, c.text(it))
		default:
			if s, ok := suggest.Closest(it.Key, []string{"extend", "inherit"}); ok {
				c.add(fmt.Sprintf("unknown option %q: Bun ignores it; did you mean %q?", it.Key, s),
					&edit{message: "replace " + it.Key + " with " + s, start: it.KeyStart, end: it.KeyEnd, text: s})
				continue
			}
			ignored = append(ignored, c.text(it))
		}
	}
	if len(ignored) > 0 {
		c.add(fmt.Sprintf("Bun reads only extend and inherit on an embedded struct field; it ignores %s", strings.Join(ignored, ", ")), nil)
	}
	return c.issues
}
