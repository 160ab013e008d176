package models

import (
	"time"

	"fixtures/ext"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// Base is a base struct whose method sets UpdatedAt.
type Base struct {
	ID        xid.ID    `bun:"id,pk,type:varchar(20)"`
	CreatedAt time.Time `bun:"created_at,nullzero,notnull,default:current_timestamp"`
	UpdatedAt time.Time `bun:"updated_at,nullzero,notnull,default:current_timestamp"`
}

// Touch sets UpdatedAt, as a hook would.
func (b *Base) Touch() { b.UpdatedAt = time.Now() }

// Shadowing declares UpdatedAt again: Base.Touch now writes a field Bun
// never saves.
type Shadowing struct {
	bun.BaseModel `bun:"table:shadowings,alias:sh"`
	Base
	UpdatedAt time.Time `bun:"updated_at,notnull"` // want `UpdatedAt hides Base.UpdatedAt, which maps to the same column updated_at: Bun keeps UpdatedAt and silently drops the embedded field, so whatever sets Base.UpdatedAt \(a method of the embedded struct, say\) writes a value Bun never saves \(Base.Touch uses it\); remove one of them`
}

// Renamed hides it under another Go name.
type Renamed struct {
	bun.BaseModel `bun:"table:renameds,alias:rn"`
	Base
	Modified time.Time `bun:"updated_at"` // want `Modified hides Base.UpdatedAt`
}

// ForeignShadowing hides a field of another package's struct.
type ForeignShadowing struct {
	bun.BaseModel `bun:"table:foreign_shadowings,alias:fs"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	ext.Timestamps
	UpdatedAt time.Time `bun:"updated_at"` // want `UpdatedAt hides Timestamps.UpdatedAt`
}

// A, B and C each have a Note.
type A struct {
	Note string `bun:"note"`
}

// B is A's twin.
type B struct {
	Note string `bun:"note"`
}

// C leaves Note untagged.
type C struct {
	Note string
}

// D leaves Note untagged too.
type D struct {
	Note string
}

// BothTagged embeds A and B: Bun keeps neither Note.
type BothTagged struct {
	bun.BaseModel `bun:"table:both_taggeds,alias:bt"`
	ID            int64 `bun:"id,pk"`
	A
	B // want `A.Note and B.Note both map to column note and both are tagged, so Bun keeps none of them: the table has no column note`
}

// NoneTagged embeds C and D: Bun keeps neither Note.
type NoneTagged struct {
	bun.BaseModel `bun:"table:none_taggeds,alias:nt"`
	ID            int64 `bun:"id,pk"`
	C
	D // want `C.Note and D.Note both map to column note and none of them is tagged`
}

// TaggedWins embeds C and A: Bun keeps A's tagged Note.
type TaggedWins struct {
	bun.BaseModel `bun:"table:tagged_wins,alias:tw"`
	ID            int64 `bun:"id,pk"`
	C
	A // want `A.Note and C.Note both map to column note: Bun keeps A.Note, the only tagged one, and silently drops C.Note`
}

// Declared maps two of its own fields to one column.
type Declared struct {
	bun.BaseModel `bun:"table:declareds,alias:de"`
	ID            int64  `bun:"id,pk"`
	Name          string `bun:"name"`
	Title         string `bun:"name"` // want `Name and Title map to one column, name: CREATE TABLE lists name 2 times and fails, inserts write it twice, and Bun reads name into Title only`
}

// Alt scans another field's column through alt:.
type Alt struct {
	bun.BaseModel `bun:"table:alts,alias:al"`
	ID            int64  `bun:"id,pk"`
	Name          string `bun:"name"`
	Nick          string `bun:"nick,alt:name"` // want `Name and Nick \(alt:name\) map to one column, name: Bun reads name into Nick only`
}

// Address is embedded with prefixes.
type Address struct {
	Street string `bun:"street"`
}

// Prefixed declares a column an embed: field also produces.
type Prefixed struct {
	bun.BaseModel `bun:"table:prefixeds,alias:pr"`
	ID            int64   `bun:"id,pk"`
	Billing       Address `bun:"embed:billing_"`
	BillingStreet string  `bun:"billing_street"` // want `BillingStreet hides Billing.Street \(embed:billing_\)`
}

// SamePrefix gives two embed: fields one prefix.
type SamePrefix struct {
	bun.BaseModel `bun:"table:same_prefixes,alias:sp"`
	ID            int64   `bun:"id,pk"`
	Billing       Address `bun:"embed:addr_"`
	Shipping      Address `bun:"embed:addr_"` // want `Billing.Street \(embed:addr_\) and Shipping.Street \(embed:addr_\) both map to column addr_street and both are tagged`
}

// Doubled maps two fields to one column; the models embedding it are not
// reported again.
type Doubled struct {
	First  string `bun:"label"`
	Second string `bun:"label"` // want `First and Second map to one column, label: CREATE TABLE lists label 2 times`
}

// UsesDoubled embeds Doubled.
type UsesDoubled struct {
	bun.BaseModel `bun:"table:uses_doubleds,alias:ud"`
	ID            int64 `bun:"id,pk"`
	Doubled
}

// AlsoUsesDoubled embeds it too.
type AlsoUsesDoubled struct {
	bun.BaseModel `bun:"table:also_uses_doubleds,alias:aud"`
	ID            int64 `bun:"id,pk"`
	Doubled
}

// UsesClashing embeds a struct of another package with a clash inside:
// reported on the embedding line.
type UsesClashing struct {
	bun.BaseModel `bun:"table:uses_clashings,alias:uc"`
	ID            int64 `bun:"id,pk"`
	ext.Clashing        // want `Clashing.Title: Label and Title map to one column, label`
}

// Author is a relation target.
type Author struct {
	bun.BaseModel `bun:"table:authors,alias:au"`
	ID            int64 `bun:"id,pk"`
}

// WithAuthor brings a relation.
type WithAuthor struct {
	AuthorID int64   `bun:"author_id"`
	Author   *Author `bun:"rel:belongs-to,join:author_id=id"`
}

// Book declares the relation again, under its Go name: Go and Bun both
// take Book.Author, and no method of WithAuthor uses the hidden one.
type Book struct {
	bun.BaseModel `bun:"table:books,alias:bo"`
	ID            int64 `bun:"id,pk"`
	WithAuthor
	Author *Author `bun:"rel:belongs-to,join:author_id=id"`
}

// BaseItem is a base whose Params the items specialise, as uptrace's grid
// items do; its method does not touch Params.
type BaseItem struct {
	bun.BaseModel `bun:"table:items,alias:i"`
	ID            int64          `bun:"id,pk"`
	Title         string         `bun:"title"`
	Params        map[string]any `bun:"params"`
}

// Validate reads the title only.
func (b *BaseItem) Validate() bool { return b.Title != "" }

// ChartItem overrides Params with its own type: intended, and quiet.
type ChartItem struct {
	*BaseItem `bun:",inherit"`
	Params    struct{ Query string } `bun:"params"`
}

// WithHook is a base whose hook sets the field a model overrides.
type WithHook struct {
	Params map[string]any `bun:"params"`
}

// BeforeSave sets Params, which Bun never saves for HookedItem.
func (w *WithHook) BeforeSave() { w.Params = map[string]any{} }

// HookedItem overrides Params, and WithHook's method writes the hidden one.
type HookedItem struct {
	bun.BaseModel `bun:"table:hooked_items,alias:hi"`
	ID            int64 `bun:"id,pk"`
	WithHook
	Params struct{ Query string } `bun:"params"` // want `Params hides WithHook.Params, .* \(WithHook.BeforeSave uses it\)`
}

// Suppressed redeclares on purpose.
type Suppressed struct {
	bun.BaseModel `bun:"table:suppresseds,alias:su"`
	Base
	//schemalint:ignore SL101 Base.Touch is never called on this model
	UpdatedAt time.Time `bun:"updated_at,notnull"`
}

// AltOverAmbiguous reads note through alt: while A and B, both tagged,
// lose their Note to each other: Nick did not take part in the drop.
type AltOverAmbiguous struct {
	bun.BaseModel `bun:"table:alt_over_ambiguous,alias:aoa"`
	ID            int64  `bun:"id,pk"`
	Nick          string `bun:"nick,alt:note"`
	A
	B // want `A.Note and B.Note both map to column note and both are tagged, so Bun keeps none of them`
}
