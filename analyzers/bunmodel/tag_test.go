package bunmodel

import (
	"reflect"
	"strings"
	"testing"
)

var tagSeeds = []string{
	"", "id,pk,type:varchar(20)", "hello,world", `"hello,world'`, `"hello:world"`, ",hello", "hello:",
	"hello:world,foo:bar", `hello:"world1,world2",world3`, `hello:"D'Angelo, esquire",foo:bar`,
	`hello:"world('foo', 'bar')"`, " hello,foo: bar ", "foo:bar(hello, world)", "type:geometry(POINT, 4326)",
	"foo:bar,foo:baz", "deleted_at,soft_delete,nullzero", "notnul", "table:users,alias:u", `default:'x,y'`,
	`default:"'a,b'"`, `x:"\"q\""`, `unique:"g2,g3"`, "rel:belongs-to,join:user_id=id", `"`, `a:"`, `a:(`, `\`,
	"m2m:role_permissions,join:Role=Permission", "embed:billing_", ",extend", "-", "a,,b", ":", ":x", `a:"b"c`,
}

func TestParseTagMatchesBun(t *testing.T) {
	for _, s := range tagSeeds {
		checkAgainstBun(t, s)
	}
}

func TestParseTagItems(t *testing.T) {
	tag := ParseTag(`id,notnul,type:"varchar(20)",default:'x'`)
	var keys []string
	for _, it := range tag.Items {
		keys = append(keys, tag.text(it))
	}
	want := []string{"id", "notnul", `type:"varchar(20)"`, "default:'x'"}
	if !reflect.DeepEqual(keys, want) {
		t.Fatalf("items %q, want %q", keys, want)
	}
	if !tag.Items[0].IsName || tag.Items[1].Key != "notnul" || tag.Items[2].Value != "varchar(20)" || !tag.Items[2].Quoted {
		t.Fatalf("items %+v", tag.Items)
	}
	if un := ParseTag(`a:"open`); !un.Items[0].Unterminated {
		t.Fatalf("unterminated quote not flagged: %+v", un.Items)
	}
}

// text returns the tag source of an item (test helper).
func (t Tag) text(it TagItem) string { return t.src[it.Start:it.End] }

func checkAgainstBun(t *testing.T, s string) {
	t.Helper()
	got, want := parseTag(s), bunParse(s)
	if got.Name != want.Name || !reflect.DeepEqual(got.Options, want.Options) {
		t.Fatalf("ParseTag(%q) = %q %v, Bun = %q %v", s, got.Name, got.Options, want.Name, want.Options)
	}
	for _, it := range got.Items {
		if it.Start < 0 || it.Start > it.End || it.End > len(s) || it.KeyStart < it.Start || it.KeyEnd > it.End || it.KeyStart > it.KeyEnd {
			t.Fatalf("ParseTag(%q): item %+v out of bounds", s, it)
		}
	}
}

// FuzzParseTag checks that ParseTag agrees with Bun's own parser on any
// input and that item offsets stay inside the tag.
func FuzzParseTag(f *testing.F) {
	for _, s := range tagSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkAgainstBun(t, s)
	})
}

// A tag over MaxItemsTagSize keeps Bun's exact name and options but no
// items, so a megabyte of options does not cost hundreds of megabytes.
func TestParseTagHuge(t *testing.T) {
	s := "id,pk" + strings.Repeat(",x", 512*1024) + ",type:varchar(20)"
	checkAgainstBun(t, s)
	got := parseTag(s)
	if got.Items != nil || len(got.Options["x"]) != 512*1024 || got.Options["type"][0] != "varchar(20)" {
		t.Errorf("huge tag: %d items, %d x options, type %v", len(got.Items), len(got.Options["x"]), got.Options["type"])
	}
	small := "id," + strings.Repeat("x,", (MaxItemsTagSize-4)/2)
	if len(small) > MaxItemsTagSize || len(parseTag(small).Items) == 0 {
		t.Errorf("a tag of %d bytes must keep its items", len(small))
	}
}
