// Package relation is rule SL102 (relation): every relation resolves the
// way its author means, and Bun does not panic on it.
//
// # What
//
// Bun resolves relations (rel:belongs-to, rel:has-one, rel:has-many,
// m2m:) when it first reflects the model, that is at the first query on
// it, and panics on any it cannot resolve. SL102 resolves them the same
// way, statically, and reports on the relation field:
//
//   - everything Bun panics on: an unknown rel: kind, a join: column
//     missing on either side, a join: it cannot parse, has-many or m2m on
//     a field that is no slice, a target (or, for has-one, has-many and
//     m2m, the model) without a primary key, a belongs-to with no column
//     to join on, a polymorphic has-many without its type column, and
//     on_delete or on_update given twice on a belongs-to;
//   - a belongs-to without join: whose model has no <field>_<pk> column:
//     Bun then silently joins on the model's own primary key;
//   - join columns whose Go types differ, a pointer or a sql.Null wrapper
//     aside (*xid.ID with xid.ID is fine, int64 with xid.ID is not),
//     unless SL002 runs and reports the foreign key column of a
//     belongs-to itself;
//   - an m2m: join table no model of the package or its imports has; a
//     join model without the fields join:Left=Right names (by default the
//     two type names), or with one that is no belongs-to relation; join
//     pairs after the first, which Bun ignores;
//   - on_delete or on_update with an action SQL does not have (Bun only
//     warns and writes it into CREATE TABLE), and SET NULL on a foreign
//     key that is NOT NULL or whose field is a value type.
//
// A relation whose tag is malformed (rel:, m2m: or join: without a
// value) is left to SL100.
//
// The join model of an m2m relation must also be registered with
// db.RegisterModel before the first query on either side, or Bun panics
// ("can't find m2m ... table"). Registration happens at run time, so
// SL102 cannot check it: register join models right after bun.NewDB. A
// join model declared in a package that imports the relation's package is
// invisible here; say so with //schemalint:ignore SL102 and the reason.
//
// # Why
//
// A broken relation compiles, passes every test that does not query the
// model, and takes the service down at the first request that does. An
// implicit join on the primary key is worse: it runs, and returns the
// wrong rows.
//
// Bad:
//
//	type Post struct {
//		bun.BaseModel `bun:"table:posts,alias:p"`
//		ID            xid.ID `bun:"id,pk,type:varchar(20)"`
//		Author        *User  `bun:"rel:belongs-to"`                       // joins users.id = posts.id
//		Editor        *User  `bun:"rel:belongs-to,join:editor_id=id"`     // no editor_id: panics
//		Tags          []*Tag `bun:"m2m:post_tags"`                        // no PostTag model: panics
//	}
//
// Good:
//
//	type Post struct {
//		bun.BaseModel `bun:"table:posts,alias:p"`
//		ID            xid.ID  `bun:"id,pk,type:varchar(20)"`
//		AuthorID      xid.ID  `bun:"author_id,notnull,type:varchar(20)"`
//		EditorID      *xid.ID `bun:"editor_id,type:varchar(20)"`
//		Author        *User   `bun:"rel:belongs-to,join:author_id=id"`
//		Editor        *User   `bun:"rel:belongs-to,join:editor_id=id,on_delete:SET NULL"`
//		Tags          []*Tag  `bun:"m2m:post_tags,join:Post=Tag"`
//	}
//
//	type PostTag struct {
//		bun.BaseModel `bun:"table:post_tags,alias:pt"`
//		PostID        xid.ID `bun:"post_id,pk,type:varchar(20)"`
//		TagID         xid.ID `bun:"tag_id,pk,type:varchar(20)"`
//		Post          *Post  `bun:"rel:belongs-to,join:post_id=id"`
//		Tag           *Tag   `bun:"rel:belongs-to,join:tag_id=id"`
//	}
//
//	db.RegisterModel((*PostTag)(nil))
//
// There is no automatic fix: which column a relation should join on is
// the author's decision.
//
// # Options
//
// None.
package relation
