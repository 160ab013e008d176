package lint

import (
	"fmt"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/schemalint/schemalint/analyzers/bunmodel"
	"github.com/schemalint/schemalint/analyzers/config"
)

// Pass is one rule running on one package.
type Pass struct {
	*analysis.Pass
	Rule *Rule
	// Config is the package's configuration.
	Config *config.Config
	// Models is what the bunmodel analyzer found in the package.
	Models *bunmodel.Result
	// Severity is the rule's severity in this package.
	Severity config.Severity

	env        *Env
	keys       *KeyIndex
	options    any
	directives *DirectiveSet
	used       []*Directive
	enabled    bool
}

func (e *Env) newPass(ap *analysis.Pass, r *Rule) (*Pass, error) {
	l := e.load(packageDir(ap))
	if l.err != nil {
		return nil, l.err
	}
	p := &Pass{
		Pass:       ap,
		Rule:       r,
		Config:     l.cfg,
		Models:     ap.ResultOf[bunmodel.Analyzer].(*bunmodel.Result),
		env:        e,
		options:    l.options[r.ID],
		directives: ap.ResultOf[Directives].(*DirectiveSet),
		keys:       ap.ResultOf[Keys].(*KeyIndex),
	}
	p.Severity, p.enabled = e.Severity(l.cfg, r.ID)
	return p, nil
}

// RuleEnabled reports whether another rule runs on this package: a rule
// leaves a mistake to the rule that owns it, so it is reported once.
func (p *Pass) RuleEnabled(id string) bool {
	_, on := p.env.Severity(p.Config, id)
	return on
}

// Options returns the rule's decoded options: a pointer of the type the
// rule's Options func returns.
func (p *Pass) Options() any { return p.options }

// Dialects returns the configured dialects as bunmodel dialects.
func (p *Pass) Dialects() []bunmodel.Dialect {
	var out []bunmodel.Dialect
	for _, d := range p.Config.Dialects() {
		out = append(out, bunmodel.Dialect(d))
	}
	return out
}

// Finding is one problem a rule found.
type Finding struct {
	Pos, End token.Pos
	Message  string
	// Table and Model name what the finding is about, for exclusions;
	// Subject ("User.DeletedAt", "idx_users_email") identifies it for
	// baselines.
	Table, Model, Subject string
	Fixes                 []analysis.SuggestedFix
	Related               []analysis.RelatedInformation
	// Severity lowers the rule's severity for this finding (a summary of
	// what could not be checked is info, whatever the rule's level).
	Severity config.Severity
}

// Report reports a finding unless the configuration excludes it or a
// //schemalint:ignore directive suppresses it.
func (p *Pass) Report(f Finding) {
	if p.Config.Excluded(p.Rule.ID, f.Table, f.Model) {
		return
	}
	if d := p.directives.Match(p.Fset, f.Pos, p.Rule.ID); d != nil {
		p.used = append(p.used, d)
		return
	}
	sev := p.Severity
	if f.Severity != "" && f.Severity.Rank() < sev.Rank() {
		sev = f.Severity
	}
	msg := f.Message
	if p.env.PrefixID {
		msg = p.Rule.ID + ": " + msg
	}
	p.Pass.Report(analysis.Diagnostic{
		Pos:            f.Pos,
		End:            f.End,
		Category:       Category(p.Rule.ID, sev, f.Subject),
		Message:        msg,
		URL:            p.Rule.URL(),
		SuggestedFixes: f.Fixes,
		Related:        f.Related,
	})
}

// ReportField reports a finding on a model field. A field inherited from
// an embedded struct is reported on the embedding field, since that is the
// line in this model that brings it in, with the declaration as related
// information.
func (p *Pass) ReportField(m *bunmodel.Model, f *bunmodel.Field, msg string, fixes ...analysis.SuggestedFix) {
	pos := f.Var.Pos()
	var related []analysis.RelatedInformation
	if !f.Declared() {
		pos = f.Path[0].Pos()
		related = append(related, analysis.RelatedInformation{Pos: f.Var.Pos(),
			Message: fmt.Sprintf("%s is declared here", strings.Join(f.FieldPath(), "."))})
		fixes = nil // the fix belongs in the embedded struct, which other models may share
	}
	end := token.NoPos
	if n := p.Models.FieldNode(f.Var); n != nil && f.Declared() {
		end = n.End()
	}
	p.Report(Finding{
		Pos: pos, End: end, Message: msg, Table: m.Name, Model: m.Obj.Name(),
		Subject: m.Obj.Name() + "." + strings.Join(f.FieldPath(), "."),
		Fixes:   fixes, Related: related,
	})
}

// ReportModel reports a finding on a model as a whole, at its type name.
func (p *Pass) ReportModel(m *bunmodel.Model, msg string, fixes ...analysis.SuggestedFix) {
	p.Report(Finding{Pos: m.Spec.Name.Pos(), End: m.Spec.Name.End(), Message: msg,
		Table: m.Name, Model: m.Obj.Name(), Subject: m.Obj.Name(), Fixes: fixes})
}

// Category encodes what drivers other than go vet need to know about a
// diagnostic in its Category: "SL005|error|User.DeletedAt".
func Category(id string, sev config.Severity, subject string) string {
	return id + "|" + string(sev) + "|" + subject
}

// ParseCategory splits a Category.
func ParseCategory(c string) (id string, sev config.Severity, subject string) {
	parts := strings.SplitN(c, "|", 3)
	id = parts[0]
	if len(parts) > 1 {
		sev = config.Severity(parts[1])
	}
	if len(parts) > 2 {
		subject = parts[2]
	}
	return id, sev, subject
}
