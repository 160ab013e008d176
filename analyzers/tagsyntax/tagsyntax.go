package tagsyntax

import (
	_ "embed"
	"fmt"
	"go/types"
	"reflect"

	"golang.org/x/tools/go/analysis"

	"github.com/schemalint/schemalint/analyzers/bunmodel"
	"github.com/schemalint/schemalint/analyzers/config"
	"github.com/schemalint/schemalint/analyzers/lint"
)

//go:embed doc.go
var doc string

// Rule is SL100.
var Rule = &lint.Rule{
	ID:       "SL100",
	Doc:      lint.PackageDoc(doc, "SL100"),
	Name:     "tag-syntax",
	Summary:  "bun tags say what Bun reads: known options, in the right place, with values only where Bun reads them",
	Severity: config.Error,
	Run:      run,
}

func run(p *lint.Pass) error {
	// Models repeat their tags (id, created_at, tenant_id in every one):
	// a column's tag and Go name decide its issues, judged once.
	fieldIssues := map[fieldKey][]issue{}
	for _, part := range p.Models.Parts() {
		checkPart(p, part, fieldIssues)
	}
	return nil
}

type fieldKey struct{ tag, goName string }

// checkPart judges the tags of one struct's own fields; the structs it
// embeds are parts of their own, judged once however many models share
// them.
func checkPart(p *lint.Pass, part *bunmodel.Part, fieldIssues map[fieldKey][]issue) {
	var problems map[*types.Var][]string // most structs have none
	for _, pr := range part.Table.Problems {
		if problems == nil {
			problems = map[*types.Var][]string{}
		}
		problems[pr.Var] = append(problems[pr.Var], pr.Message)
	}
	st := part.Struct
	for i := 0; i < st.NumFields(); i++ {
		v := st.Field(i)
		raw := reflect.StructTag(st.Tag(i)).Get("bun")
		var issues []issue
		for _, msg := range problems[v] {
			issues = append(issues, issue{msg: msg})
		}
		if raw != "" && raw != "-" {
			issues = append(issues, checkTag(v, raw, fieldIssues)...)
		}
		for _, is := range issues {
			report(p, part, v, raw, is)
		}
	}
}

// checkTag judges a field's tag by what Bun makes of the field; the
// issues of plain column fields are kept in fieldIssues.
func checkTag(v *types.Var, raw string, fieldIssues map[fieldKey][]issue) []issue {
	if len(raw) > bunmodel.MaxItemsTagSize {
		// Checked option by option, a megabyte of options costs seconds
		// and a finding (with a fix) each: say so once instead.
		return []issue{{msg: fmt.Sprintf("this bun tag is %d bytes; schemalint checks tags of at most %d bytes and does not check this one", len(raw), bunmodel.MaxItemsTagSize)}}
	}
	tag := bunmodel.ParseTag(raw)
	switch {
	case v.Embedded() && v.Name() == "BaseModel" && lint.IsNamed(v.Type(), "github.com/uptrace/bun/schema.BaseModel"):
		return checkBaseModel(tag)
	case v.Embedded():
		if t, _ := lint.Deref(v.Type()); !isStruct(t) {
			return []issue{{msg: "Bun ignores an embedded field that is not a struct, and its tag with it"}}
		}
		return checkEmbedded(tag)
	case !v.Exported():
		return []issue{{msg: "Bun skips unexported fields, so this tag does nothing: export the field or drop the tag"}}
	}
	key := fieldKey{raw, v.Name()}
	issues, ok := fieldIssues[key]
	if !ok {
		issues = checkField(tag, v.Name())
		fieldIssues[key] = issues
	}
	return issues
}

func isStruct(t types.Type) bool {
	_, ok := t.Underlying().(*types.Struct)
	return ok
}

// report reports an issue at the field, with its fix when the struct is
// declared here.
func report(p *lint.Pass, part *bunmodel.Part, v *types.Var, raw string, is issue) {
	var fixes []analysis.SuggestedFix
	if is.fix != nil && part.Local() {
		fixes = lint.Fixes(lint.TagItemFix(is.fix.message, p.Models.FieldNode(v), raw, is.fix.start, is.fix.end, is.fix.text))
	}
	p.ReportPart(part, v, is.msg, nil, fixes...)
}
