package bunmodel

import (
	"strings"
	"sync"
)

// Tag is a parsed bun struct tag, exactly as Bun's internal/tagparser
// parses it: the first unnamed item is the name (the column, or for
// bun.BaseModel the table); every other item is an option, "key" or
// "key:value", and a key may repeat. Items records where each piece stood
// in the tag, for diagnostics and fixes.
type Tag struct {
	Name    string
	Options map[string][]string
	Items   []TagItem

	src string
}

// Source returns the tag text the tag was parsed from.
func (t Tag) Source() string { return t.src }

// TagItem is one comma-separated item of a tag, with byte offsets into the
// tag text. KeyEnd == ValueStart-1 when the item has a value.
type TagItem struct {
	// Key is the option key, or the name for the item that set Name.
	Key string
	// Value is the option value; HasValue tells "key:" from "key".
	Value    string
	HasValue bool
	// IsName reports that this item set Tag.Name.
	IsName bool
	// Start and End delimit the whole item; KeyStart/KeyEnd the key.
	Start, End       int
	KeyStart, KeyEnd int
	// Quoted reports that the key or value was written in double quotes.
	Quoted bool
	// Unterminated reports a quote that was never closed; Bun then drops
	// the text after it.
	Unterminated bool
}

// HasOption reports whether the tag has the option.
func (t Tag) HasOption(name string) bool {
	_, ok := t.Options[name]
	return ok
}

// Option returns the last value of the option, as Bun does.
func (t Tag) Option(name string) (string, bool) {
	if vs, ok := t.Options[name]; ok {
		return vs[len(vs)-1], true
	}
	return "", false
}

// IsZero reports an empty tag, as Bun's Tag.IsZero does.
func (t Tag) IsZero() bool { return t.Name == "" && t.Options == nil }

// ParseTag parses a bun tag value. It follows Bun v1.3.0's
// internal/tagparser step by step, so Name and Options are what Bun sees;
// FuzzParseTag checks that against a verbatim copy of Bun's parser.
//
// Results are cached: the same tags recur on every model (an id, the
// timestamps), and the linter reads each several times. A returned Tag
// shares its map and slices with the cache, so callers must not modify it.
func ParseTag(s string) Tag {
	if s == "" {
		return Tag{}
	}
	if t, ok := tagCache.Load(s); ok {
		return t.(Tag)
	}
	t := parseTag(s)
	tagCache.Store(s, t)
	return t
}

var tagCache sync.Map // string -> Tag

func parseTag(s string) Tag {
	p := tagParser{s: s}
	p.parse()
	p.tag.src = s
	return p.tag
}

type tagParser struct {
	s        string
	i        int
	tag      Tag
	seenName bool

	item TagItem // the item being read
}

// MaxItemsTagSize bounds the tags whose Items are recorded: Items serve
// diagnostics and fixes, and a megabyte tag of half a million options
// would cost hundreds of megabytes in them. Name and Options are exact at
// any size; tagsyntax reports such a tag instead of checking it.
const MaxItemsTagSize = 16 << 10

// keep records the item just read.
func (p *tagParser) keep() {
	if len(p.s) <= MaxItemsTagSize {
		p.tag.Items = append(p.tag.Items, p.item)
	}
}

func (p *tagParser) setName(name string) {
	if p.seenName {
		p.addOption(name, "", false)
		return
	}
	p.seenName = true
	p.tag.Name = name
	p.item.Key, p.item.IsName = name, true
	p.keep()
}

func (p *tagParser) addOption(key, value string, hasValue bool) {
	p.seenName = true
	if key == "" {
		// Bun ignores an empty key; keep the item so "join:" style
		// mistakes can still be pointed at.
		p.item.Value, p.item.HasValue = value, hasValue
		p.keep()
		return
	}
	if p.tag.Options == nil {
		p.tag.Options = make(map[string][]string)
	}
	p.tag.Options[key] = append(p.tag.Options[key], value)
	p.item.Key, p.item.Value, p.item.HasValue = key, value, hasValue
	p.keep()
}

func (p *tagParser) parse() {
	for p.valid() {
		p.parseKeyValue()
		if p.peek() == ',' {
			p.i++
		}
	}
}

func (p *tagParser) parseKeyValue() {
	start := p.i
	p.item = TagItem{Start: start, KeyStart: start}
	for p.valid() {
		switch c := p.read(); c {
		case ',':
			p.item.KeyEnd, p.item.End = p.i-1, p.i-1
			p.setName(p.s[start : p.i-1])
			return
		case ':':
			key := p.s[start : p.i-1]
			p.item.KeyEnd = p.i - 1
			value := p.parseValue()
			p.item.End = p.itemEnd()
			p.addOption(key, value, true)
			return
		case '"':
			p.item.Quoted = true
			key := p.parseQuotedValue()
			p.item.KeyEnd, p.item.End = p.i, p.i
			p.setName(key)
			return
		}
	}
	p.item.KeyEnd, p.item.End = p.i, p.i
	p.setName(p.s[start:p.i])
}

// itemEnd is the end of the item just read: before the comma that ended
// it, if any.
func (p *tagParser) itemEnd() int {
	if p.i > 0 && p.i <= len(p.s) && p.s[p.i-1] == ',' && !p.item.Quoted {
		return p.i - 1
	}
	return p.i
}

func (p *tagParser) parseValue() string {
	start := p.i
	for p.valid() {
		switch c := p.read(); c {
		case '"':
			p.item.Quoted = true
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

func (p *tagParser) parseQuotedValue() string {
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
	p.item.Unterminated = true
	return ""
}

func (p *tagParser) skipPairs(start, end byte) {
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

func (p *tagParser) valid() bool { return p.i < len(p.s) }

func (p *tagParser) read() byte {
	if !p.valid() {
		return 0
	}
	c := p.s[p.i]
	p.i++
	return c
}

func (p *tagParser) peek() byte {
	if !p.valid() {
		return 0
	}
	return p.s[p.i]
}
