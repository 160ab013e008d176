package basemodel

import "github.com/uptrace/bun"

// Typos misspells the table options.
type Typos struct {
	bun.BaseModel `bun:"tabel:typos,alais:ty"` // want `unknown bun.BaseModel option "tabel": Bun ignores it \(it only logs a warning\), so the table keeps its default name; did you mean "table"\?` `unknown bun.BaseModel option "alais".*so the table keeps its default alias; did you mean "alias"\?`
	ID            int64                        `bun:"id,pk"`
}

// FieldOption puts a field option on the table.
type FieldOption struct {
	bun.BaseModel `bun:"table:field_options,alias:fo,soft_delete"` // want `soft_delete is a field option; on bun.BaseModel Bun ignores it \(bun.BaseModel takes only table, alias and select\)`
	ID            int64                                            `bun:"id,pk"`
}

// Unknown has an option nothing like a table option.
type Unknown struct {
	bun.BaseModel `bun:"table:unknowns,alias:un,schema:auth"` // want `unknown bun.BaseModel option "schema": Bun ignores it \(it only logs a warning\)$`
	ID            int64                                       `bun:"id,pk"`
}

// NameIsOption names the table "table".
type NameIsOption struct {
	bun.BaseModel `bun:"table"` // want `the tag name "table" is the table name, not the option: the table is named "table" \(Bun logs a warning\); write table:<value>`
	ID            int64         `bun:"id,pk"`
}

// Both names the table twice.
type Both struct {
	bun.BaseModel `bun:"boths,table:both_tables,alias:bo"` // want `table:both_tables overrides the table name "boths" given first`
	ID            int64                                    `bun:"id,pk"`
}

// Empty leaves the values out.
type Empty struct {
	bun.BaseModel `bun:"table:,alias:"` // want `table needs a value: without one Bun uses an empty table name` `alias needs a value: without one Bun uses an empty alias`
	ID            int64                 `bun:"id,pk"`
}

// Twice gives the alias twice.
type Twice struct {
	bun.BaseModel `bun:"table:twices,alias:a,alias:b"` // want `alias is given 2 times: Bun uses only the last, alias:b`
	ID            int64                                `bun:"id,pk"`
}

// Good is the house style, with a name-only tag and select: all fine.
type Good struct {
	bun.BaseModel `bun:"table:goods,alias:g,select:goods_view"`
	ID            int64 `bun:"id,pk"`
}

// NameOnly names the table with the tag name: fine.
type NameOnly struct {
	bun.BaseModel `bun:"name_onlies,alias:no"`
	ID            int64 `bun:"id,pk"`
}

// Suppressed is a deliberate exception.
type Suppressed struct {
	//schemalint:ignore SL100 the schema option is read by our own query builder
	bun.BaseModel `bun:"table:suppresseds,alias:su,schema:auth"`
	ID            int64 `bun:"id,pk"`
}
