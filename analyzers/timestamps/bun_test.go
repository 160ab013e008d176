package timestamps_test

import (
	"database/sql"
	"strings"
	"testing"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/pgdialect"
)

// TestBunTimestampWrites asks Bun itself what the timestamp options do, so
// SL004's documentation stays true: a zero time.Time with a default is
// inserted as DEFAULT with or without nullzero (Bun v1.3.0); an update
// writes year 1 without nullzero, and DEFAULT (the current time) with it.
func TestBunTimestampWrites(t *testing.T) {
	type plain struct {
		bun.BaseModel `bun:"table:t"`
		ID            int64     `bun:",pk"`
		CreatedAt     time.Time `bun:"created_at,notnull,default:current_timestamp"`
	}
	type nullzero struct {
		bun.BaseModel `bun:"table:t"`
		ID            int64     `bun:",pk"`
		CreatedAt     time.Time `bun:"created_at,nullzero,notnull,default:current_timestamp"`
	}
	db := bun.NewDB(&sql.DB{}, pgdialect.New())
	for _, m := range []any{&plain{ID: 1}, &nullzero{ID: 1}} {
		if q := db.NewInsert().Model(m).String(); !strings.Contains(q, "DEFAULT") {
			t.Errorf("insert of a zero time wrote %s, want DEFAULT", q)
		}
	}
	if q := db.NewUpdate().Model(&plain{ID: 1}).WherePK().String(); !strings.Contains(q, "'0001-01-01") {
		t.Errorf("update without nullzero wrote %s, want the zero time", q)
	}
	if q := db.NewUpdate().Model(&nullzero{ID: 1}).WherePK().String(); !strings.Contains(q, `"created_at" = DEFAULT`) {
		t.Errorf("update with nullzero wrote %s, want DEFAULT", q)
	}
}
