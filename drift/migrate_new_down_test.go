package drift

import (
	"strings"
	"testing"

	"ariga.io/atlas/sql/schema"
)

// TestDownDropsInnoDBIndex: on MySQL the down of an added foreign key also
// drops the index InnoDB made for it (named as the key), which the
// inspection does not show while the key exists; not when an index of the
// previous schema already led with the key's columns (InnoDB made none).
func TestDownDropsInnoDBIndex(t *testing.T) {
	mk := func(withFK, indexed bool) *schema.Schema {
		s := schema.New("app")
		acc := schema.NewTable("accounts").AddColumns(schema.NewIntColumn("id", "bigint"))
		acc.SetPrimaryKey(schema.NewPrimaryKey(acc.Columns...))
		notes := schema.NewTable("notes").AddColumns(schema.NewIntColumn("id", "bigint"), schema.NewIntColumn("account_id", "bigint"))
		notes.SetPrimaryKey(schema.NewPrimaryKey(notes.Columns[0]))
		if indexed {
			notes.AddIndexes(schema.NewIndex("notes_by_account").AddColumns(notes.Columns[1]))
		}
		if withFK {
			notes.AddForeignKeys(schema.NewForeignKey("notes_account_id_fkey").AddColumns(notes.Columns[1]).SetRefTable(acc).AddRefColumns(acc.Columns[0]))
		}
		s.AddTables(acc, notes)
		return s
	}
	for _, tc := range []struct {
		dialect string
		indexed bool
		want    string
	}{
		{"mysql", false, "ALTER TABLE `notes` DROP FOREIGN KEY `notes_account_id_fkey`, DROP INDEX `notes_account_id_fkey`;"},
		{"mysql", true, "ALTER TABLE `notes` DROP FOREIGN KEY `notes_account_id_fkey`;"},
		{"pg", false, `ALTER TABLE "notes" DROP CONSTRAINT "notes_account_id_fkey";`},
	} {
		f, err := NewDown(tc.dialect, mk(true, tc.indexed), mk(false, tc.indexed), nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(f.Body, tc.want+"\n") {
			t.Errorf("%s, indexed %v: want %s in\n%s", tc.dialect, tc.indexed, tc.want, f.Body)
		}
	}
}
