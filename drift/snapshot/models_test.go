package snapshot_test

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"ariga.io/atlas/sql/schema"

	"github.com/schemalint/schemalint/drift/snapshot"
	"github.com/schemalint/schemalint/internal/dsn"
)

// TestModelLines: the objects the models made are header lines, sorted
// and written once whatever the order given, read back as written (odd
// names quoted, a column named as the arrow too), and outside the body:
// the same schema with other model lines has the same body.
func TestModelLines(t *testing.T) {
	t.Parallel()
	models := snapshot.Models{
		Tables: []string{"notes", "accounts", "notes"},
		ForeignKeys: []snapshot.ModelFK{
			{Table: "notes", Columns: []string{"account_id"}, RefTable: "accounts"},
			{Table: "odd table", Columns: []string{"->", "b c"}, RefTable: "x->y"},
		},
		Indexes: []snapshot.ModelIndex{{Table: "accounts", Name: "accounts_email_key"}},
	}
	s := &schema.Schema{Name: "main"}
	data, err := snapshot.Encode(&snapshot.Snapshot{Dialect: dsn.SQLite, Migrations: []string{"1"}, Schema: s, Models: models})
	if err != nil {
		t.Fatal(err)
	}
	want := "# schemalint:migration 1\n" +
		"# schemalint:model fk \"odd table\" \"->\" \"b c\" -> x->y\n" +
		"# schemalint:model fk notes account_id -> accounts\n" +
		"# schemalint:model index accounts accounts_email_key\n" +
		"# schemalint:model table accounts\n" +
		"# schemalint:model table notes\n" +
		"# schemalint:schema main\n"
	if !strings.Contains(string(data), want) {
		t.Fatalf("the header lacks\n%s\n%s", want, data)
	}
	f, err := snapshot.Read(data, dsn.SQLite)
	if err != nil {
		t.Fatal(err)
	}
	wantBack := snapshot.Models{
		Tables: []string{"accounts", "notes"},
		ForeignKeys: []snapshot.ModelFK{
			{Table: "odd table", Columns: []string{"->", "b c"}, RefTable: "x->y"},
			{Table: "notes", Columns: []string{"account_id"}, RefTable: "accounts"},
		},
		Indexes: []snapshot.ModelIndex{{Table: "accounts", Name: "accounts_email_key"}},
	}
	if !reflect.DeepEqual(f.Models, wantBack) {
		t.Errorf("read back %+v\nwant %+v", f.Models, wantBack)
	}
	if f.Models.Empty() {
		t.Error("Empty with model lines")
	}
	body, err := snapshot.Body(dsn.SQLite, s)
	if err != nil {
		t.Fatal(err)
	}
	if !f.SameBody(body) {
		t.Error("the model lines are in the body: a model change would read as a schema change")
	}
	back, err := f.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	again, err := snapshot.Encode(back)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again, data) {
		t.Errorf("written again, the snapshot differs: %s", firstLineDiff(data, again))
	}

	// A snapshot written before the model lines knows nothing as
	// modelled.
	old, err := snapshot.Encode(&snapshot.Snapshot{Dialect: dsn.SQLite, Schema: s})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(old), "schemalint:model") {
		t.Errorf("model lines without models:\n%s", old)
	}
	f, err = snapshot.Read(old, dsn.SQLite)
	if err != nil || !f.Models.Empty() {
		t.Errorf("an old snapshot: %v, models %+v", err, f.Models)
	}
}

// TestModelLineErrors: a damaged model line is an error naming its line.
func TestModelLineErrors(t *testing.T) {
	t.Parallel()
	good, err := snapshot.Encode(&snapshot.Snapshot{Dialect: dsn.SQLite, Schema: &schema.Schema{Name: "main"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{
		"# schemalint:model view v",
		"# schemalint:model table",
		"# schemalint:model table a b",
		"# schemalint:model index accounts",
		"# schemalint:model fk notes account_id accounts",
		"# schemalint:model fk notes -> accounts",
		"# schemalint:model fk notes a -> b -> accounts",
		"# schemalint:model fk notes account_id \"->\" accounts",
		"# schemalint:model table \"unterminated",
	} {
		data := strings.Replace(string(good), "# schemalint:schema", line+"\n# schemalint:schema", 1)
		if _, err := snapshot.Read([]byte(data), dsn.SQLite); err == nil || !strings.Contains(err.Error(), "line 8: want a model line") {
			t.Errorf("%s: got %v, want an error on line 8", line, err)
		}
	}
}
