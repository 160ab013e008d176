package lint

import (
	"errors"
	"go/ast"
	"go/token"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// DirectivePrefix starts a suppression comment:
//
//	//schemalint:ignore SL005[,SL006...] reason
const DirectivePrefix = "//schemalint:ignore"

// Directive is one //schemalint:ignore comment.
type Directive struct {
	Pos token.Pos
	// Rules are the rule IDs it names, upper-cased.
	Rules []string
	// Reason is the text after the IDs; a directive without one
	// suppresses nothing and is itself reported.
	Reason string

	line       int
	file       *token.File
	standalone bool         // alone on its line: also covers the next line
	scope      [2]token.Pos // the field, type or function whose doc holds it
}

// DirectiveSet holds a package's directives.
type DirectiveSet struct {
	All []*Directive
}

// Directives is the analyzer that finds the //schemalint:ignore comments
// of a package; rules use its result to honour them.
var Directives = &analysis.Analyzer{
	Name:       "schemalint_directives",
	Doc:        "collects //schemalint:ignore directives",
	Run:        collectDirectives,
	ResultType: reflect.TypeFor[*DirectiveSet](),
}

func collectDirectives(pass *analysis.Pass) (any, error) {
	set := &DirectiveSet{}
	for _, file := range pass.Files {
		tf := pass.Fset.File(file.Pos())
		byComment := map[*ast.Comment]*Directive{}
		for _, cg := range file.Comments {
			for _, c := range cg.List {
				if !strings.HasPrefix(c.Text, DirectivePrefix) {
					continue
				}
				rest := c.Text[len(DirectivePrefix):]
				if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
					continue // e.g. //schemalint:ignored
				}
				d := parseDirective(rest)
				d.Pos, d.file, d.line = c.Pos(), tf, tf.Line(c.Pos())
				d.standalone = standalone(pass, tf, c)
				byComment[c] = d
				set.All = append(set.All, d)
			}
		}
		if len(byComment) == 0 {
			continue
		}
		// A directive in the doc or line comment of a field, type or
		// function covers all of it.
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.Field:
				scope(byComment, n, n.Doc, n.Comment)
			case *ast.TypeSpec:
				scope(byComment, n, n.Doc, n.Comment)
			case *ast.GenDecl:
				if len(n.Specs) == 1 {
					scope(byComment, n, n.Doc)
				}
			case *ast.FuncDecl:
				scope(byComment, n, n.Doc)
			}
			return true
		})
	}
	return set, nil
}

func scope(byComment map[*ast.Comment]*Directive, n ast.Node, groups ...*ast.CommentGroup) {
	for _, g := range groups {
		if g == nil {
			continue
		}
		for _, c := range g.List {
			if d := byComment[c]; d != nil && d.scope[0] == token.NoPos {
				d.scope = [2]token.Pos{n.Pos(), n.End()}
			}
		}
	}
}

func parseDirective(rest string) *Directive {
	d := &Directive{}
	fields := strings.Fields(rest)
	if len(fields) == 0 {
		return d
	}
	for id := range strings.SplitSeq(fields[0], ",") {
		if id = strings.TrimSpace(id); id != "" {
			d.Rules = append(d.Rules, strings.ToUpper(id))
		}
	}
	d.Reason = strings.Join(fields[1:], " ")
	return d
}

var errNoReadFile = errors.New("driver provides no ReadFile")

// standalone reports whether only white space precedes the comment on its
// line, so that it can speak for the line below.
func standalone(pass *analysis.Pass, tf *token.File, c *ast.Comment) bool {
	var src []byte
	err := errNoReadFile
	if pass.ReadFile != nil {
		src, err = pass.ReadFile(tf.Name())
	}
	if err != nil {
		// Without the source, count only comments at the start of a line.
		return pass.Fset.Position(c.Pos()).Column == 1
	}
	off := tf.Offset(c.Pos())
	lineStart := tf.Offset(tf.LineStart(tf.Line(c.Pos())))
	if off > len(src) || lineStart > off {
		return false
	}
	return strings.TrimSpace(string(src[lineStart:off])) == ""
}

// Match returns the valid directive that suppresses rule id at pos: one on
// the same line, one alone on the line before, or one in the doc comment of
// the field, type or function containing pos.
func (s *DirectiveSet) Match(fset *token.FileSet, pos token.Pos, id string) *Directive {
	if len(s.All) == 0 || !pos.IsValid() {
		return nil
	}
	tf := fset.File(pos)
	if tf == nil {
		return nil
	}
	line := tf.Line(pos)
	for _, d := range s.All {
		if d.file != tf || d.Reason == "" || !d.names(id) {
			continue
		}
		if d.line == line || (d.standalone && d.line+1 == line) ||
			(d.scope[0].IsValid() && d.scope[0] <= pos && pos < d.scope[1]) {
			return d
		}
	}
	return nil
}

func (d *Directive) names(id string) bool { return slices.Contains(d.Rules, id) }
