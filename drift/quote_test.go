package drift

import (
	"strings"
	"testing"

	"ariga.io/atlas/sql/postgres"
	"ariga.io/atlas/sql/schema"

	"github.com/schemalint/schemalint/internal/dsn"
)

func TestQuoteIdent(t *testing.T) {
	for _, tc := range []struct{ dialect, name, want string }{
		{dsn.Postgres, "users", `"users"`},
		{dsn.Postgres, `fk"; DROP TABLE roles; --`, `"fk""; DROP TABLE roles; --"`},
		{dsn.SQLite, `a""b`, `"a""""b"`},
		{dsn.Postgres, "a`b", "\"a`b\""},
		{dsn.MySQL, "fk`; DROP TABLE apps; -- ", "`fk``; DROP TABLE apps; -- `"},
		{dsn.MySQL, `a"b`, "`a\"b`"},
		{dsn.MySQL, "ünï ✓", "`ünï ✓`"},
	} {
		if got := quoteIdent(tc.dialect, tc.name); got != tc.want {
			t.Errorf("quoteIdent(%s, %q) = %s, want %s", tc.dialect, tc.name, got, tc.want)
		}
	}
}

func TestUnprintable(t *testing.T) {
	for s, want := range map[string]bool{
		"users": false, "a b": false, "ünï ✓": false, `a"b;--`: false,
		"a\nb": true, "a\x00": true, "a\rb": true, "a\tb": true, "a\u202eb": true, "a\u200bb": true, "a\xffb": true,
	} {
		if got := unprintable(s); got != want {
			t.Errorf("unprintable(%q) = %v", s, got)
		}
	}
	if got, want := escapeUnprintable("index ix\nDROP\x00 \u202e\xff ünï"), `index ix\nDROP\x00 \u202e\xff ünï`; got != want {
		t.Errorf("escapeUnprintable = %s, want %s", got, want)
	}
	if got := showName("a\nb"); got != `"a\nb"` {
		t.Errorf("showName = %s", got)
	}
}

func TestLexSQL(t *testing.T) {
	kinds := func(dialect, s string) string {
		toks, err := lexSQL(dialect, s)
		if err != nil {
			return "error"
		}
		var b strings.Builder
		for _, tk := range toks {
			b.WriteString(map[tokKind]string{tokOther: "o", tokIdent: "i", tokString: "s", tokComment: "c", tokSemi: ";"}[tk.kind])
		}
		return b.String()
	}
	for _, tc := range []struct{ dialect, sql, want string }{
		{dsn.Postgres, `DROP INDEX "a""b; --"`, "oi"},
		{dsn.Postgres, `SELECT 'it''s', E'x\'y', $$a;'b$$, $t$;$t$ -- c`, "osososos" + "oc"},
		{dsn.Postgres, `SELECT $1; /* a /* b */ ; */ x`, "o;oco"},
		{dsn.Postgres, `"a"; "b`, "error"},
		{dsn.Postgres, `'a\'; x`, "s;o"}, // a standard string: \ is a character
		{dsn.MySQL, "DROP INDEX `a``b;#` ON t", "oio"},
		{dsn.MySQL, `COMMENT 'x\'' "q""\"" # c`, "ososoc"},
		{dsn.MySQL, `a--b -- c`, "oc"},
		{dsn.MySQL, `COMMENT 'x\';`, "error"},
		{dsn.SQLite, "CREATE INDEX `a` ON \"t\" ([c]); -- x", "oioioio;oc"},
		{dsn.SQLite, `'a\'; x`, "s;o"},
	} {
		if got := kinds(tc.dialect, tc.sql); got != tc.want {
			t.Errorf("%s: lexSQL(%s) = %s, want %s", tc.dialect, tc.sql, got, tc.want)
		}
	}
}

// hostileTable is a table whose every name is hostile, in schema s.
func hostileTable(s *schema.Schema, q string) *schema.Table {
	t := &schema.Table{Name: "t" + q + "; DROP TABLE apps; --", Schema: s}
	id := &schema.Column{Name: "id" + q + "x", Type: &schema.ColumnType{Type: &schema.IntegerType{T: "int"}}}
	ref := &schema.Column{Name: "c" + q + "; --", Type: &schema.ColumnType{Type: &schema.IntegerType{T: "int"}}}
	t.AddColumns(id, ref)
	t.PrimaryKey = &schema.Index{Table: t, Parts: []*schema.IndexPart{{C: id}}}
	t.Indexes = append(t.Indexes, &schema.Index{Name: "ix" + q + "; DROP TABLE roles; --", Table: t, Parts: []*schema.IndexPart{{C: ref}}})
	t.ForeignKeys = append(t.ForeignKeys, &schema.ForeignKey{Symbol: "fk" + q + "; DROP TABLE roles CASCADE; --", Table: t,
		Columns: []*schema.Column{ref}, RefTable: t, RefColumns: []*schema.Column{id}})
	return t
}

func TestPlanEscapesNames(t *testing.T) {
	for _, tc := range []struct {
		dialect, schema string
		change          func(t *schema.Table) schema.Change
		want            string
	}{
		{dsn.Postgres, "", func(t *schema.Table) schema.Change {
			return &schema.ModifyTable{T: t, Changes: []schema.Change{&schema.DropForeignKey{F: t.ForeignKeys[0]}}}
		}, `ALTER TABLE "t""; DROP TABLE apps; --" DROP CONSTRAINT "fk""; DROP TABLE roles CASCADE; --";`},
		{dsn.Postgres, `s"x`, func(t *schema.Table) schema.Change {
			return &schema.ModifyTable{T: t, Changes: []schema.Change{&schema.DropIndex{I: t.Indexes[0]}}}
		}, `DROP INDEX "s""x"."ix""; DROP TABLE roles; --";`},
		{dsn.Postgres, "", func(t *schema.Table) schema.Change {
			return &schema.ModifyTable{T: t, Changes: []schema.Change{&schema.AddForeignKey{F: t.ForeignKeys[0]}}}
		}, `ALTER TABLE "t""; DROP TABLE apps; --" ADD CONSTRAINT "fk""; DROP TABLE roles CASCADE; --" FOREIGN KEY ("c""; --") REFERENCES "t""; DROP TABLE apps; --" ("id""x");`},
		{dsn.Postgres, "", func(t *schema.Table) schema.Change {
			// The default name of a primary key is derived from the
			// table's: the placeholder goes back inside it.
			return &schema.ModifyTable{T: t, Changes: []schema.Change{&schema.DropPrimaryKey{P: t.PrimaryKey}}}
		}, `ALTER TABLE "t""; DROP TABLE apps; --" DROP CONSTRAINT "t""; DROP TABLE apps; --_pkey";`},
		{dsn.MySQL, "", func(t *schema.Table) schema.Change {
			return &schema.ModifyTable{T: t, Changes: []schema.Change{&schema.DropForeignKey{F: t.ForeignKeys[0]}}}
		}, "ALTER TABLE `t``; DROP TABLE apps; --` DROP FOREIGN KEY `fk``; DROP TABLE roles CASCADE; --`;"},
		{dsn.MySQL, "", func(t *schema.Table) schema.Change {
			col := t.Columns[1]
			col.Attrs = append(col.Attrs, &schema.Comment{Text: `'x\'`})
			return &schema.ModifyTable{T: t, Changes: []schema.Change{&schema.ModifyColumn{From: col, To: col, Change: schema.ChangeNull}}}
		}, "ALTER TABLE `t``; DROP TABLE apps; --` MODIFY COLUMN `c``; --` int NOT NULL COMMENT \"'x\\\\'\";"},
		{dsn.SQLite, "", func(t *schema.Table) schema.Change {
			return &schema.ModifyTable{T: t, Changes: []schema.Change{&schema.DropIndex{I: t.Indexes[0]}}}
		}, "DROP INDEX `ix``; DROP TABLE roles; --`;"},
	} {
		q := `"`
		if tc.dialect != dsn.Postgres {
			q = "`"
		}
		s := &schema.Schema{Name: tc.schema}
		tbl := hostileTable(s, q)
		s.Tables = []*schema.Table{tbl}
		c := &comparer{dialect: tc.dialect, fixSchema: s}
		before := tbl.Name + tbl.Indexes[0].Name + tbl.ForeignKeys[0].Symbol + tbl.Columns[0].Name
		got := c.plan(tc.change(tbl))
		if got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.dialect, got, tc.want)
		}
		if after := tbl.Name + tbl.Indexes[0].Name + tbl.ForeignKeys[0].Symbol + tbl.Columns[0].Name; after != before {
			t.Errorf("%s: plan left the names changed: %s", tc.dialect, after)
		}
	}
}

// TestPlanSQLiteRebuild: a table rebuild writes every name of the table
// again, in CREATE TABLE, INSERT … SELECT and CREATE INDEX; each is
// escaped, and each statement is one statement.
func TestPlanSQLiteRebuild(t *testing.T) {
	s := &schema.Schema{Name: ""}
	tbl := hostileTable(s, "`")
	c := &comparer{dialect: dsn.SQLite, fixSchema: s}
	drop := tbl.Columns[1]
	fix := &schema.Table{Name: tbl.Name, Schema: s, Columns: tbl.Columns[:1], PrimaryKey: tbl.PrimaryKey}
	got := c.plan(&schema.ModifyTable{T: fix, Changes: []schema.Change{&schema.DropColumn{C: drop}}})
	if strings.HasPrefix(got, "--") || !strings.Contains(got, "INSERT INTO `new_t``; DROP TABLE apps; --` (`id``x`) SELECT `id``x` FROM `t``; DROP TABLE apps; --`;") {
		t.Fatalf("rebuild:\n%s", got)
	}
	for stmt := range strings.SplitSeq(got, "\n") {
		toks, err := lexSQL(dsn.SQLite, stmt)
		if err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
		for i, tk := range toks {
			if tk.kind == tokComment || tk.kind == tokSemi && i != len(toks)-1 {
				t.Errorf("not one statement: %s", stmt)
			}
		}
	}
}

func TestPlanRefusesUnprintableNames(t *testing.T) {
	for _, d := range []string{dsn.Postgres, dsn.MySQL, dsn.SQLite} {
		s := &schema.Schema{}
		tbl := hostileTable(s, `"`)
		tbl.ForeignKeys[0].Symbol = "fk\nDROP TABLE apps; --"
		c := &comparer{dialect: d, fixSchema: s}
		got := c.plan(&schema.ModifyTable{T: tbl, Changes: []schema.Change{&schema.DropForeignKey{F: tbl.ForeignKeys[0]}}})
		if !strings.HasPrefix(got, refusedPrefix) || strings.Contains(got, "\n") || !strings.Contains(got, `"fk\nDROP TABLE apps; --"`) {
			t.Errorf("%s: %q", d, got)
		}
	}
	// A name that holds the placeholders' prefix is refused too, rather
	// than confused with one.
	s := &schema.Schema{}
	tbl := hostileTable(s, `"`)
	tbl.Indexes[0].Name = placeholderPrefix + "0_"
	c := &comparer{dialect: dsn.Postgres, fixSchema: s}
	if got := c.plan(&schema.ModifyTable{T: tbl, Changes: []schema.Change{&schema.DropIndex{I: tbl.Indexes[0]}}}); !strings.HasPrefix(got, refusedPrefix) {
		t.Errorf("collision: %s", got)
	}
	// A placeholder in a string that is not a comment (a sequence named
	// in nextval('…')) is refused, not guessed.
	tbl = hostileTable(s, `"`)
	id := tbl.Columns[0]
	to := &schema.Column{Name: id.Name, Type: &schema.ColumnType{Type: &postgres.SerialType{T: "serial"}}}
	got := c.plan(&schema.ModifyTable{T: tbl, Changes: []schema.Change{&schema.ModifyColumn{From: id, To: to, Change: schema.ChangeType}}})
	if !strings.HasPrefix(got, refusedPrefix+"Atlas writes the name") {
		t.Errorf("serial: %s", got)
	}
	// Dropping a serial's sequence names it with Go's %q only: that
	// plans, escaped.
	got = c.plan(&schema.ModifyTable{T: tbl, Changes: []schema.Change{&schema.ModifyColumn{From: to, To: id, Change: schema.ChangeType}}})
	if !strings.Contains(got, `DROP SEQUENCE IF EXISTS "t""; DROP TABLE apps; --_id""x_seq";`) {
		t.Errorf("serial dropped: %s", got)
	}
}

// TestHandWrittenSQLEscapes: the identity statement drift writes itself
// escapes its names, and refuses unprintable ones.
func TestHandWrittenSQLEscapes(t *testing.T) {
	c := &comparer{dialect: dsn.Postgres, fixSchema: &schema.Schema{Name: `s"`}}
	got := c.handSQL(func() string { return "ALTER TABLE " + c.qualified(`t"; --`) + ";" }, `t"; --`)
	if want := `ALTER TABLE "s"""."t""; --";`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	c = &comparer{dialect: dsn.MySQL, fixSchema: &schema.Schema{}}
	if got, want := c.qualified("t`x"), "`t``x`"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if got := c.handSQL(func() string { return "x" }, "a\nb"); !strings.HasPrefix(got, refusedPrefix) || strings.Contains(got, "\n") {
		t.Errorf("got %q", got)
	}
}

// TestPlanSharedAttr: an attribute two objects share (the clones share
// the inspected ones) is swapped once, and restored after planning.
func TestPlanSharedAttr(t *testing.T) {
	s := &schema.Schema{}
	tbl := hostileTable(s, "`")
	comment := &schema.Comment{Text: `it's "x"`}
	from := &schema.Column{Name: "c", Type: &schema.ColumnType{Type: &schema.IntegerType{T: "int"}}, Attrs: []schema.Attr{comment}}
	to := &schema.Column{Name: "c", Type: &schema.ColumnType{Type: &schema.IntegerType{T: "bigint"}}, Attrs: []schema.Attr{comment}}
	tbl.AddColumns(to)
	c := &comparer{dialect: dsn.MySQL, fixSchema: s}
	got := c.plan(&schema.ModifyTable{T: tbl, Changes: []schema.Change{&schema.ModifyColumn{From: from, To: to, Change: schema.ChangeType}}})
	if want := "ALTER TABLE `t``; DROP TABLE apps; --` MODIFY COLUMN `c` bigint NOT NULL COMMENT \"it's \"\"x\"\"\";"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if comment.Text != `it's "x"` {
		t.Errorf("comment left as %q", comment.Text)
	}
}
