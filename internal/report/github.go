package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/schemalint/schemalint/analyzers/config"
)

// WriteGitHub writes GitHub Actions workflow commands, one annotation per
// finding:
//
//	::error file=schema/user.go,line=40,col=2,title=SL005 soft-delete::message
//
// Findings without a file become annotations without a location.
func WriteGitHub(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	levels := map[config.Severity]string{config.Error: "error", config.Warning: "warning", config.Info: "notice"}
	for i := range r.Findings {
		f := &r.Findings[i]
		var props []string
		if f.Pos.File != "" {
			props = append(props, "file="+escapeProperty(f.Pos.File))
			if f.Pos.Line > 0 {
				props = append(props, fmt.Sprintf("line=%d", f.Pos.Line))
			}
			if f.Pos.Column > 0 {
				props = append(props, fmt.Sprintf("col=%d", f.Pos.Column))
			}
			if f.End != nil && f.End.Line > 0 {
				props = append(props, fmt.Sprintf("endLine=%d", f.End.Line))
				if f.End.Line == f.Pos.Line && f.End.Column > 0 {
					props = append(props, fmt.Sprintf("endColumn=%d", f.End.Column))
				}
			}
		}
		props = append(props, "title="+escapeProperty(strings.TrimSpace(f.Rule+" "+f.Name)))
		msg := f.Message
		if f.Object != "" && f.Pos.File == "" {
			msg = f.Object + ": " + msg
		}
		if f.SQL != "" {
			msg += "\n" + f.SQL
		}
		fmt.Fprintf(bw, "::%s %s::%s\n", levels[f.Severity], strings.Join(props, ","), escapeData(msg))
	}
	return bw.Flush()
}

// escapeData escapes a workflow command's message.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
