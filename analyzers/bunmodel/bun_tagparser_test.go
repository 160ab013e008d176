package bunmodel

// This file is a verbatim copy of Bun v1.3.0's internal/tagparser (BSD
// 2-Clause, (c) The Bun Authors), renamed, so the fuzz test can check that
// ParseTag reads every tag exactly as Bun does. Do not edit it except to
// follow a Bun upgrade.

import "strings"

type bunTag struct {
	Name    string
	Options map[string][]string
}

func bunParse(s string) bunTag {
	if s == "" {
		return bunTag{}
	}
	p := bunParser{
		s: s,
	}
	p.parse()
	return p.tag
}

type bunParser struct {
	s string
	i int

	tag      bunTag
	seenName bool // for empty names
}

func (p *bunParser) setName(name string) {
	if p.seenName {
		p.addOption(name, "")
	} else {
		p.seenName = true
		p.tag.Name = name
	}
}

func (p *bunParser) addOption(key, value string) {
	p.seenName = true
	if key == "" {
		return
	}
	if p.tag.Options == nil {
		p.tag.Options = make(map[string][]string)
	}
	if vs, ok := p.tag.Options[key]; ok {
		p.tag.Options[key] = append(vs, value)
	} else {
		p.tag.Options[key] = []string{value}
	}
}

func (p *bunParser) parse() {
	for p.valid() {
		p.parseKeyValue()
		if p.peek() == ',' {
			p.i++
		}
	}
}

func (p *bunParser) parseKeyValue() {
	start := p.i

	for p.valid() {
		switch c := p.read(); c {
		case ',':
			key := p.s[start : p.i-1]
			p.setName(key)
			return
		case ':':
			key := p.s[start : p.i-1]
			value := p.parseValue()
			p.addOption(key, value)
			return
		case '"':
			key := p.parseQuotedValue()
			p.setName(key)
			return
		}
	}

	key := p.s[start:p.i]
	p.setName(key)
}

func (p *bunParser) parseValue() string {
	start := p.i

	for p.valid() {
		switch c := p.read(); c {
		case '"':
			return p.parseQuotedValue()
		case ',':
			return p.s[start : p.i-1]
		case '(':
			p.skipPairs('(', ')')
		}
	}

	if p.i == start {
		return ""
	}
	return p.s[start:p.i]
}

func (p *bunParser) parseQuotedValue() string {
	if i := strings.IndexByte(p.s[p.i:], '"'); i >= 0 && p.s[p.i+i-1] != '\\' {
		s := p.s[p.i : p.i+i]
		p.i += i + 1
		return s
	}

	b := make([]byte, 0, 16)

	for p.valid() {
		switch c := p.read(); c {
		case '\\':
			b = append(b, p.read())
		case '"':
			return string(b)
		default:
			b = append(b, c)
		}
	}

	return ""
}

func (p *bunParser) skipPairs(start, end byte) {
	var lvl int
	for p.valid() {
		switch c := p.read(); c {
		case '"':
			_ = p.parseQuotedValue()
		case start:
			lvl++
		case end:
			if lvl == 0 {
				return
			}
			lvl--
		}
	}
}

func (p *bunParser) valid() bool {
	return p.i < len(p.s)
}

func (p *bunParser) read() byte {
	if !p.valid() {
		return 0
	}
	c := p.s[p.i]
	p.i++
	return c
}

func (p *bunParser) peek() byte {
	if !p.valid() {
		return 0
	}
	c := p.s[p.i]
	return c
}
