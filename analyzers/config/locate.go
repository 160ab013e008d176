package config

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// locator says where something is in a configuration: "line 7" in a file,
// the key path ("rules[1].id") in golangci-lint settings, whose line
// numbers would count from the settings block as we re-marshal it and
// mislead.
type locator struct {
	root  *yaml.Node
	lines bool
}

// At names where the value at path (keys and list indexes, e.g. "rules",
// 2, "id") is: its line in a file, the key path in golangci-lint settings.
func (c *Config) At(path ...any) string {
	var l *locator
	if c != nil {
		l = c.loc
	}
	if l == nil || !l.lines || l.root == nil {
		return formatPath(path)
	}
	n := l.root
	if n.Kind == yaml.DocumentNode && len(n.Content) == 1 {
		n = n.Content[0]
	}
	line := n.Line
	for _, p := range path {
		n = child(n, p)
		if n == nil {
			break
		}
		line = n.Line
	}
	return fmt.Sprintf("line %d", line)
}

func child(n *yaml.Node, p any) *yaml.Node {
	switch p := p.(type) {
	case string:
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == p {
					return n.Content[i+1]
				}
			}
		}
	case int:
		if n.Kind == yaml.SequenceNode && p >= 0 && p < len(n.Content) {
			return n.Content[p]
		}
	}
	return nil
}

func formatPath(path []any) string {
	var b strings.Builder
	for _, p := range path {
		switch p := p.(type) {
		case int:
			fmt.Fprintf(&b, "[%d]", p)
		default:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			fmt.Fprint(&b, p)
		}
	}
	if b.Len() == 0 {
		return "settings"
	}
	return b.String()
}

var lineRE = regexp.MustCompile(`\bline (\d+)\b`)

// rewrite replaces the line numbers in a golangci-lint settings error by
// the key path of what is on that line; file errors keep their lines.
func (l *locator) rewrite(err error) error {
	if l == nil || l.lines || l.root == nil || err == nil {
		return err
	}
	msg := lineRE.ReplaceAllStringFunc(err.Error(), func(m string) string {
		n, _ := strconv.Atoi(lineRE.FindStringSubmatch(m)[1])
		if p := pathAt(l.root, n, nil); p != nil {
			return formatPath(p)
		}
		return "settings"
	})
	return fmt.Errorf("%s", msg)
}

// pathAt returns the key path of the first key (or list item) on line.
func pathAt(n *yaml.Node, line int, path []any) []any {
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			if p := pathAt(c, line, path); p != nil {
				return p
			}
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			kp := append(slices.Clip(path), n.Content[i].Value)
			if n.Content[i].Line == line {
				return kp
			}
			if p := pathAt(n.Content[i+1], line, kp); p != nil {
				return p
			}
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			ip := append(slices.Clip(path), i)
			if c.Line == line && c.Kind == yaml.ScalarNode {
				return ip
			}
			if p := pathAt(c, line, ip); p != nil {
				return p
			}
		}
	}
	return nil
}
