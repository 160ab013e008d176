package dupcolumn_test

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/sqlitedialect"
	"github.com/uptrace/bun/driver/sqliteshim"

	"github.com/schemalint/schemalint/analyzers/lint/linttest"
)

// What SL101's messages say Bun keeps and drops, asked of Bun itself.
// Each model mirrors a case in testdata/models.

type base struct {
	ID        int64     `bun:"id,pk"`
	UpdatedAt time.Time `bun:"updated_at,nullzero"`
}

type shadowing struct {
	bun.BaseModel `bun:"table:shadowings"`
	base
	UpdatedAt time.Time `bun:"updated_at,notnull"`
}

type noteA struct {
	Note string `bun:"note"`
}

type noteB struct {
	Note string `bun:"note"`
}

type noteC struct{ Note string }

type noteD struct{ Note string }

type bothTagged struct {
	bun.BaseModel `bun:"table:both_taggeds"`
	ID            int64 `bun:"id,pk"`
	noteA
	noteB
}

type noneTagged struct {
	bun.BaseModel `bun:"table:none_taggeds"`
	ID            int64 `bun:"id,pk"`
	noteC
	noteD
}

type taggedWins struct {
	bun.BaseModel `bun:"table:tagged_wins"`
	ID            int64 `bun:"id,pk"`
	noteC
	noteA
}

type declared struct {
	bun.BaseModel `bun:"table:declareds"`
	ID            int64  `bun:"id,pk"`
	Name          string `bun:"name"`
	Title         string `bun:"name"`
}

type alt struct {
	bun.BaseModel `bun:"table:alts"`
	ID            int64  `bun:"id,pk"`
	Name          string `bun:"name"`
	Nick          string `bun:"nick,alt:name"`
}

type address struct {
	Street string `bun:"street"`
}

type prefixed struct {
	bun.BaseModel `bun:"table:prefixeds"`
	ID            int64   `bun:"id,pk"`
	Billing       address `bun:"embed:billing_"`
	BillingStreet string  `bun:"billing_street"`
}

type samePrefix struct {
	bun.BaseModel `bun:"table:same_prefixes"`
	ID            int64   `bun:"id,pk"`
	Billing       address `bun:"embed:addr_"`
	Shipping      address `bun:"embed:addr_"`
}

type skipped struct {
	bun.BaseModel `bun:"table:skippeds"`
	ID            int64  `bun:"id,pk"`
	Note          string `bun:"-"`
	noteA
}

// keeps returns the Go field path Bun keeps for column col ("" for none).
func keeps(t *testing.T, model any, col string) string {
	t.Helper()
	r := linttest.Bun(model)
	if r.Panic != nil {
		t.Fatalf("Bun panicked: %v", r.Panic)
	}
	f, ok := r.Table.FieldMap[col]
	if !ok {
		return ""
	}
	typ := r.Table.Type
	var path []string
	for i := range f.Index {
		sf := typ.FieldByIndex(f.Index[:i+1])
		path = append(path, sf.Name)
	}
	return strings.Join(path, ".")
}

func TestBunKeeps(t *testing.T) {
	for _, tc := range []struct {
		name  string
		model any
		col   string
		want  string
	}{
		{"a declared field hides the embedded one", (*shadowing)(nil), "updated_at", "UpdatedAt"},
		{"two tagged embedded fields: neither", (*bothTagged)(nil), "note", ""},
		{"two untagged embedded fields: neither", (*noneTagged)(nil), "note", ""},
		{"one tagged embedded field wins", (*taggedWins)(nil), "note", "noteA.Note"},
		{"two declared fields: the last is read", (*declared)(nil), "name", "Title"},
		{"alt: takes over the column it names", (*alt)(nil), "name", "Nick"},
		{"a declared field hides an embed: field", (*prefixed)(nil), "billing_street", "BillingStreet"},
		{"two embed: fields with one prefix: neither", (*samePrefix)(nil), "addr_street", ""},
		{`a "-" field reserves its Go name, not a column`, (*skipped)(nil), "note", "noteA.Note"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := keeps(t, tc.model, tc.col); got != tc.want {
				t.Errorf("Bun keeps %q for %s, want %q", got, tc.col, tc.want)
			}
		})
	}
}

// TestBunCreatesDuplicate: with two declared fields on one column, Bun
// lists the column twice, in CREATE TABLE (which the database refuses)
// and in INSERT.
func TestBunCreatesDuplicate(t *testing.T) {
	sqldb, err := sql.Open(sqliteshim.ShimName, "file::memory:")
	if err != nil {
		t.Fatal(err)
	}
	db := bun.NewDB(sqldb, sqlitedialect.New())
	defer func() { _ = db.Close() }()
	_, err = db.NewCreateTable().Model((*declared)(nil)).Exec(context.Background())
	if err == nil || !strings.Contains(err.Error(), "duplicate column name: name") {
		t.Fatalf("CREATE TABLE with a duplicate column: err = %v", err)
	}
	if insert := db.NewInsert().Model(&declared{}).String(); !strings.Contains(insert, `"name", "name"`) {
		t.Fatalf("INSERT does not write the column twice: %s", insert)
	}
}
