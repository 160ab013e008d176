package main

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"ariga.io/atlas/sql/schema"
	"github.com/peterbourgon/ff/v3/ffcli"

	"github.com/schemalint/schemalint/analyzers/config"
	"github.com/schemalint/schemalint/drift"
	"github.com/schemalint/schemalint/drift/live"
	"github.com/schemalint/schemalint/drift/load"
	"github.com/schemalint/schemalint/drift/snapshot"
	"github.com/schemalint/schemalint/internal/cli"
	"github.com/schemalint/schemalint/internal/dsn"
)

// migrationName is what Bun accepts after the timestamp, kept to the
// spelling its own generator writes.
var migrationName = regexp.MustCompile(`^[a-z0-9_]+$`)

// migrateNewCommand is schemalint migrate new NAME. It shares drift's
// settings (models, migrations, dev database, configuration).
type migrateNewCommand struct {
	*driftCommand
	allowDestructive bool
	renames          cli.StringList
	format           string // formatSQL or formatGo
	migrationsVar    string
	now              func() time.Time
}

func newMigrateNewCommand(stdout, stderr io.Writer) *ffcli.Command {
	m := &migrateNewCommand{driftCommand: &driftCommand{stdout: stdout, stderr: stderr}, now: time.Now}
	fs := flag.NewFlagSet("migrate new", flag.ContinueOnError)
	fs.SetOutput(stderr)
	m.fsets = []*flag.FlagSet{fs}
	fs.StringVar(&m.devURL, "dev-url", "", "an empty PostgreSQL or MySQL database to migrate, for migrations in its dialect (default: a scratch SQLite file)")
	fs.StringVar(&m.devURLEnv, "dev-url-env", "", "name of the environment variable holding --dev-url")
	fs.Var(&m.models, "models", "package pattern of the models (repeatable; default ./...)")
	fs.Var(&m.migrations, "migrations", "package pattern of the package registering the Bun migrations; the files are written to its directory")
	fs.Var(&m.exclude, "exclude", "table-name glob to leave out (repeatable)")
	fs.BoolVar(&m.relationFKs, "relation-fks", false, "also create a foreign key for every belongs-to and has-one relation")
	fs.BoolVar(&m.allowDestructive, "allow-destructive", false, "keep destructive statements (DROP TABLE, DROP COLUMN, narrower types) rather than commenting them out")
	fs.Var(&m.renames, "rename", "table.old=new: the models renamed this column (repeatable); without it a rename is a drop and an add")
	fs.StringVar(&m.format, "format", formatSQL, "sql: Bun SQL files (.up.sql, .down.sql); go: one Go file registering the migration on the package's *migrate.Migrations variable")
	fs.StringVar(&m.migrationsVar, "migrations-var", "", "with --format go: the package-level *migrate.Migrations variable to register on (default: the one initialised with migrate.NewMigrations())")
	fs.DurationVar(&m.timeout, "timeout", 30*time.Second, "bound on each database step and each run of the program reading the models or running the migrations")
	fs.StringVar(&m.configFile, "config", "", "configuration file (default: the nearest .schemalint.yml)")
	fs.BoolVar(&m.verbose, "v", false, "print notes and timings to standard error")
	fs.BoolVar(&m.quiet, "quiet", false, "no progress lines on standard error")
	return &ffcli.Command{
		Name:       "new",
		ShortUsage: "schemalint migrate new [flags] NAME",
		ShortHelp:  "write the SQL migration that takes the migrations' schema to the models'",
		LongHelp: strings.TrimSpace(`
Apply the migrations to a scratch database (a private SQLite file, or the
empty PostgreSQL or MySQL database --dev-url names), compare it with the
models as drift migrations does, and write the difference as a Bun SQL
migration in the directory of the --migrations package, which
bun/migrate's Discover reads:

  <YYYYMMDDHHMMSS>_NAME.tx.up.sql    .tx.down.sql   (one transaction:
                                     PostgreSQL, SQLite)
  <YYYYMMDDHHMMSS>_NAME.up.sql       .down.sql      (MySQL, and SQLite
                                     when a table is rebuilt)

One statement between --bun:split lines. The up is drift's repair script:
tables before their foreign keys, indexes after columns, a NOT NULL column
added NULL, backfilled and then set NOT NULL. The down takes the schema
back; it drops what the up added. Both are run on the scratch database
before they are written. NAME is [a-z0-9_]+.

What was removed from the models is known from the committed snapshot
(schema.<dialect>.hcl, see migrate snapshot), whose header records the
tables, relation keys and unique indexes the models made: one of them
that no model makes now and that the migrations still create is dropped
(its down recreates it). Without a snapshot no removal is known: a table
the migrations create and no model maps to is kept as hand-made.

With --format go, one file <YYYYMMDDHHMMSS>_NAME.go instead: an init
function registering up and down on the package's *migrate.Migrations
variable (the one initialised with migrate.NewMigrations(), or
--migrations-var NAME). They run the same statements, in db.RunInTx where
the SQL file would be .tx., under a switch on db.Dialect().Name() whose
one branch is the scratch database's dialect (any other returns an
error). The package is built with the new file, which is removed if it
does not compile. NAME must not end in _test or a GOOS or GOARCH (_linux,
_amd64): the go command reads those as build constraints. Take go when
the package has no Discover or the migration is to get Go code; sql, the
default, otherwise.

Destructive statements (DROP TABLE, DROP COLUMN, a narrower type) are
written commented out under "-- destructive:" and listed on standard
error, unless --allow-destructive. Renames are never guessed: a column
dropped and one added with the same type on one table is reported as a
possible rename; --rename table.old=new makes it ALTER TABLE ... RENAME
COLUMN. The dialect is the scratch database's; a .schemalint.yml naming
another dialect, or several, is refused (one migrations directory holds
one dialect's SQL files: Discover reads them all).

Migrations that create tables from today's models (NewCreateTable().Model)
already make a model's change on a fresh database; when the committed
snapshot shows that the databases they migrated so far lack it, the
migration is written from the snapshot's schema with every statement
skipping what exists (ADD COLUMN IF NOT EXISTS...: PostgreSQL, MariaDB;
SQLite: --format go, which checks pragma_table_info), and proved on both
schemas; where it cannot (MySQL, SQLite's SQL files, a foreign key),
nothing is written and the error says why.

Exit codes: 0 files written, or "no changes"; 1 nothing could be written
that runs (every change destructive without --allow-destructive, needing
a hand-written step, or a change of migrations built from today's models
that cannot skip what exists); 2 usage error or could not generate.`),
		FlagSet: fs,
		Exec:    m.exec,
	}
}

func (m *migrateNewCommand) exec(ctx context.Context, args []string) (err error) {
	defer func() { err = m.tidy(recover(), err) }()
	// Flags after the name too, as lint takes them after its patterns.
	args, err = cli.Interleaved(m.fsets[0], args)
	if errors.Is(err, flag.ErrHelp) {
		return err
	}
	if err != nil {
		return cli.UsageErr("%v", err)
	}
	if len(args) != 1 {
		return cli.UsageErr("migrate new takes one argument, the migration's name (got %d)", len(args))
	}
	name := args[0]
	if !migrationName.MatchString(name) {
		return cli.UsageErr("migration name %q: want lower-case letters, digits and _ only", name)
	}
	m.set = map[string]bool{}
	m.fsets[0].Visit(func(f *flag.Flag) { m.set[f.Name] = true })
	if err := m.applyConfig(); err != nil {
		return err
	}
	if m.timeout <= 0 {
		return cli.UsageErr("--timeout must be positive")
	}
	if len(m.migrations) == 0 {
		return cli.UsageErr("migrate new needs --migrations PATTERN (or drift: migrations: in .schemalint.yml): the package registering the Bun migrations")
	}
	var renames []drift.Rename
	for _, s := range m.renames {
		r, err := drift.ParseRename(s)
		if err != nil {
			return cli.UsageErr("%v", err)
		}
		renames = append(renames, r)
	}
	configured, err := m.configuredDialects()
	if err != nil {
		return err
	}
	if len(configured) > 1 {
		return m.severalDialects(configured)
	}
	cwd, err := os.Getwd()
	if err != nil {
		return err
	}
	removeGoTmp, err := privateGoTmp()
	if err != nil {
		return err
	}
	defer removeGoTmp()
	dir, err := packageDir(ctx, cwd, m.migrations)
	if err != nil {
		return err
	}
	goPkg, err := m.goTarget(dir, name)
	if err != nil {
		return err
	}
	d, cleanup, err := m.scratchDB(ctx, m.devURL != "" || m.devURLEnv != "")
	if err != nil {
		return err
	}
	defer cleanup()
	if len(configured) == 1 && configured[0] != d.Dialect {
		return cli.UsageErr("the configuration's dialect is %s but the scratch database is %s: give --dev-url an empty %s database", configured[0], d.Dialect, configured[0])
	}
	if _, err := load.Migrate(ctx, m.loadConfig(cwd), d.Dialect, d.DriverDSN()); err != nil {
		return fmt.Errorf("migrations %s: %w", strings.Join(m.migrations, " "), err)
	}
	desired, err := m.desired(ctx, cwd, d.Dialect)
	if err != nil {
		return err
	}
	// The committed snapshot tells what the models made: what they no
	// longer make is dropped. Without one, no removal is known.
	snapPath, snapRel := snapshotPath(cwd, dir, d.Dialect)
	snap, err := readSnapshot(snapPath, snapRel, d.Dialect)
	if err != nil {
		return err
	}
	if snap != nil {
		desired.modelled = &snap.Models
	}
	db, err := connect(ctx, d, m.timeout)
	if err != nil {
		return err
	}
	defer func() { _ = db.Close() }()
	before, err := m.inspect(ctx, db, d)
	if err != nil {
		return err
	}
	for _, r := range renames {
		if err := r.Check(before); err != nil {
			return cli.UsageErr("%v", err)
		}
		if _, err := db.SQL().ExecContext(ctx, r.SQL(d.Dialect)); err != nil {
			return fmt.Errorf("rename %s.%s on the scratch database: %w", r.Table, r.From, err)
		}
	}
	// Inspected again: the down plans back to it, and Atlas's differ
	// changes what it is given.
	renamed, err := m.inspect(ctx, db, d)
	if err != nil {
		return err
	}
	res, err := m.check(ctx, db, d, desired)
	if err != nil {
		return err
	}
	// The up starts with the renames: undone here, it then runs whole on
	// the scratch database.
	for _, r := range slices.Backward(renames) {
		if _, err := db.SQL().ExecContext(ctx, r.Reverse().SQL(d.Dialect)); err != nil {
			return fmt.Errorf("rename %s.%s back on the scratch database: %w", r.Table, r.To, err)
		}
	}
	if m.verbose {
		for _, n := range res.Notes {
			fmt.Fprintf(m.stderr, "schemalint: note: %s\n", m.redact(n))
		}
	}
	up := drift.NewUp(res, renames, m.allowDestructive)
	var built *modelBuilt
	if up.Changes == 0 {
		if built, err = m.builtFromModels(ctx, db, d, desired, snap, snapRel); err != nil {
			return err
		}
		if built == nil {
			fmt.Fprintln(m.stdout, "no changes: the models match the schema the migrations produce")
			return nil
		}
		if len(renames) > 0 {
			return cli.UsageErr("--rename: %s", built.refusal("a rename cannot skip what exists"))
		}
		up = built.up
	}
	for _, line := range up.Destructive {
		verb := "commented out (--allow-destructive keeps it)"
		if m.allowDestructive {
			verb = "kept (--allow-destructive)"
		}
		fmt.Fprintf(m.stderr, "schemalint: destructive, %s: %s\n", verb, line)
	}
	for _, line := range up.Manual {
		fmt.Fprintf(m.stderr, "schemalint: to write by hand: %s\n", line)
	}
	if !up.File.Runs {
		return &cli.ExitError{Code: cli.ExitFindings, Err: errors.New("no migration written: nothing in it would run (see above)")}
	}
	var down *drift.MigrationFile
	if built != nil {
		if up.File, down, err = m.verifyGuarded(ctx, db, d, desired, built); err != nil {
			return err
		}
	} else if down, err = m.verifyPlain(ctx, db, d, res, up.File, before, renamed, renames); err != nil {
		return err
	}
	stamp := m.now().UTC().Format("20060102150405")
	if clash, _ := filepath.Glob(filepath.Join(dir, stamp+"_*")); len(clash) > 0 {
		return fmt.Errorf("%s already holds a migration %s: Bun needs one per timestamp, run again in a second", dir, stamp)
	}
	if goPkg != nil {
		path, err := writeGoFile(ctx, dir, goPkg, stamp+"_"+name, d.Dialect, up.File, *down, built != nil)
		if err != nil {
			return err
		}
		fmt.Fprintln(m.stdout, relPath(cwd, path))
		return m.refreshSnapshot(ctx, d.Dialect, snap != nil, db, cleanup)
	}
	upPath := filepath.Join(dir, stamp+"_"+name+up.File.Suffix("up"))
	downPath := filepath.Join(dir, stamp+"_"+name+down.Suffix("down"))
	if err := writeNew(upPath, up.File.Body); err != nil {
		return err
	}
	if err := writeNew(downPath, down.Body); err != nil {
		_ = os.Remove(upPath)
		return err
	}
	fmt.Fprintln(m.stdout, relPath(cwd, upPath))
	fmt.Fprintln(m.stdout, relPath(cwd, downPath))
	if !callsDiscover(dir) {
		fmt.Fprintf(m.stderr, "schemalint: note: no Go file in %s calls Discover: Bun runs the SQL files once the package embeds them (//go:embed *.sql) and calls Migrations.Discover\n", relPath(cwd, dir))
		return nil
	}
	return m.refreshSnapshot(ctx, d.Dialect, snap != nil, db, cleanup)
}

// refreshSnapshot refreshes the committed snapshot of dialect (when
// there is one), so that the pull request carries the migration and the
// snapshot together and drift migrations passes. The scratch database is
// emptied first: the snapshot's run migrates it again, with the new files.
func (m *migrateNewCommand) refreshSnapshot(ctx context.Context, dialect string, committed bool, db dbCloser, cleanup func()) error {
	if !committed {
		return nil // no snapshot to refresh
	}
	_ = db.Close()
	cleanup()
	if err := m.writeSnapshots(ctx, nil, []string{dialect}); err != nil {
		return fmt.Errorf("the migration is written, but refreshing %s failed (run schemalint migrate snapshot): %w", snapshot.FileName(dialect), err)
	}
	return nil
}

// callsDiscover reports whether a Go file of dir mentions Discover (or
// DiscoverCaller), which registers the SQL files; a look at the text,
// enough for a note.
func callsDiscover(dir string) bool {
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	for _, f := range files {
		if b, err := os.ReadFile(f); err == nil && bytes.Contains(b, []byte(".Discover")) {
			return true
		}
	}
	return false
}

// configuredDialects returns the dialects the configuration names; none
// when it names none (the scratch database's then).
func (m *migrateNewCommand) configuredDialects() ([]string, error) {
	path := m.configFile
	if path == "" {
		found, err := config.Find(".")
		if err != nil || found == "" {
			return nil, err
		}
		path = found
	}
	cfg, err := config.Load(path)
	if err != nil {
		return nil, &cli.ExitError{Code: cli.ExitFailure, Err: err}
	}
	return cfg.Dialect, nil
}

func (m *migrateNewCommand) inspect(ctx context.Context, db dbCloser, d dsn.DSN) (*schema.Schema, error) {
	ictx, cancel := context.WithTimeout(ctx, m.timeout)
	defer cancel()
	s, err := live.Inspect(ictx, db.SQL(), d.Dialect, live.Options{Schema: m.schema})
	if err != nil {
		return nil, inspectErr(d, m.schema, m.timeout, err)
	}
	return s, nil
}

// applyFile runs a generated file as Bun's migrator does: its parts in
// order on one connection, in a transaction for a .tx. file.
func applyFile(ctx context.Context, db dbCloser, f drift.MigrationFile) error {
	return applyFileWith(ctx, db, f, nil)
}

// execer runs statements on one connection or transaction.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// applyFileWith is applyFile skipping the statements skip says to.
func applyFileWith(ctx context.Context, db dbCloser, f drift.MigrationFile, skip func(context.Context, execer, string) (bool, error)) error {
	parts, err := drift.SplitBunSQL(f.Body)
	if err != nil {
		return err
	}
	conn, err := db.SQL().Conn(ctx)
	if err != nil {
		return err
	}
	defer func() { _ = conn.Close() }()
	run := func(e execer) error {
		for _, q := range parts {
			if skip != nil {
				if s, err := skip(ctx, e, q); err != nil || s {
					if err != nil {
						return fmt.Errorf("%s: %w", oneLine(q), err)
					}
					continue
				}
			}
			if _, err := e.ExecContext(ctx, q); err != nil {
				return fmt.Errorf("%s: %w", oneLine(q), err)
			}
		}
		return nil
	}
	if !f.Tx {
		return run(conn)
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := run(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// sqliteHasColumn skips a SQLite ADD COLUMN whose column exists.
func sqliteHasColumn(ctx context.Context, e execer, q string) (bool, error) {
	table, column, ok := drift.SQLiteAddedColumn(q)
	if !ok {
		return false, nil
	}
	var n int
	err := e.QueryRowContext(ctx, drift.SQLiteColumnExists, table, column).Scan(&n)
	return n > 0, err
}

// packageDir is the directory of the one package patterns name.
func packageDir(ctx context.Context, cwd string, patterns []string) (string, error) {
	cmd := exec.CommandContext(ctx, "go", append([]string{"list", "-f", "{{.Dir}}", "--"}, patterns...)...)
	cmd.Dir = cwd
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go list %s: %w: %s", strings.Join(patterns, " "), err, strings.TrimSpace(stderr.String()))
	}
	dirs := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(dirs) != 1 {
		return "", cli.UsageErr("--migrations %s names %d packages: migrate new writes to the directory of one", strings.Join(patterns, " "), len(dirs))
	}
	return dirs[0], nil
}

// writeNew writes a file that must not exist yet.
func writeNew(path, body string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644) //nolint:gosec // a migration file of the user's module, read by their build and review like the others
	if err != nil {
		return err
	}
	if _, err := f.WriteString(body); err != nil {
		_ = f.Close()
		return err
	}
	return f.Close()
}

// relPath is path relative to cwd when it is below it.
func relPath(cwd, path string) string {
	if rel, err := filepath.Rel(cwd, path); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return path
}

// verifyPlain runs the up on the scratch database (migrated to today's
// state), names the possible renames, and plans the down back to renamed
// (the state before the up, renames applied), running it too.
func (m *migrateNewCommand) verifyPlain(ctx context.Context, db dbCloser, d dsn.DSN, res *drift.Result, up drift.MigrationFile,
	before, renamed *schema.Schema, renames []drift.Rename) (*drift.MigrationFile, error) {
	if err := applyFile(ctx, db, up); err != nil {
		return nil, fmt.Errorf("the generated up migration fails on the scratch %s database, so it was not written: %w", d.Dialect, err)
	}
	after, err := m.inspect(ctx, db, d)
	if err != nil {
		return nil, err
	}
	for _, r := range drift.RenameCandidates(res, before, after) {
		fmt.Fprintf(m.stderr, "schemalint: possible rename: %s.%s dropped and %s.%s added, same type; if it is one column renamed, run again with --rename %s.%s=%s\n",
			r.Table, r.From, r.Table, r.To, r.Table, r.From, r.To)
	}
	down, err := drift.NewDown(d.Dialect, after, renamed, renames, m.exclude)
	if err != nil {
		return nil, err
	}
	if err := applyFile(ctx, db, *down); err != nil {
		return nil, fmt.Errorf("the generated down migration fails on the scratch %s database, so nothing was written: %w", d.Dialect, err)
	}
	return down, nil
}

// modelBuilt is a model change that migrations building tables from
// today's models (NewCreateTable().Model) already make on a fresh
// database, while the databases they migrated so far, whose schema the
// committed snapshot holds, lack it.
type modelBuilt struct {
	up          *drift.UpMigration // from the snapshot's schema to the models'
	then, fresh *schema.Schema     // the snapshot's schema; what the migrations produce now
	rel         string             // the snapshot, relative
	difference  string             // the first difference of the two, in words
	command     string             // migrate snapshot, as the user runs it
}

// refusal is the error of a model-built change no migration is written
// for, saying why.
func (b *modelBuilt) refusal(why string) error {
	return &cli.ExitError{Code: cli.ExitFindings, Err: fmt.Errorf("no migration written: the migrations already produce the models' schema on a fresh database, "+
		"because they build tables from today's models (NewCreateTable().Model), but %s, the schema of the databases they migrated so far, differs (first difference: %s). "+
		"A migration making the change must skip what exists, or it fails on a fresh database where the earlier migration already makes it, and %s. "+
		"Write one by hand (PostgreSQL and MariaDB: ADD COLUMN IF NOT EXISTS, CREATE INDEX IF NOT EXISTS; SQLite: check pragma_table_info in a Go migration), "+
		"or make the earlier migrations create their tables without the models (SQL, or a copy of the model as it was); then run %s",
		b.rel, b.difference, why, b.command)}
}

// builtFromModels tells a model-built change apart from "no changes":
// with the snapshot's migrations, the migrations now produce another
// schema than the snapshot's. It returns nil when there is none (or no
// snapshot), and otherwise the up from the snapshot's schema to the
// models', printing on standard error what the databases migrated so far
// lack.
func (m *migrateNewCommand) builtFromModels(ctx context.Context, db dbCloser, d dsn.DSN, desired *desiredSide, file *snapshot.File, rel string) (*modelBuilt, error) {
	if file == nil {
		return nil, nil
	}
	now, err := m.readMigrated(ctx, db, d)
	if err != nil || !slices.Equal(now.migrations, file.Migrations) {
		return nil, err
	}
	sb, err := m.behindSnapshot(d, desired, now, file, rel)
	if err != nil || sb == nil {
		return nil, err
	}
	behind := sb.res
	b := &modelBuilt{then: sb.snap.Schema, fresh: now.schema, rel: rel, difference: firstDifference(sb.then, sb.now), command: m.snapshotCommand()}
	b.up = drift.NewUp(behind, nil, m.allowDestructive)
	if b.up.Changes == 0 {
		var lacks bytes.Buffer
		if err := drift.WriteSQL(&lacks, behind); err != nil {
			return nil, err
		}
		fmt.Fprintf(m.stderr, "schemalint: what the databases migrated so far (%s) lack:\n%s", rel, m.redact(lacks.String()))
		return nil, b.refusal("there is nothing to write")
	}
	return b, nil
}

// verifyGuarded makes the up of a model-built change skip what exists
// (drift.GuardedUp) and proves it on the scratch database, which the
// migrations left in the fresh state: the up changes nothing there; taken
// to the snapshot's schema (the databases migrated so far), the up brings
// it to the fresh state, and the down, planned from there, back to the
// snapshot's.
func (m *migrateNewCommand) verifyGuarded(ctx context.Context, db dbCloser, d dsn.DSN, desired *desiredSide, b *modelBuilt) (drift.MigrationFile, *drift.MigrationFile, error) {
	mariaDB := false
	if d.Dialect == dsn.MySQL {
		var version string
		if err := db.SQL().QueryRowContext(ctx, "SELECT VERSION()").Scan(&version); err != nil {
			return drift.MigrationFile{}, nil, err
		}
		mariaDB = strings.Contains(strings.ToLower(version), "mariadb")
	}
	goForm := m.format == formatGo
	up, err := drift.GuardedUp(d.Dialect, mariaDB, goForm, b.up.File)
	if err != nil {
		var lacks strings.Builder
		lacks.WriteString(b.up.File.Body)
		fmt.Fprintf(m.stderr, "schemalint: what the databases migrated so far (%s) lack:\n%s", b.rel, m.redact(lacks.String()))
		return up, nil, b.refusal(strings.TrimPrefix(err.Error(), "drift: "))
	}
	// The scratch database after each step, judged as drift judges:
	// the models' schema is reached when nothing is reported that the
	// fresh schema does not show too (a SQLite rebuild, say, turns a
	// UNIQUE constraint's autoindex into a named index: the same to Bun);
	// the snapshot's is back when Atlas sees nothing to change.
	findings := func() (map[string]string, error) {
		got, err := m.inspect(ctx, db, d)
		if err != nil {
			return nil, err
		}
		res, err := m.compare(d, desired, got)
		if err != nil {
			return nil, err
		}
		out := map[string]string{}
		for i := range res.Findings {
			out[res.Findings[i].Kind.ID()+" "+res.Findings[i].Object] = res.Findings[i].Message
		}
		return out, nil
	}
	baseline, err := findings()
	if err != nil {
		return up, nil, err
	}
	wrong := func(step string) error {
		now, err := findings()
		if err != nil {
			return err
		}
		for key, msg := range now {
			if _, ok := baseline[key]; !ok {
				return fmt.Errorf("the generated migration does not do what it should on the scratch %s database, so nothing was written: %s (%s)", d.Dialect, step, msg)
			}
		}
		return nil
	}
	fail := func(what string, err error) (drift.MigrationFile, *drift.MigrationFile, error) {
		return up, nil, fmt.Errorf("the generated migration fails on the scratch %s database %s, so nothing was written: %w", d.Dialect, what, err)
	}
	// The Go form's check of SQLite's ADD COLUMN, as the generated code
	// makes it.
	applyUp := func() error {
		if d.Dialect == dsn.SQLite && goForm {
			return applyFileWith(ctx, db, up, sqliteHasColumn)
		}
		return applyFile(ctx, db, up)
	}
	if err := applyUp(); err != nil {
		return fail("where the migrations made the change already", err)
	}
	if err := wrong("on a database the migrations made afresh"); err != nil {
		return up, nil, err
	}
	toThen, err := drift.NewDown(d.Dialect, b.fresh, b.then, nil, m.exclude)
	if err != nil {
		return up, nil, err
	}
	if err := applyFile(ctx, db, *toThen); err != nil {
		return fail("(bringing it to the snapshot's schema)", err)
	}
	if err := applyUp(); err != nil {
		return fail("in the snapshot's schema", err)
	}
	if err := wrong("from the snapshot's schema, it does not reach the models'"); err != nil {
		return up, nil, err
	}
	down := toThen // the models' schema back to the snapshot's
	if err := applyFile(ctx, db, *down); err != nil {
		return fail("(its down)", err)
	}
	got, err := m.inspect(ctx, db, d)
	if err != nil {
		return up, nil, err
	}
	back, err := drift.NewDown(d.Dialect, got, b.then, nil, m.exclude)
	if err != nil {
		return up, nil, err
	}
	if back.Runs {
		return up, nil, fmt.Errorf("the generated down migration does not bring the snapshot's schema back on the scratch %s database, so nothing was written: still to do:\n%s", d.Dialect, back.Body)
	}
	fmt.Fprintf(m.stderr, "schemalint: the migrations build tables from today's models, so the migration skips what exists: "+
		"it brings the databases migrated so far (%s) to the models' schema and, on a fresh database, changes nothing the models see\n", b.rel)
	return up, down, nil
}
