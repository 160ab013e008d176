package lint

import (
	"go/ast"
	"go/token"
	"reflect"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// TagFix returns a fix that rewrites the bun tag of a field to the result
// of edit, which gets the current bun tag value ("" when there is none)
// and returns the new one. Other keys of the struct tag (json:, ...) and
// the literal's quoting are kept.
func TagFix(message string, field *ast.Field, edit func(bun string) string) (analysis.SuggestedFix, bool) {
	if field == nil {
		return analysis.SuggestedFix{}, false
	}
	if field.Tag == nil {
		newTag := "`bun:" + strconv.Quote(edit("")) + "`"
		return analysis.SuggestedFix{Message: message, TextEdits: []analysis.TextEdit{{
			Pos: field.Type.End(), End: field.Type.End(), NewText: []byte(" " + newTag),
		}}}, true
	}
	raw, err := strconv.Unquote(field.Tag.Value)
	if err != nil {
		return analysis.SuggestedFix{}, false
	}
	start, end, value, ok := lookupTag(raw, "bun")
	var newRaw string
	if ok {
		newRaw = raw[:start] + strconv.Quote(edit(value)) + raw[end:]
	} else {
		sep := " "
		if strings.TrimSpace(raw) == "" {
			sep, raw = "", ""
		}
		newRaw = raw + sep + "bun:" + strconv.Quote(edit(""))
	}
	lit := "`" + newRaw + "`"
	if strings.Contains(newRaw, "`") || !strings.HasPrefix(field.Tag.Value, "`") {
		lit = strconv.Quote(newRaw)
	}
	return analysis.SuggestedFix{Message: message, TextEdits: []analysis.TextEdit{{
		Pos: field.Tag.Pos(), End: field.Tag.End(), NewText: []byte(lit),
	}}}, true
}

// AddTagOptions returns a TagFix edit appending options to a bun tag
// value, keeping the column name first: "id,pk" + "notnull" ->
// "id,pk,notnull"; "" + "notnull" -> ",notnull".
func AddTagOptions(opts ...string) func(string) string {
	return func(bun string) string {
		var b strings.Builder
		b.WriteString(bun)
		for _, o := range opts {
			b.WriteString("," + o)
		}
		return b.String()
	}
}

// lookupTag finds key in a struct tag the way reflect.StructTag.Lookup
// does, and returns the byte range of its quoted value and the unquoted
// value.
func lookupTag(tag, key string) (start, end int, value string, ok bool) {
	i := 0
	for i < len(tag) {
		for i < len(tag) && tag[i] == ' ' {
			i++
		}
		if i == len(tag) {
			break
		}
		j := i
		for j < len(tag) && tag[j] > ' ' && tag[j] != ':' && tag[j] != '"' && tag[j] != 0x7f {
			j++
		}
		if j == i || j+1 >= len(tag) || tag[j] != ':' || tag[j+1] != '"' {
			break
		}
		name := tag[i:j]
		k := j + 2
		for k < len(tag) && tag[k] != '"' {
			if tag[k] == '\\' {
				k++
			}
			k++
		}
		if k >= len(tag) {
			break
		}
		qvalue := tag[j+1 : k+1]
		if name == key {
			v, err := strconv.Unquote(qvalue)
			if err != nil {
				break
			}
			return j + 1, k + 1, v, true
		}
		i = k + 1
	}
	return 0, 0, "", false
}

// TagItemFix returns a fix replacing one item (or its key) of the bun tag
// with text, for a field whose struct tag holds the bun value verbatim
// (no escapes), which is how tags are written in practice. In a raw
// (backquoted) tag the edit covers only the replaced bytes, so fixes for
// two items of one tag do not conflict.
func TagItemFix(message string, field *ast.Field, tag string, start, end int, text string) (analysis.SuggestedFix, bool) {
	if edit, ok := tagItemEdit(field, tag, start, end, text); ok {
		return analysis.SuggestedFix{Message: message, TextEdits: []analysis.TextEdit{edit}}, true
	}
	return TagFix(message, field, func(bun string) string {
		if bun != tag || start < 0 || end > len(bun) || start > end {
			return bun
		}
		return bun[:start] + text + bun[end:]
	})
}

// Fixes returns fix as a one-element list when ok, for passing optional
// fixes to a report.
func Fixes(fix analysis.SuggestedFix, ok bool) []analysis.SuggestedFix {
	if !ok {
		return nil
	}
	return []analysis.SuggestedFix{fix}
}

// StructTag unquotes a struct tag literal as written in source.
func StructTag(lit string) reflect.StructTag {
	s, err := strconv.Unquote(lit)
	if err != nil {
		return ""
	}
	return reflect.StructTag(s)
}

// tagItemEdit is TagItemFix's narrow edit: possible when the struct tag is
// a raw string whose bun value is written without escapes, so that an
// offset in the value is an offset in the file.
func tagItemEdit(field *ast.Field, tag string, start, end int, text string) (analysis.TextEdit, bool) {
	if field == nil || field.Tag == nil || !strings.HasPrefix(field.Tag.Value, "`") || start < 0 || start > end || end > len(tag) {
		return analysis.TextEdit{}, false
	}
	raw := field.Tag.Value[1 : len(field.Tag.Value)-1]
	qstart, qend, value, ok := lookupTag(raw, "bun")
	if !ok || value != tag || raw[qstart+1:qend-1] != tag {
		return analysis.TextEdit{}, false
	}
	quoted := strconv.Quote(text)
	quoted = quoted[1 : len(quoted)-1] // escaped as it must stand inside bun:"..."
	if strings.Contains(quoted, "`") {
		return analysis.TextEdit{}, false
	}
	at := field.Tag.Pos() + 1 + token.Pos(qstart+1)
	return analysis.TextEdit{Pos: at + token.Pos(start), End: at + token.Pos(end), NewText: []byte(quoted)}, true
}
