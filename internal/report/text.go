package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/fatih/color"

	"github.com/schemalint/schemalint/analyzers/config"
)

// WriteText writes one line per finding,
//
//	schema/user.go:40:2: SL005 error: message
//
// followed by indented related places and repair SQL, and a summary line.
// With color, severities are coloured (fatih/color); callers decide
// whether the output is a terminal and honour NO_COLOR.
func WriteText(w io.Writer, r *Report, useColor bool) error {
	bw := bufio.NewWriter(w)
	paint := func(attr color.Attribute, s string) string {
		if !useColor {
			return s
		}
		c := color.New(attr)
		c.EnableColor()
		return c.Sprint(s)
	}
	sevColor := map[config.Severity]color.Attribute{config.Error: color.FgRed, config.Warning: color.FgYellow, config.Info: color.FgCyan}
	for i := range r.Findings {
		f := &r.Findings[i]
		where := f.Pos.String()
		if where == "" {
			where = f.Object
		} else if f.Object != "" {
			where += " (" + f.Object + ")"
		}
		if where != "" {
			where = paint(color.Bold, where) + ": "
		}
		fixable := ""
		if len(f.Fixes) > 0 {
			fixable = paint(color.Faint, " (fixable)")
		}
		fmt.Fprintf(bw, "%s%s %s: %s%s\n", where, paint(sevColor[f.Severity], f.Rule), paint(sevColor[f.Severity], string(f.Severity)), f.Message, fixable)
		for _, rel := range f.Related {
			fmt.Fprintf(bw, "\t%s: %s\n", rel.Pos, rel.Message)
		}
		if f.SQL != "" {
			for line := range strings.SplitSeq(strings.TrimRight(f.SQL, "\n"), "\n") {
				fmt.Fprintf(bw, "\t%s\n", paint(color.Faint, line))
			}
		}
	}
	if n := len(r.Findings); n > 0 {
		c := r.Counts()
		var parts []string
		for _, s := range []config.Severity{config.Error, config.Warning, config.Info} {
			if c[s] > 0 {
				parts = append(parts, plural(c[s], string(s)))
			}
		}
		fmt.Fprintf(bw, "%s (%s)\n", plural(n, "finding"), strings.Join(parts, ", "))
	}
	return bw.Flush()
}
