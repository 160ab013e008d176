package tagsyntax

import (
	"testing"

	"github.com/schemalint/schemalint/analyzers/bunmodel"
)

// FuzzChecks: no tag makes a check panic, and every fix edits a range
// inside the tag. Seeds are the fixtures' tags.
func FuzzChecks(f *testing.F) {
	for _, s := range []string{
		"email,notnul", "pk", "-,notnull", "id,pk:true", "notnull:false,pk", "name,type:", "code,type:a,type:a",
		`tags,default:'a,b'`, `list,default:'x, y, z',type:text`, `open,default:'never`, `x,type:"varchar(20),notnull`,
		"rel:belongs-to,join:author_id=id,notnull,unique", "rel:has-many,m2m:x,on_delete:CASCADE,polymorphic",
		"tabel:typos,alais:ty", "table", "boths,table:x", "table:,alias:", "extend:true", "extend", ",extends",
		"base,notnull,embed:x_", "billing,embed:billing_,notnull", ",:x", `a:"b"c`, `"`, "a,,b", ":", `\`,
	} {
		f.Add(s, "Field")
	}
	f.Fuzz(func(t *testing.T, s, goName string) {
		tag := bunmodel.ParseTag(s)
		for _, issues := range [][]issue{checkField(tag, goName), checkBaseModel(tag), checkEmbedded(tag)} {
			for _, is := range issues {
				if is.msg == "" {
					t.Fatalf("%q: issue without a message", s)
				}
				if fx := is.fix; fx != nil && (fx.start < 0 || fx.start > fx.end || fx.end > len(s)) {
					t.Fatalf("%q: fix %q edits [%d,%d) outside the tag", s, fx.message, fx.start, fx.end)
				}
			}
		}
	})
}
