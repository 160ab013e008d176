package lint

import (
	"go/doc/comment"
	"go/parser"
	"go/token"
	"strings"
)

// PackageDoc returns the documentation of rule id from a rule package's
// doc.go source (embedded with go:embed, so `go doc` and `schemalint rules`
// show the same text). In a package holding several rules, the section
// whose heading starts with the ID ("# SL001 xid-primary-key") is the rule's
// documentation; otherwise the whole package comment is, minus its first
// sentence.
func PackageDoc(src, id string) string {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", src, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil || f.Doc == nil {
		return ""
	}
	lines := strings.Split(f.Doc.Text(), "\n")
	start, end := -1, len(lines)
	for i, l := range lines {
		if !strings.HasPrefix(l, "# SL") {
			continue
		}
		if start >= 0 {
			end = i
			break
		}
		if strings.HasPrefix(l, "# "+id+" ") || l == "# "+id {
			start = i + 1
		}
	}
	if start < 0 {
		// One rule per package: drop the opening paragraph, which names
		// the package.
		start = 0
		for start < len(lines) && strings.TrimSpace(lines[start]) != "" {
			start++
		}
	}
	return strings.TrimSpace(strings.Join(lines[start:end], "\n")) + "\n"
}

// Markdown renders doc comment text (as PackageDoc returns) as Markdown,
// headings demoted by level levels.
func Markdown(text string, level int) string {
	var p comment.Parser
	// No {#hdr-What} heading anchors: GitHub (code scanning's rule help,
	// docs/rules.md) shows them literally.
	pr := comment.Printer{HeadingLevel: level, HeadingID: func(*comment.Heading) string { return "" }}
	return string(pr.Markdown(p.Parse(text)))
}
