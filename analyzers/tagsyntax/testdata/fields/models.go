package fields

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Misspelled holds options Bun does not know; each has a close known one.
type Misspelled struct {
	bun.BaseModel `bun:"table:misspelleds,alias:ms"`
	ID            xid.ID     `bun:"id,pk,type:varchar(20)"`
	Email         string     `bun:"email,notnul"`                  // want `unknown option "notnul": Bun ignores it \(it only logs a warning\), so the column stays nullable; did you mean "notnull"\?`
	DeletedAt     *time.Time `bun:"deleted_at,soft-delete"`        // want `unknown option "soft-delete".*deletes remove rows for good.*did you mean "soft_delete"\?`
	ArchivedAt    *time.Time `bun:"archived_at,softdelete"`        // want `unknown option "softdelete".*did you mean "soft_delete"\?`
	Note          *string    `bun:"note,nullzeros"`                // want `unknown option "nullzeros".*did you mean "nullzero"\?`
	Name          string     `bun:"name,NotNull,typ:varchar(100)"` // want `unknown option "NotNull".*did you mean "notnull"\?` `unknown option "typ".*gets Bun's default type; did you mean "type"\?`
	Colour        string     `bun:"colour,frobnicate"`             // want `unknown option "frobnicate": Bun ignores it \(it only logs a warning\)$`
	Level         int        `bun:"level,alias:lv"`                // want `alias is a bun.BaseModel option; on a field Bun ignores it`
	Base          string     `bun:"base,extend"`                   // want `extend is read only on an embedded \(anonymous\) struct field`
	Odd           string     `bun:"odd,:x"`                        // want `":x" has no option name: Bun ignores it`
}

// OptionNames puts option names where the column name goes.
type OptionNames struct {
	bun.BaseModel `bun:"table:option_names,alias:on"`
	ID            int64  `bun:"pk"`              // want `"pk" in the name position is a column name, not the option: Bun creates a column named "pk" and the field is no primary key .*write ",pk"`
	Email         string `bun:"unique,notnull"`  // want `"unique" in the name position .*there is no unique constraint`
	Kind          string `bun:"type"`            // want `the tag name "type" is also an option name: Bun names the column "type" \(and logs a warning\); if that is meant, say so with column:type`
	Skipped       string `bun:"-,notnull"`       // want `"-" with other options is no skip`
	Type          string `bun:"type,notnull"`    // the column is type anyway: Bun does not warn
	Pk            string `bun:"pk,type:char(2)"` // likewise
}

// Flags gives values to options Bun reads as flags.
type Flags struct {
	bun.BaseModel `bun:"table:flags,alias:fl"`
	ID            int64      `bun:"id,pk:true"`               // want `pk takes no value: Bun ignores ":true"`
	Email         string     `bun:"email,notnull:false"`      // want `notnull takes no value: Bun ignores ":false" and the column is NOT NULL anyway`
	Note          *string    `bun:"note,nullzero:yes"`        // want `nullzero takes no value: Bun ignores ":yes" and zero values are written as NULL`
	DeletedAt     *time.Time `bun:"deleted_at,soft_delete:0"` // want `soft_delete takes no value: Bun ignores ":0" and the table is soft-deleted anyway`
}

// Values leaves out values Bun needs, and repeats options it reads once.
type Values struct {
	bun.BaseModel `bun:"table:values,alias:va"`
	ID            int64  `bun:"id,pk"`
	Name          string `bun:"name,type:"`                             // want `type needs a value: without one the column gets Bun's default type`
	Status        string `bun:"status,default:"`                        // want `default needs a value: without one the column has no default`
	Title         string `bun:"column:"`                                // want `column needs a value: without one Bun names the column ""`
	Code          string `bun:"code,type:varchar(10),type:varchar(20)"` // want `type is given 2 times: Bun uses only the last, type:varchar\(20\)`
	Slug          string `bun:"slug,alt:s,alt:s"`                       // want `alt is given 2 times`
	Email         string `bun:"email,unique:a,unique:b"`                // two unique groups: fine
	Price         string `bun:"price,type:decimal(10,2)"`               // parentheses keep the comma: fine
}

// Quotes cuts values at commas and leaves quotes open.
type Quotes struct {
	bun.BaseModel `bun:"table:quotes,alias:qu"`
	ID            int64  `bun:"id,pk"`
	Tags          string `bun:"tags,default:'a,b'"`                          // want `default:'a,b' is cut at the comma: Bun reads default:'a and then option "b'", and ignores it; put the value in double quotes: default:"'a,b'"`
	List          string `bun:"list,notnull,default:'x, y, z',type:text"`    // want `default:'x, y, z' is cut at the comma: Bun reads default:'x and then options " y", " z'", and ignores them`
	Open          string `bun:"open,default:'never closed"`                  // want `the ' opened in default:'never closed is never closed`
	Quoted        string `bun:"quoted,default:\"'a,b'\""`                    // the right way: fine
	Escaped       string `bun:"escaped,default:'it''s'"`                     // a doubled quote is no split: fine
	Unterminated  string `bun:"unterminated,type:\"varchar(20),notnull"`     // want `unterminated quote: Bun drops everything from the " on \("varchar\(20\),notnull\)`
	Function      string `bun:"function,default:concat('a', 'b'),type:text"` // parentheses again: fine
}

// Relations puts options where Bun does not read them.
type Relations struct {
	bun.BaseModel `bun:"table:relations,alias:re"`
	ID            int64        `bun:"id,pk"`
	AuthorID      int64        `bun:"author_id,join:author_id=id"`                               // want `join is read only on a relation field \(rel: or m2m:\); this field is a column, so Bun ignores it \(and logs a warning\)`
	EditorID      int64        `bun:"editor_id,on_delete:CASCADE"`                               // want `on_delete is read only on a relation field`
	Author        *Author      `bun:"rel:belongs-to,join:author_id=id,notnull"`                  // want `notnull describes a column, and a relation field is none: Bun ignores it here`
	Editor        *Author      `bun:"rel:belongs-to,join:editor_id=id,unique"`                   // want `unique on a relation field: Bun puts the relation, which is no column, into a UNIQUE constraint`
	Children      []*Relations `bun:"rel:has-many,join:id=parent_id,on_delete:CASCADE"`          // want `on_delete is read only on a belongs-to relation, the side holding the foreign key; on has-many Bun ignores it`
	Sibling       *Relations   `bun:"rel:has-one,join:id=parent_id,polymorphic"`                 // want `polymorphic is read only on a has-many relation; on has-one Bun ignores it`
	Tags          []*Author    `bun:"m2m:relation_tags,on_delete:CASCADE"`                       // want `on_delete is read only on a belongs-to relation; on m2m Bun ignores it`
	Both          []*Author    `bun:"rel:has-many,m2m:relation_authors,join:id=relation_id"`     // want `m2m: is ignored: rel:has-many decides what the relation is`
	Broken        *Author      `bun:"rel:"`                                                      // want `rel needs a value: without one Bun panics on the first query \(unknown relation ""\)`
	Joined        *Author      `bun:"rel:belongs-to,join:"`                                      // want `join needs a value: without one Bun panics on the first query \(it cannot parse the join\)`
	Named         *Author      `bun:"writer,rel:belongs-to,join:author_id=id,on_delete:cascade"` // a name on a relation names it in join aliases: fine
	ParentID      int64        `bun:"parent_id"`
	Items         []*Relations `bun:"rel:has-many,join:id=parent_id,join:type=kind,polymorphic"` // join repeats: fine
	Kind          string       `bun:"kind"`
	internal      string       `bun:"internal"` // want `Bun skips unexported fields, so this tag does nothing`
	hidden        string       `bun:"-"`
}

// Author is a relation target.
type Author struct {
	bun.BaseModel `bun:"table:authors,alias:au"`
	ID            int64 `bun:"id,pk"`
	RelationID    int64 `bun:"relation_id"`
}
