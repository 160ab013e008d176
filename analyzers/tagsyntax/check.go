package tagsyntax

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/schemalint/schemalint/analyzers/bunmodel"
	"github.com/schemalint/schemalint/internal/suggest"
)

// issue is one problem in a bun tag, with an optional fix.
type issue struct {
	msg string
	fix *edit
}

// edit replaces tag[start:end] with text.
type edit struct {
	message    string
	start, end int
	text       string
}

// tagCheck collects the issues of one tag. Every check works on the
// items exactly as Bun's parser produced them.
type tagCheck struct {
	tag    bunmodel.Tag
	src    string
	issues []issue
	// done marks items already explained by an earlier issue (the pieces
	// of a value split at a comma), so they are not reported again as
	// unknown options (nil until one is).
	done map[int]bool
}

func newCheck(tag bunmodel.Tag) *tagCheck {
	return &tagCheck{tag: tag, src: tag.Source()}
}

func (c *tagCheck) markDone(i int) {
	if c.done == nil {
		c.done = map[int]bool{}
	}
	c.done[i] = true
}

func (c *tagCheck) add(msg string, fix *edit) { c.issues = append(c.issues, issue{msg, fix}) }

func (c *tagCheck) text(it bunmodel.TagItem) string { return c.src[it.Start:it.End] }

// options yields the option items (not the name) still to be judged,
// with their index: range over it.
func (c *tagCheck) options(yield func(int, bunmodel.TagItem) bool) {
	for i, it := range c.tag.Items {
		if it.IsName || c.done[i] {
			continue
		}
		if !yield(i, it) {
			return
		}
	}
}

// unterminated reports a double quote that is never closed: Bun's parser
// then returns an empty string and stops, so the rest of the tag is lost.
func (c *tagCheck) unterminated() {
	for _, it := range c.tag.Items {
		if !it.Unterminated {
			continue
		}
		at := it.Start + strings.IndexByte(c.src[it.Start:], '"')
		c.add(fmt.Sprintf("unterminated quote: Bun drops everything from the \" on (%s), so none of it takes effect", c.src[at:]), nil)
	}
}

// unnamed reports "key-less" items such as ":x", which Bun drops.
func (c *tagCheck) unnamed() {
	for i, it := range c.options {
		if it.Key == "" && it.HasValue {
			c.markDone(i)
			c.add(fmt.Sprintf("%q has no option name: Bun ignores it", c.text(it)), nil)
		}
	}
}

// splitValues reports values that a comma inside single quotes cut in
// two: Bun's parser honours only double quotes and parentheses, so
// default:'a,b' is the option default:'a followed by an option b'.
func (c *tagCheck) splitValues(isValueOption func(string) bool) {
	items := c.tag.Items
	for i, it := range c.options {
		if !it.HasValue || it.Quoted || !isValueOption(it.Key) {
			continue
		}
		start := it.KeyEnd + 1
		if strings.Count(c.src[start:it.End], "'")%2 == 0 {
			continue
		}
		last := -1
		for j := i + 1; j < len(items) && last < 0; j++ {
			if strings.Count(c.src[start:items[j].End], "'")%2 == 0 {
				last = j
			}
		}
		if last < 0 {
			c.add(fmt.Sprintf("the ' opened in %s is never closed", c.text(it)), nil)
			continue
		}
		var stray []string
		for j := i + 1; j <= last; j++ {
			c.markDone(j)
			stray = append(stray, strconv.Quote(c.text(items[j])))
		}
		whole := c.src[start:items[last].End]
		msg := fmt.Sprintf("%s:%s is cut at the comma: Bun reads %s and then %s %s, and ignores %s",
			it.Key, whole, c.text(it), plural(len(stray), "option", "options"), strings.Join(stray, ", "), plural(len(stray), "it", "them"))
		if strings.ContainsAny(whole, `"\`) {
			c.add(msg, nil)
			continue
		}
		quoted := `"` + whole + `"`
		c.add(msg+"; put the value in double quotes: "+it.Key+":"+quoted,
			&edit{message: "quote the value", start: start, end: items[last].End, text: quoted})
	}
}

// flagValue reports a value given to an option Bun reads as a flag. on
// says what the option does, for the message.
func (c *tagCheck) flagValue(it bunmodel.TagItem, on string) {
	value := c.src[it.KeyEnd+1 : it.End]
	switch b, err := strconv.ParseBool(it.Value); {
	case err == nil && b:
		fix := &edit{message: "drop the value", start: it.KeyEnd, end: it.End}
		if it.Start == 0 {
			// Without its value the first item would become the name.
			fix.start, fix.text = 0, ","+it.Key
		}
		c.add(fmt.Sprintf("%s takes no value: Bun ignores %q", it.Key, ":"+value), fix)
	case err == nil:
		start, end := c.itemSpan(it)
		c.add(fmt.Sprintf("%s takes no value: Bun ignores %q and %s anyway", it.Key, ":"+value, on),
			&edit{message: "remove " + c.text(it), start: start, end: end})
	default:
		c.add(fmt.Sprintf("%s takes no value: Bun ignores %q and %s", it.Key, ":"+value, on), nil)
	}
}

// itemSpan is the text to delete to remove an option item: the item and
// the comma before it. The first item keeps the comma after it, or the
// next option would take the name's place.
func (c *tagCheck) itemSpan(it bunmodel.TagItem) (start, end int) {
	start, end = it.Start, it.End
	if start > 0 && c.src[start-1] == ',' {
		start--
	}
	return start, end
}

// unknown reports an option Bun does not know, suggesting the known one
// it was probably meant to be.
func (c *tagCheck) unknown(it bunmodel.TagItem, what string, known []string) {
	s, ok := suggest.Closest(it.Key, known)
	if !ok {
		c.add(fmt.Sprintf("unknown %s %q: Bun ignores it (it only logs a warning)", what, it.Key), nil)
		return
	}
	c.add(fmt.Sprintf("unknown %s %q: Bun ignores it (it only logs a warning), so %s; did you mean %q?", what, it.Key, lost(s), s),
		&edit{message: "replace " + it.Key + " with " + s, start: it.KeyStart, end: it.KeyEnd, text: s})
}

// repeated reports options given more than once where Bun keeps only the
// last value.
func (c *tagCheck) repeated(single func(string) bool) {
	seen := map[string]bool{}
	for _, it := range c.options {
		vals := c.tag.Options[it.Key]
		if it.Key == "" || seen[it.Key] || len(vals) < 2 || !single(it.Key) {
			continue
		}
		seen[it.Key] = true
		last := vals[len(vals)-1]
		msg := fmt.Sprintf("%s is given %d times: Bun uses only the last, %s:%s", it.Key, len(vals), it.Key, last)
		if len(vals) == 2 && vals[0] == last {
			start, end := c.itemSpan(it)
			c.add(msg, &edit{message: "remove the duplicate " + c.text(it), start: start, end: end})
			continue
		}
		c.add(msg, nil)
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
