package embedded

import (
	"time"

	"fixtures/ext"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Base is embedded by two models: its tags are judged once, here.
type Base struct {
	ID        xid.ID    `bun:"id,pk,type:varchar(20)"`
	CreatedAt time.Time `bun:"created_at,notnull:true"` // want `notnull takes no value: Bun ignores ":true"`
}

// One embeds Base.
type One struct {
	bun.BaseModel `bun:"table:ones,alias:o"`
	Base
	Name string `bun:"name,notnull"`
}

// Two embeds Base too; nothing more is reported for it.
type Two struct {
	bun.BaseModel `bun:"table:twos,alias:t"`
	Base
}

// Foreign embeds a struct of another package: the finding is reported on
// the line that brings it in, without a fix.
type Foreign struct {
	bun.BaseModel `bun:"table:foreigns,alias:f"`
	Base
	ext.Timestamps // want `Timestamps.CreatedAt: unknown option "notnul".*did you mean "notnull"\?`
}

// Ignored tags an embedded struct with options Bun does not read there.
type Ignored struct {
	bun.BaseModel `bun:"table:ignoreds,alias:ig"`
	Base          `bun:"base,notnull"` // want `Bun reads only extend and inherit on an embedded struct field; it ignores the name base, notnull`
	Address       `bun:"embed:addr_"`  // want `embed: is ignored on an embedded struct, whose fields are flattened without a prefix`
}

// Extend copies One's table name, three ways that go wrong.
type Extend struct {
	One `bun:"extend:true"` // want `extend takes no value: Bun ignores ":true"`
}

// ExtendName writes extend where the name goes.
type ExtendName struct {
	One `bun:"extend"` // want `"extend" in the name position is not the option: Bun ignores it; write ",extend"`
}

// ExtendTypo misspells it.
type ExtendTypo struct {
	One `bun:",extends"` // want `unknown option "extends": Bun ignores it; did you mean "extend"\?`
}

// ExtendGood does it right.
type ExtendGood struct {
	One `bun:",extend"`
}

// Prefixed embeds Address with prefixes.
type Prefixed struct {
	bun.BaseModel `bun:"table:prefixeds,alias:p"`
	ID            int64   `bun:"id,pk"`
	Billing       Address `bun:"billing,embed:billing_,notnull"` // want `an embed: field is flattened into prefixed columns and Bun reads only the prefix: it ignores the name billing, notnull`
	Shipping      Address `bun:"embed:ship_"`
	Count         int     `bun:"embed:count_"` // want `embed: needs a struct field, but Count is int; Bun panics on this model`
}

// Address is used with embed:, so its tags are judged too (once).
type Address struct {
	Street string `bun:"street,notnul"` // want `unknown option "notnul"`
	City   string
}

// Audited is generic; two instantiations are still one declaration.
type Audited[T any] struct {
	By T `bun:"by,nulzero"` // want `unknown option "nulzero".*did you mean "nullzero"\?`
}

// AuditedA embeds Audited[int64].
type AuditedA struct {
	bun.BaseModel `bun:"table:audited_as,alias:aa"`
	ID            int64 `bun:"id,pk"`
	Audited[int64]
}

// AuditedB embeds Audited[string].
type AuditedB struct {
	bun.BaseModel `bun:"table:audited_bs,alias:ab"`
	ID            int64 `bun:"id,pk"`
	Audited[string]
}

// Label is not a struct.
type Label string

// NotStruct embeds a non-struct with a tag.
type NotStruct struct {
	bun.BaseModel `bun:"table:not_structs,alias:ns"`
	ID            int64         `bun:"id,pk"`
	Label         `bun:"label"` // want `Bun ignores an embedded field that is not a struct, and its tag with it`
}

// Loose has no BaseModel and no model embeds it: its tags are not judged.
type Loose struct {
	X string `bun:"x,notnul"`
}
