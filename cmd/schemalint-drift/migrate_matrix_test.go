package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/schemalint/schemalint/internal/dsn"
	"github.com/schemalint/schemalint/internal/testdb"
)

// modelEdit rewrites the fixture's models.go.
type modelEdit func(t *testing.T, src string) string

const emailField = "\tEmail string `bun:\"email,notnull,unique\"`\n"

// addField adds a field to Account, after Email.
func addField(field string) modelEdit {
	return replaceIn(emailField, emailField+"\t"+field+"\n")
}

// replaceIn replaces from by to, which must be there.
func replaceIn(from, to string) modelEdit {
	return func(t *testing.T, src string) string {
		t.Helper()
		if !strings.Contains(src, from) {
			t.Fatalf("%q not in the models:\n%s", from, src)
		}
		return strings.Replace(src, from, to, 1)
	}
}

// appendModels adds declarations at the end of models.go.
func appendModels(src string) modelEdit {
	return func(_ *testing.T, s string) string { return s + "\n" + src }
}

// noteModel is a table of its own, referring to accounts without a
// relation; relation makes it belongs-to.
const noteModel = "type Note struct {\n\tbun.BaseModel `bun:\"table:notes\"`\n\n" +
	"\tID        int64  `bun:\"id,pk,autoincrement\"`\n" +
	"\tAccountID int64  `bun:\"account_id,notnull\"`\n" +
	"\tBody      string `bun:\"body\"`\n}\n"

const noteRelation = "\tBody      string `bun:\"body\"`\n" +
	"\tAccount   *Account `bun:\"rel:belongs-to,join:account_id=id\"`\n"

// m2mModels: tags, and the account_tags join table Bun's m2m relation
// reads, with a key of its two foreign keys.
const m2mModels = "type Tag struct {\n\tbun.BaseModel `bun:\"table:tags\"`\n\n" +
	"\tID   int64  `bun:\"id,pk,autoincrement\"`\n" +
	"\tName string `bun:\"name,notnull\"`\n}\n\n" +
	"type AccountTag struct {\n\tbun.BaseModel `bun:\"table:account_tags\"`\n\n" +
	"\tAccountID int64    `bun:\"account_id,pk\"`\n" +
	"\tAccount   *Account `bun:\"rel:belongs-to,join:account_id=id\"`\n" +
	"\tTagID     int64    `bun:\"tag_id,pk\"`\n" +
	"\tTag       *Tag     `bun:\"rel:belongs-to,join:tag_id=id\"`\n}\n"

// matrixCase is one model change of TestMigrateNewMatrix: before brings
// the models to the previous state (its migration generated first, with
// --allow-destructive, and applied with seed's rows), change is the edit
// whose migration is under test.
type matrixCase struct {
	name     string
	dialects []string // nil: all
	before   []modelEdit
	seed     []string
	change   []modelEdit
	flags    []string // of both migrate new runs and of drift
	destruct bool     // the change needs --allow-destructive
	afterUp  func(t *testing.T, target *testdb.DB)
	// marks, when set, starts the fixture with a committed snapshot
	// (migrate snapshot, which migrate new refreshes): before's run must
	// leave these model lines in it, from which the change's run knows
	// what the models no longer make.
	marks []string
}

// column checks that the row's value of col is want after the up.
func column(col, want string) func(t *testing.T, target *testdb.DB) {
	return func(t *testing.T, target *testdb.DB) {
		t.Helper()
		if got := queryString(t, target.SQL(), "SELECT "+col+" FROM accounts"); got != want {
			t.Errorf("accounts.%s of the existing row = %q, want %q", col, got, want)
		}
	}
}

// matrixCases are issue 12's model changes. The ones commented out
// fail today; each says how. Not covered: a narrower type (destructive,
// its comment-out path is TestMigrateNewRenameAndDestructive's).
var matrixCases = []matrixCase{
	{name: "add_table", change: []modelEdit{appendModels(noteModel)}},
	// A model removed: the snapshot's model lines say notes was a
	// model's table, so it is dropped (a table only the migrations create
	// would stay).
	{
		name: "drop_table", before: []modelEdit{appendModels(noteModel)},
		seed:     []string{"INSERT INTO notes (account_id, body) VALUES (1, 'n')"},
		destruct: true, marks: []string{"# schemalint:model table notes\n"},
	},
	{name: "add_column_nullable", change: []modelEdit{addField("Bio string `bun:\"bio\"`")}, afterUp: column("COALESCE(bio, 'null')", "null")},
	{name: "add_column_notnull_default", change: []modelEdit{addField("Bio string `bun:\"bio,notnull,default:'none'\"`")}, afterUp: column("bio", "none")},
	{name: "add_column_notnull_backfill", change: []modelEdit{addField("Score int64 `bun:\"score,notnull\"`")}, afterUp: column("score", "0")},
	{
		name: "drop_column", before: []modelEdit{addField("Bio string `bun:\"bio\"`")},
		seed: []string{"UPDATE accounts SET bio = 'b'"}, destruct: true,
	},
	// SQLite has one INTEGER type: int32 and int64 are the same column.
	{
		name: "widen_int", dialects: []string{dsn.Postgres, dsn.MySQL},
		before: []modelEdit{addField("Score int32 `bun:\"score\"`")}, seed: []string{"UPDATE accounts SET score = 7"},
		change: []modelEdit{replaceIn("Score int32", "Score int64")}, afterUp: column("score", "7"),
	},
	// SQLite ignores a VARCHAR's length: nothing to migrate there.
	{
		name: "widen_varchar", dialects: []string{dsn.Postgres, dsn.MySQL},
		before: []modelEdit{addField("Code string `bun:\"code,type:varchar(20)\"`")}, seed: []string{"UPDATE accounts SET code = 'c'"},
		change: []modelEdit{replaceIn("varchar(20)", "varchar(40)")}, afterUp: column("code", "c"),
	},
	{
		name: "set_not_null", before: []modelEdit{addField("Bio string `bun:\"bio\"`")},
		change: []modelEdit{replaceIn("bun:\"bio\"", "bun:\"bio,notnull\"")}, afterUp: column("bio", ""),
	},
	{
		name: "drop_not_null", before: []modelEdit{addField("Bio string `bun:\"bio,notnull\"`")},
		seed: []string{"UPDATE accounts SET bio = 'b'"},
		// A string without notnull never writes NULL (Bun writes ''), so
		// only a pointer makes the column nullable in the model's eyes.
		change: []modelEdit{replaceIn("Bio string `bun:\"bio,notnull\"`", "Bio *string `bun:\"bio\"`")}, afterUp: column("bio", "b"),
	},
	{
		name: "add_default", before: []modelEdit{addField("Bio string `bun:\"bio,notnull\"`")},
		change: []modelEdit{replaceIn("bun:\"bio,notnull\"", "bun:\"bio,notnull,default:'none'\"")},
	},
	{
		name: "change_default", before: []modelEdit{addField("Bio string `bun:\"bio,notnull,default:'a'\"`")},
		change: []modelEdit{replaceIn("default:'a'", "default:'b'")}, afterUp: column("bio", "a"),
	},
	// Indexes: a //schemalint:index directive added to Account, on a
	// column the before state adds, or removed (the snapshot's model lines
	// say the earlier migration's index was the directive's, so it is
	// dropped; the column stays).
	{
		name: "add_index", before: []modelEdit{addField("Code string `bun:\"code\"`")},
		seed:   []string{"UPDATE accounts SET code = 'a'"},
		change: []modelEdit{addDirective("idx_accounts_code (code)")}, afterUp: indexed("idx_accounts_code", false, false, 1),
	},
	{
		name: "add_unique_index", before: []modelEdit{addField("Code string `bun:\"code\"`")},
		seed:   []string{"UPDATE accounts SET code = 'a'", "INSERT INTO accounts (email, code) VALUES ('b@example.com', 'b')"},
		change: []modelEdit{addDirective("idx_accounts_code (code) unique")}, afterUp: indexed("idx_accounts_code", true, false, 2),
	},
	// MySQL has no partial indexes.
	{
		name: "add_partial_index", dialects: []string{dsn.Postgres, dsn.SQLite}, before: []modelEdit{addField("Code *string `bun:\"code\"`")},
		seed:   []string{"UPDATE accounts SET code = 'a'"},
		change: []modelEdit{addDirective(`idx_accounts_code (code) where "code IS NOT NULL"`)}, afterUp: indexed("idx_accounts_code", false, true, 1),
	},
	dropIndexCase("drop_index", "idx_accounts_code (code)", nil),
	dropIndexCase("drop_unique_index", "idx_accounts_code (code) unique", nil),
	dropIndexCase("drop_partial_index", `idx_accounts_code (code) where "code IS NOT NULL"`, []string{dsn.Postgres, dsn.SQLite}),
	{
		// MySQL: InnoDB adds an index named as the key for it, which the
		// down drops with the key (Atlas's plan left it).
		name: "add_fk", flags: []string{"--relation-fks"}, before: []modelEdit{appendModels(noteModel)},
		seed:   []string{"INSERT INTO notes (account_id, body) VALUES (1, 'n')"},
		change: []modelEdit{replaceIn("\tBody      string `bun:\"body\"`\n", noteRelation)},
	},
	// The relation removed: the snapshot's model lines say the key was
	// the relation's, so it is dropped (MySQL: with the index InnoDB made
	// for it).
	{
		name: "drop_fk", flags: []string{"--relation-fks"}, before: []modelEdit{appendModels(noteModel), replaceIn("\tBody      string `bun:\"body\"`\n", noteRelation)},
		seed:   []string{"INSERT INTO notes (account_id, body) VALUES (1, 'n')"},
		change: []modelEdit{replaceIn(noteRelation, "\tBody      string `bun:\"body\"`\n")},
		marks:  []string{"# schemalint:model fk notes account_id -> accounts\n", "# schemalint:model table notes\n"},
	},
	// The join table references both new tables: it is created after
	// them (it came first in table-name order, and PostgreSQL and MariaDB
	// refused its inline foreign keys; SQLite checks references later).
	{name: "m2m_join_table", flags: []string{"--relation-fks"}, change: []modelEdit{
		addField("Tags []Tag `bun:\"m2m:account_tags,join:Account=Tag\"`"), appendModels(m2mModels),
	}},
}

// dropIndexCase is a directive removed from Account: before adds the
// column code and the directive, the change removes the directive only.
func dropIndexCase(name, directive string, dialects []string) matrixCase {
	return matrixCase{
		name: name, dialects: dialects,
		before: []modelEdit{addField("Code *string `bun:\"code\"`"), addDirective(directive)},
		seed:   []string{"UPDATE accounts SET code = 'a'"},
		change: []modelEdit{replaceIn("//schemalint:index "+directive+"\n", "")},
		marks:  []string{"# schemalint:model index accounts idx_accounts_code\n"},
		afterUp: func(t *testing.T, target *testdb.DB) {
			t.Helper()
			if tbl, ok := testdb.Inspect(t, target).Table("accounts"); !ok {
				t.Fatal("no table accounts after the up")
			} else if _, ok := tbl.Index("idx_accounts_code"); ok {
				t.Error("index idx_accounts_code is still there after the up")
			}
			column("code", "a")(t, target)
		},
	}
}

// TestMigrateNewMatrix: each model change of issue 12 on each database
// round-trips as TestMigrateNewRoundTrip's does: the generated up,
// applied to a database in the previous state with rows, leaves drift
// nothing to report and keeps the rows; the down brings the previous
// schema back. A change without its own edit undoes before's edits (a
// drop).
func TestMigrateNewMatrix(t *testing.T) {
	t.Parallel()
	for _, tc := range matrixCases {
		for _, d := range testdb.Dialects {
			if tc.dialects != nil && !slices.Contains(tc.dialects, d) {
				continue
			}
			t.Run(tc.name+"/"+d, func(t *testing.T) {
				t.Parallel()
				dir := copyMigrateMod(t, false)
				file := filepath.Join(dir, "models", "models.go")
				original := readFile(t, file)
				var base string
				if len(tc.before) > 0 {
					env := map[string]string{}
					var dev []string
					if d != dsn.SQLite {
						env["SL_DEV"] = testdb.New(t, d).DSN.URL()
						dev = []string{"--dev-url-env", "SL_DEV"}
					}
					if tc.marks != nil {
						snap := append(append([]string{"migrate", "snapshot", "--models", "./models", "--migrations", "./migrations"}, tc.flags...), dev...)
						if r := runDrift(t, dir, env, snap...); r.Code != 0 {
							t.Fatalf("migrate snapshot: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
						}
					}
					base = editWith(t, file, original, tc.before)
					args := append(append(append(append([]string(nil), migrateArgs...), tc.flags...), "--allow-destructive"), dev...)
					if r := runDrift(t, dir, env, append(args, "before")...); r.Code != 0 {
						t.Fatalf("migrate new before: exit %d\n%s%s", r.Code, r.Stdout, r.Stderr)
					}
					if tc.marks != nil {
						written := readFile(t, filepath.Join(dir, "migrations", "schema."+d+".hcl"))
						for _, want := range tc.marks {
							if !strings.Contains(written, want) {
								t.Fatalf("the snapshot migrate new before refreshed lacks %q:\n%s", want, written)
							}
						}
					}
					// A fixed earlier timestamp: the change's migration
					// could otherwise fall in the same second.
					for _, f := range must2(generated(t, dir, "before")) {
						_, rest, _ := strings.Cut(filepath.Base(f), "_")
						if err := os.Rename(f, filepath.Join(dir, "migrations", "20260101000002_"+rest)); err != nil {
							t.Fatal(err)
						}
					}
				}
				if tc.change != nil {
					editWith(t, file, readFile(t, file), tc.change)
				} else if err := os.WriteFile(file, []byte(original), 0o644); err != nil {
					t.Fatal(err)
				}
				extra := append([]string(nil), tc.flags...)
				if tc.destruct {
					extra = append(extra, "--allow-destructive")
				}
				roundTripWith(t, d, dir, tc.name, roundTripOpts{
					extra: extra,
					drift: tc.flags,
					prior: func(target *testdb.DB) {
						if base != "" {
							up, _ := generated(t, dir, "before")
							applyGenerated(t, target, up)
						}
						mustExec(t, target, tc.seed...)
					},
					afterUp: func(target *testdb.DB) {
						if email := queryString(t, target.SQL(), "SELECT email FROM accounts"); email != "a@example.com" {
							t.Errorf("the existing row's email = %q after the up", email)
						}
						if tc.afterUp != nil {
							tc.afterUp(t, target)
						}
					},
				})
			})
		}
	}
}

// editWith writes src with edits applied to file and returns it.
func editWith(t *testing.T, file, src string, edits []modelEdit) string {
	t.Helper()
	for _, e := range edits {
		src = e(t, src)
	}
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return src
}

func must2(up, down string) []string { return []string{up, down} }
