// Package tagsyntax is rule SL100 (tag-syntax): a bun tag must say what
// Bun actually reads.
//
// # What
//
// Tags are judged exactly as Bun v1.3.0 parses them (the first unnamed
// item is the column name, then key or key:value options; only double
// quotes and parentheses protect a comma). On a model, and on every struct
// a model embeds (anonymously or with embed:), SL100 reports:
//
//   - an option Bun does not know (notnul, soft-delete, nullzeros), with
//     the known option it was probably meant to be;
//   - an option name written as the column name: bun:"pk" is a column
//     named pk, not a primary key;
//   - on bun.BaseModel, an option other than table, alias and select;
//   - on an embedded struct, anything but extend and inherit; on an
//     embed: field, anything but the prefix;
//   - a flag given a value: notnull:false is still NOT NULL;
//   - an option that needs a value and has none: type:, default:,
//     column:, rel:, join:, m2m:, on_delete:...;
//   - an option given twice where Bun keeps only the last (type:a,type:b;
//     unique, join and join_on may repeat);
//   - a value cut at a comma inside single quotes: default:'a,b' is
//     default:'a plus an unknown option b';
//   - an unterminated double quote, after which Bun drops the rest;
//   - options in the wrong place: join: and the other relation options
//     on a column, column options on a relation, on_delete on a has-many,
//     tags on unexported fields;
//   - embed: on a field that is not a struct (Bun panics);
//   - a tag over 16 KiB, reported once and not checked item by item (real
//     tags are a few hundred bytes; a megabyte of options would cost
//     seconds and a finding each).
//
// A struct of this package embedded by several models is reported once,
// at its own field. A struct of another package is reported at the field
// that embeds it, without a fix.
//
// # Why
//
// Bun does not reject a bad tag: it logs a warning at most and carries on,
// so the mistake shows up as a schema that silently differs from the
// model. A misspelled notnull leaves the column nullable, bun:"pk" creates
// a column named pk and no primary key, default:'a,b' writes the default
// 'a (invalid SQL). None of this fails at compile time or in a test that
// does not look at the schema.
//
// Bad:
//
//	Email     string     `bun:"email,notnul"`
//	ID        int64      `bun:"pk"`
//	Status    string     `bun:"status,default:'a,b'"`
//	DeletedAt *time.Time `bun:"deleted_at,soft-delete"`
//	bun.BaseModel        `bun:"table:users,alais:u"`
//
// Good:
//
//	Email     string     `bun:"email,notnull"`
//	ID        int64      `bun:",pk"`
//	Status    string     `bun:"status,default:\"'a,b'\""`
//	DeletedAt *time.Time `bun:"deleted_at,soft_delete"`
//	bun.BaseModel        `bun:"table:users,alias:u"`
//
// Fixes replace a misspelled option with the suggestion, turn a name into
// an option (",pk") or a column: option, drop a flag's value (or the flag,
// for a false value), quote a split value, and remove an exact duplicate.
//
// # Options
//
// None.
package tagsyntax
