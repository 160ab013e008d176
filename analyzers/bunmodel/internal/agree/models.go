// Package agree holds models that exercise every corner of Bun's struct
// reflection (embedding, prefixes, extend, shadowing, ambiguity, skipped
// fields, relations, SQL types). The Bun-agrees test reads them with the
// linter's reader and with Bun itself and requires the same answer.
package agree

import (
	"database/sql"
	"encoding/json"
	"net"
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Base is a typical base struct with its own timestamps.
type Base struct {
	ID        xid.ID    `bun:"id,pk,type:varchar(20)"`
	CreatedAt time.Time `bun:"created_at,nullzero,notnull,default:current_timestamp"`
	UpdatedAt time.Time `bun:",nullzero"`
	internal  int       //nolint:unused // unexported: Bun skips it
}

// Shadowing declares UpdatedAt itself: Bun keeps this one and silently
// drops Base's.
type Shadowing struct {
	bun.BaseModel `bun:"table:shadowings,alias:sh"`
	Base
	UpdatedAt time.Time `bun:"updated_at,notnull"`
	Name      string
}

// Address is embedded twice with prefixes.
type Address struct {
	Street string `bun:"street"`
	City   string
	Zip    string `bun:"zip,unique:addr_zip"`
}

// Customer embeds Address with prefixes, and has skipped fields.
type Customer struct {
	bun.BaseModel `bun:"customers"`
	ID            int64   `bun:",pk,autoincrement"`
	Billing       Address `bun:"embed:billing_"`
	Shipping      Address `bun:"embed:ship_"`
	Ignored       string  `bun:"-"`
	Secret        string  `bun:"-"`
	Nick          *string `bun:"nick,alt:nickname"`
	Score         float64 `bun:",scanonly"`
}

// A and B both declare Note, tagged: Bun keeps neither.
type A struct {
	Note string `bun:"note"`
	Aa   int
}

// B is A's twin.
type B struct {
	Note string `bun:"note"`
	Bb   int
}

// C declares Note untagged: with a tagged one elsewhere, the tagged wins.
type C struct {
	Note string
	Cc   int
}

// Ambiguous embeds A and B.
type Ambiguous struct {
	bun.BaseModel `bun:"table:ambiguous"`
	ID            int64 `bun:",pk"`
	A
	B
}

// TaggedWins embeds A (tagged Note) and C (untagged Note).
type TaggedWins struct {
	bun.BaseModel `bun:"table:tagged_wins"`
	ID            int64 `bun:",pk"`
	*A
	C
}

// Parent is a model other models extend.
type Parent struct {
	bun.BaseModel `bun:"table:parents,alias:p"`
	ID            int64 `bun:",pk"`
	Title         string
}

// Child extends Parent: same table and alias, extra column.
type Child struct {
	Parent `bun:",extend"`
	Extra  string
}

// DeepBase embeds BaseModel through another struct.
type DeepBase struct {
	bun.BaseModel `bun:"table:deep_things,alias:dt"`
	ID            int64 `bun:",pk"`
}

// Deep is a model only through DeepBase.
type Deep struct {
	DeepBase
	Value string
}

// Types covers Bun's SQL type discovery.
type Types struct {
	bun.BaseModel `bun:"table:types"`
	ID            int64 `bun:",pk,autoincrement"`
	Small         int16
	Medium        int32
	Unsigned      uint8
	Flag          bool
	Ratio         float32
	Amount        float64
	When          time.Time
	Maybe         *time.Time
	NullTime      sql.NullTime
	BunNull       bun.NullTime
	NullStr       sql.NullString
	NullI         sql.NullInt64
	NullB         sql.NullBool
	NullF         sql.NullFloat64
	NullI32       sql.NullInt32
	Raw           json.RawMessage
	Bytes         []byte
	Strings       []string
	Arr           []string `bun:",array"`
	Map           map[string]any
	Struct        struct{ X int }
	IP            net.IP
	Net           net.IPNet
	XID           xid.ID
	XIDTyped      xid.ID `bun:"xid_typed,type:varchar(20)"`
	Upper         string `bun:"upper,type:VARCHAR"`
	Lower         string `bun:"lower,type:varchar"`
	Text          string `bun:",type:text"`
	Iface         any
	Identity      int64      `bun:",identity"`
	Deleted       *time.Time `bun:",soft_delete,nullzero"`
}

// Author is a relation target.
type Author struct {
	bun.BaseModel `bun:"table:authors"`
	ID            int64    `bun:",pk"`
	Books         []*Book  `bun:"rel:has-many"`
	Profile       *Profile `bun:"rel:has-one"`
}

// Profile belongs to an author.
type Profile struct {
	bun.BaseModel `bun:"table:profiles"`
	ID            int64 `bun:",pk"`
	AuthorID      int64
}

// Book exercises belongs-to resolution.
type Book struct {
	bun.BaseModel `bun:"table:books"`
	ID            int64 `bun:",pk"`
	AuthorID      int64
	EditorID      *int64
	Author        *Author `bun:"rel:belongs-to"`
	Editor        *Author `bun:"rel:belongs-to,join:editor_id=id,on_delete:SET NULL"`
	Tags          []Tag   `bun:"m2m:book_tags,join:Book=Tag"`
}

// Tag is the other side of the m2m.
type Tag struct {
	bun.BaseModel `bun:"table:tags"`
	ID            int64  `bun:",pk"`
	Name          string `bun:",unique"`
}

// BookTag is the m2m join model.
type BookTag struct {
	bun.BaseModel `bun:"table:book_tags"`
	BookID        int64 `bun:",pk"`
	Book          *Book `bun:"rel:belongs-to"`
	TagID         int64 `bun:",pk"`
	Tag           *Tag  `bun:"rel:belongs-to"`
}

// ImplicitJoin has a belongs-to with no author_id: Bun joins on id.
type ImplicitJoin struct {
	bun.BaseModel `bun:"table:implicit_joins"`
	ID            int64   `bun:",pk"`
	Author        *Author `bun:"rel:belongs-to"`
}

// Groups has composite and repeated unique groups.
type Groups struct {
	bun.BaseModel `bun:"table:groups_t"`
	ID            int64  `bun:",pk"`
	A             string `bun:",unique:g1"`
	B             string `bun:",unique:g1,unique:g2"`
	C             string `bun:",unique:\"g2,g3\""`
	D             string `bun:"d,notnull,default:'x,y'"`
}

// Generic models are reflected once instantiated.
type Generic[T any] struct {
	bun.BaseModel `bun:"table:generics"`
	ID            int64 `bun:",pk"`
	Value         T
	Items         []T
}

// Instances lists the instantiations the test reflects.
var Instances = []any{(*Generic[string])(nil), (*Generic[Address])(nil)}

// All lists every model by name, for the test.
var All = map[string]any{
	"Shadowing": (*Shadowing)(nil), "Customer": (*Customer)(nil), "Ambiguous": (*Ambiguous)(nil),
	"TaggedWins": (*TaggedWins)(nil), "Parent": (*Parent)(nil), "Child": (*Child)(nil), "Deep": (*Deep)(nil),
	"Types": (*Types)(nil), "Author": (*Author)(nil), "Profile": (*Profile)(nil), "Book": (*Book)(nil),
	"Tag": (*Tag)(nil), "BookTag": (*BookTag)(nil), "ImplicitJoin": (*ImplicitJoin)(nil), "Groups": (*Groups)(nil),
}

// Register hands the structs that are models only by use to Bun: an
// extending struct and one that embeds another model are tables because
// the code uses them as such.
func Register(db *bun.DB) {
	db.RegisterModel((*Child)(nil), (*Deep)(nil))
}
