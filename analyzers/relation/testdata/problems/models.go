// Package problems holds relations Bun panics on: every one of them fails
// the first query on its model (bun_test.go asks Bun).
package problems

import "github.com/uptrace/bun"

// Author is a well-formed relation target.
type Author struct {
	bun.BaseModel `bun:"table:authors,alias:au"`
	ID            int64  `bun:"id,pk"`
	BookID        int64  `bun:"book_id"`
	Kind          string `bun:"kind"`
}

// NoPK has no primary key.
type NoPK struct {
	bun.BaseModel `bun:"table:no_pks,alias:np"`
	Name          string `bun:"name"`
}

// Book has one broken relation per field.
type Book struct {
	bun.BaseModel `bun:"table:books,alias:b"`
	ID            int64 `bun:"id,pk"`
	AuthorID      int64 `bun:"author_id"`
	OwnerID       int64 `bun:"owner_id"`

	Writer   *Author   `bun:"rel:belongs_to,join:author_id=id"`                                      // want `Writer: Bun panics on the first query on Book: unknown relation rel:belongs_to \(want belongs-to, has-one or has-many\)`
	Editor   *Author   `bun:"rel:belongs-to,join:editor_id=id"`                                      // want `Editor: Bun panics on the first query on Book: join:editor_id=id: Book has no column editor_id`
	Owner    *Author   `bun:"rel:belongs-to,join:owner_id=uuid"`                                     // want `join:owner_id=uuid: Author has no column uuid`
	Reviewer *Author   `bun:"rel:belongs-to,join:author_id"`                                         // want `cannot parse join:author_id: want base_column=join_column`
	Sequel   *Author   `bun:"rel:has-many,join:id=book_id"`                                          // want `has-many relation requires a slice, got \*problems.Author`
	Tags     *Author   `bun:"m2m:book_tags"`                                                         // want `m2m relation requires a slice, got \*problems.Author`
	Notes    *NoPK     `bun:"rel:belongs-to,join:owner_id=name"`                                     // want `NoPK has no primary key`
	Others   []*Author `bun:"rel:has-many,join:id=book_id,polymorphic"`                              // want `Others: Bun panics on the first query on Book: polymorphic with join: needs a join:type=<column> pair naming the type column`
	Polys    []*Author `bun:"rel:has-many,polymorphic"`                                              // want `Polys: Bun panics on the first query on Book: Author must have polymorphic column book_type`
	Twice    *Author   `bun:"rel:belongs-to,join:author_id=id,on_delete:CASCADE,on_delete:RESTRICT"` // want `on_delete is given 2 times; a belongs-to relation takes it once`
	Single   *Author   `bun:"rel:has-one,join:id=book_id,join:type=kind,polymorphic"`                // want `join:type=kind: Book has no column type`
}

// Article has no author_id and no id: Bun finds no column to join on.
type Article struct {
	bun.BaseModel `bun:"table:articles,alias:ar"`
	UID           int64   `bun:"uid,pk"`
	Author        *Author `bun:"rel:belongs-to"` // want `Author: Bun panics on the first query on Article: Article must have column author_id \(to override, use join:base_column=join_column\)`
}

// WithAuthor brings a relation into the models that embed it.
type WithAuthor struct {
	Author *Author `bun:"rel:belongs-to,join:author_id=id"`
}

// Post embeds WithAuthor and has the column: fine.
type Post struct {
	bun.BaseModel `bun:"table:posts,alias:po"`
	ID            int64 `bun:"id,pk"`
	AuthorID      int64 `bun:"author_id"`
	WithAuthor
}

// Comment embeds WithAuthor without the column: reported on the
// embedding line.
type Comment struct {
	bun.BaseModel `bun:"table:comments,alias:co"`
	ID            int64 `bun:"id,pk"`
	WithAuthor          // want `Author: Bun panics on the first query on Comment: join:author_id=id: Comment has no column author_id`
}

// Suppressed is a deliberate exception.
type Suppressed struct {
	bun.BaseModel `bun:"table:suppresseds,alias:su"`
	ID            int64 `bun:"id,pk"`
	//schemalint:ignore SL102 the column is added by a migration this fixture does not show
	Author *Author `bun:"rel:belongs-to,join:writer_id=id"`
}

// Broken tags are SL100's: rel: without a value is not reported here.
type Broken struct {
	bun.BaseModel `bun:"table:brokens,alias:br"`
	ID            int64   `bun:"id,pk"`
	Author        *Author `bun:"rel:"`
	Other         *Author `bun:"rel:belongs-to,join:"`
}
