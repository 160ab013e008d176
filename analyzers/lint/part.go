package lint

import (
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/schemalint/schemalint/analyzers/bunmodel"
)

// ReportPart reports a finding about v, a field of a part (a model, or a
// struct that models embed). For a part declared in this package it is
// reported at the field, with its fixes. For a part of another package it
// is reported at the field here that brings the part in, names the field,
// points at its declaration, and carries no fix: the fix belongs in the
// other package.
func (p *Pass) ReportPart(part *bunmodel.Part, v *types.Var, msg string, related []analysis.RelatedInformation, fixes ...analysis.SuggestedFix) {
	f := Finding{
		Pos: v.Pos(), Message: msg, Table: part.Model.Name, Model: part.Model.Obj.Name(),
		Subject: part.Name + "." + v.Name(), Fixes: fixes, Related: related,
	}
	if part.Local() {
		if n := p.Models.FieldNode(v); n != nil {
			f.End = n.End()
		}
	} else {
		f.Pos, f.Fixes = part.Via.Pos(), nil
		f.Message = part.Name + "." + v.Name() + ": " + msg
		f.Related = append([]analysis.RelatedInformation{{Pos: v.Pos(), Message: part.Name + "." + v.Name() + " is declared here"}}, related...)
	}
	p.Report(f)
}
