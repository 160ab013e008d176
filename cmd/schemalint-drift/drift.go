package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"ariga.io/atlas/sql/schema"
	"github.com/fatih/color"
	"github.com/peterbourgon/ff/v3/ffcli"

	"github.com/schemalint/schemalint/analyzers/config"
	"github.com/schemalint/schemalint/drift"
	"github.com/schemalint/schemalint/drift/live"
	"github.com/schemalint/schemalint/drift/load"
	"github.com/schemalint/schemalint/drift/snapshot"
	"github.com/schemalint/schemalint/internal/cli"
	"github.com/schemalint/schemalint/internal/dsn"
	"github.com/schemalint/schemalint/internal/report"
)

// driftFormats are the output formats of drift: lint's, and the repair
// script.
var driftFormats = append(append([]string(nil), report.Formats...), "sql")

// driftCommand is schemalint drift and schemalint drift migrations.
type driftCommand struct {
	stdout, stderr io.Writer
	noteMu         sync.Mutex
	buildingOnce   sync.Once

	dsn, dsnEnv         string
	devURL, devURLEnv   string
	mode                string
	models, migrations  cli.StringList
	schema              string
	exclude             cli.StringList
	relationFKs         bool
	format              string
	failOn              string
	issuesExitCode      int
	timeout             time.Duration
	baseline, baseWrite string
	configFile          string
	noColor, verbose    bool
	quiet               bool

	// fsets are the flag sets of drift and drift migrations; set records
	// the flags given on the command line, which win over the
	// configuration file.
	fsets []*flag.FlagSet
	set   map[string]bool
	// secrets are the passwords of the URLs in use: whatever is printed
	// goes through redact first.
	secrets []string
	// stale, set by drift migrations, fails the run after the report:
	// the schema snapshot was not written again after a migration.
	stale error
	// dialects are the .schemalint.yml's (dialect:), for migrate snapshot.
	dialects []string
}

func newDriftCommand(stdout, stderr io.Writer) *ffcli.Command {
	c := &driftCommand{stdout: stdout, stderr: stderr}
	migrations := &ffcli.Command{
		Name:       "migrations",
		ShortUsage: "schemalint drift migrations --models PATTERN --migrations PATTERN [--dev-url URL] [flags]",
		ShortHelp:  "check that no model changed without a migration (same as drift --mode migrations)",
		LongHelp: strings.TrimSpace(`
Apply the migrations to a scratch database and compare it with the models,
as drift compares a live database: exit 1 when a model changed without a
migration. The scratch database is a private SQLite file, deleted
afterwards, unless --dev-url (or --dev-url-env) names an empty PostgreSQL
or MySQL database to migrate instead (refused when it holds any table,
view, or on PostgreSQL type, function or sequence; what the migrations
created is dropped afterwards). This is what CI runs on every
pull request. It runs the migrations' Go code.`),
		FlagSet: c.flags("drift migrations"),
		Exec: func(ctx context.Context, args []string) error {
			return c.run(ctx, "migrations", args)
		},
	}
	return &ffcli.Command{
		Name:       "drift",
		ShortUsage: "schemalint drift (--dsn URL | --dsn-env VAR) [--models PATTERN]... [--migrations PATTERN]... [flags]",
		ShortHelp:  "compare the models with a live database, read-only",
		LongHelp: strings.TrimSpace(`
Compare the schema Bun derives from the models (plus the indexes and
foreign keys the migrations declare) with a live PostgreSQL, MySQL/MariaDB
or SQLite database, and report every difference with the SQL that would
repair it (printed, never executed). Nothing is written to the database:
it is read in a read-only transaction (SQLite: opened read-only).

  postgres://user:password@host:5432/db?sslmode=disable
  mysql://user:password@host:3306/db
  sqlite://path/to/file.db   sqlite:///absolute/path.db

Settings default to the drift: section of the nearest .schemalint.yml.
Finding IDs: DR001-DR015 (see the README).

Exit codes: 0 nothing at or above --fail-on, 1 drift (--issues-exit-code
changes it: 0 for "schemalint drift --format sql --issues-exit-code 0 >
fix.sql"), 2 could not check (the reason on one line).`),
		FlagSet:     c.flags("drift"),
		Subcommands: []*ffcli.Command{migrations},
		Exec: func(ctx context.Context, args []string) error {
			return c.run(ctx, "", args)
		},
	}
}

// flags returns a flag set bound to c (the command and its subcommand
// share the settings).
func (c *driftCommand) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	c.fsets = append(c.fsets, fs)
	// drift migrations reads no live database: it has no --dsn or --mode.
	if name != "drift migrations" {
		fs.StringVar(&c.dsn, "dsn", "", "database URL (postgres://, mysql://, sqlite://); prefer --dsn-env, which keeps it out of shell history")
		fs.StringVar(&c.dsnEnv, "dsn-env", "", "name of the environment variable holding the database URL")
		fs.StringVar(&c.mode, "mode", "live", "live: compare with --dsn; migrations: apply the migrations to a scratch database and compare that")
	}
	fs.StringVar(&c.devURL, "dev-url", "", "migrations mode: an empty PostgreSQL or MySQL database to migrate instead of a scratch SQLite file")
	fs.StringVar(&c.devURLEnv, "dev-url-env", "", "migrations mode: name of the environment variable holding --dev-url")
	fs.Var(&c.models, "models", "package pattern of the models (repeatable; default ./...)")
	fs.Var(&c.migrations, "migrations", "package pattern of the package registering the Bun migrations (repeatable)")
	fs.StringVar(&c.schema, "schema", "", "schema (MySQL: database) to compare; default the connection's")
	fs.Var(&c.exclude, "exclude", "table-name glob to leave out on both sides (repeatable)")
	fs.BoolVar(&c.relationFKs, "relation-fks", false, "also expect a foreign key for every belongs-to and has-one relation")
	fs.StringVar(&c.format, "format", "text", "output format: "+strings.Join(driftFormats, ", "))
	fs.StringVar(&c.failOn, "fail-on", "warning", "exit 1 when a finding is at least this severe: error, warning, info")
	fs.IntVar(&c.issuesExitCode, "issues-exit-code", cli.ExitFindings, "exit code when a finding is at least --fail-on severe (0 to get a repair script with --format sql and exit 0)")
	fs.DurationVar(&c.timeout, "timeout", 30*time.Second, "bound on connecting to the database, on reading it, and on each run of the program reading the models or running the migrations")
	fs.StringVar(&c.baseline, "baseline", "", "report only findings not recorded in this baseline file")
	fs.StringVar(&c.baseWrite, "baseline-write", "", "record today's findings in this baseline file and exit 0")
	fs.StringVar(&c.configFile, "config", "", "configuration file (default: the nearest .schemalint.yml)")
	fs.BoolVar(&c.noColor, "no-color", false, "never colour text output (NO_COLOR does the same)")
	fs.BoolVar(&c.verbose, "v", false, "print notes (models left out, migrations not followed) and timings to standard error")
	fs.BoolVar(&c.quiet, "quiet", false, "no progress lines on standard error (printed only to a terminal, for steps slower than a second)")
	return fs
}

// run runs drift in mode ("" for --mode's); every error it returns is one
// line, redacted.
func (c *driftCommand) run(ctx context.Context, mode string, args []string) (err error) {
	defer func() { err = c.tidy(recover(), err) }()
	if len(args) > 0 {
		return cli.UsageErr("drift takes no arguments (got %q): name packages with --models and --migrations", args[0])
	}
	c.recordSet()
	if mode != "" {
		if c.set["mode"] && c.mode != mode {
			return cli.UsageErr("drift %s: --mode %s contradicts the command", mode, c.mode)
		}
		c.mode = mode
	}
	if err := c.applyConfig(); err != nil {
		return err
	}
	failOn, err := config.ParseSeverity(c.failOn)
	if err != nil {
		return cli.UsageErr("--fail-on: %v", err)
	}
	if !slices.Contains(driftFormats, c.format) {
		return cli.UsageErr("--format %q: want %s", c.format, strings.Join(driftFormats, ", "))
	}
	if c.issuesExitCode < 0 || c.issuesExitCode > 125 || c.issuesExitCode == cli.ExitFailure {
		// 2 means could not check; above 125 the shell's own codes.
		return cli.UsageErr("--issues-exit-code %d: want 0-125, not %d (could not check)", c.issuesExitCode, cli.ExitFailure)
	}
	cwd, removeGoTmp, err := c.prepare()
	if err != nil {
		return err
	}
	defer removeGoTmp()
	var res *drift.Result
	switch c.mode {
	case "live":
		res, err = c.live(ctx, cwd)
	case "migrations":
		res, err = c.migrationsMode(ctx, cwd)
	default:
		return cli.UsageErr("--mode %q: want live or migrations", c.mode)
	}
	if err != nil {
		return err
	}
	err = c.report(res, failOn)
	if c.stale != nil && c.baseWrite == "" && (err == nil || errors.Is(err, cli.ErrFindings)) {
		err = c.stale
	}
	// Notes explain drift (a migration the extraction could not follow
	// may be why an index looks missing): shown when the run fails, and
	// with -v; a clean nightly run stays silent.
	if c.verbose || errors.Is(err, cli.ErrFindings) {
		for _, n := range res.Notes {
			fmt.Fprintf(c.stderr, "schemalint: note: %s\n", c.redact(n))
		}
	}
	if errors.Is(err, cli.ErrFindings) && c.issuesExitCode != cli.ExitFindings {
		if c.issuesExitCode == 0 {
			return nil
		}
		return &cli.ExitError{Code: c.issuesExitCode, Err: fmt.Errorf("drift at or above --fail-on %s", c.failOn)}
	}
	return err
}

// prepare checks --timeout and returns the working directory and the
// function removing the private GOTMPDIR the go command builds in.
func (c *driftCommand) prepare() (cwd string, cleanup func(), err error) {
	if c.timeout <= 0 {
		return "", nil, cli.UsageErr("--timeout must be positive")
	}
	if cwd, err = os.Getwd(); err != nil {
		return "", nil, err
	}
	cleanup, err = privateGoTmp()
	return cwd, cleanup, err
}

// recordSet records the flags given on the command line.
func (c *driftCommand) recordSet() {
	c.set = map[string]bool{}
	for _, fs := range c.fsets {
		fs.Visit(func(f *flag.Flag) { c.set[f.Name] = true })
	}
}

// tidy makes the error of a run one redacted line, keeping its exit code;
// a panic (r) becomes an internal error.
func (c *driftCommand) tidy(r any, err error) error {
	if r != nil {
		err = fmt.Errorf("internal error: %v", r)
	}
	if err == nil || errors.Is(err, cli.ErrFindings) || errors.Is(err, flag.ErrHelp) {
		return err
	}
	code := cli.ExitFailure
	if ee, ok := errors.AsType[*cli.ExitError](err); ok {
		code, err = ee.Code, ee.Err
	}
	return &cli.ExitError{Code: code, Err: errors.New(c.redact(oneLine(err.Error())))}
}

// applyConfig fills the flags not given from the drift: section of the
// configuration.
func (c *driftCommand) applyConfig() error {
	path := c.configFile
	if path == "" {
		found, err := config.Find(".")
		if err != nil {
			return err
		}
		path = found
	}
	if path == "" {
		return nil
	}
	cfg, err := config.Load(path)
	if err != nil {
		return &cli.ExitError{Code: cli.ExitFailure, Err: err}
	}
	c.dialects = cfg.Dialect
	d := cfg.Drift
	str := func(flag string, dst *string, v string) {
		if !c.set[flag] && v != "" {
			*dst = v
		}
	}
	list := func(flag string, dst *cli.StringList, v []string) {
		if !c.set[flag] && len(v) > 0 {
			*dst = v
		}
	}
	list("models", &c.models, d.Models)
	list("migrations", &c.migrations, d.Migrations)
	list("exclude", &c.exclude, d.Exclude)
	str("schema", &c.schema, d.Schema)
	str("dsn-env", &c.dsnEnv, d.DSNEnv)
	str("dev-url-env", &c.devURLEnv, d.DevURLEnv)
	str("fail-on", &c.failOn, string(d.FailOn))
	if !c.set["baseline"] && d.Baseline != "" {
		cwd, err := os.Getwd()
		if err != nil {
			return err
		}
		c.baseline = cli.FromConfig(path, d.Baseline, cwd)
	}
	if !c.set["timeout"] && d.Timeout > 0 {
		c.timeout = time.Duration(d.Timeout)
	}
	if !c.set["relation-fks"] && d.RelationFKs {
		c.relationFKs = true
	}
	return nil
}

// url returns the URL given directly or through an environment variable,
// and records its password as a secret.
func (c *driftCommand) url(flagName, direct, envName string) (dsn.DSN, error) {
	raw := direct
	switch {
	case direct != "" && envName != "" && c.set[flagName] && c.set[flagName+"-env"]:
		return dsn.DSN{}, cli.UsageErr("give --%s or --%s-env, not both", flagName, flagName)
	case direct == "" && envName != "":
		raw = os.Getenv(envName)
		if strings.TrimSpace(raw) == "" {
			return dsn.DSN{}, cli.UsageErr("environment variable %s (--%s-env) is empty or unset", envName, flagName)
		}
	case direct == "":
		return dsn.DSN{}, cli.UsageErr("no database: give --%s URL or --%s-env VARIABLE", flagName, flagName)
	}
	c.addSecret(raw)
	d, err := dsn.Parse(raw)
	if err != nil {
		return dsn.DSN{}, &cli.ExitError{Code: cli.ExitFailure, Err: fmt.Errorf("--%s: %w", flagName, err)}
	}
	return d, nil
}

func (c *driftCommand) loadConfig(cwd string) load.Config {
	return load.Config{Dir: cwd, Models: c.models, Migrations: c.migrations, Timeout: c.timeout, Note: c.note, Building: c.building, Step: c.slowStep}
}

// building says, once per run and only to a terminal, why a cold run
// waits: the helper program takes seconds to minutes to build on a large
// module. Scripts and CI logs (stderr not a terminal) stay quiet.
func (c *driftCommand) building() {
	c.buildingOnce.Do(func() {
		if !c.quiet && isTerminal(c.stderr) {
			c.noteMu.Lock()
			defer c.noteMu.Unlock()
			fmt.Fprintln(c.stderr, "schemalint: building a helper from your models (first run only)...")
		}
	})
}

// isTerminal reports whether w is a terminal (a character device).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// note prints one line to standard error at once, whatever -v says (a
// rebuilt cache entry: the reason a run was slow). Models and migrations
// load concurrently, hence the lock.
func (c *driftCommand) note(msg string) {
	c.noteMu.Lock()
	defer c.noteMu.Unlock()
	fmt.Fprintf(c.stderr, "schemalint: note: %s\n", c.redact(msg))
}

// verbosef prints a line of -v's timings; the models and the database
// are read concurrently, hence the lock.
func (c *driftCommand) verbosef(format string, args ...any) {
	c.noteMu.Lock()
	defer c.noteMu.Unlock()
	fmt.Fprintf(c.stderr, "schemalint: "+format+"\n", args...)
}

func (c *driftCommand) options() drift.Options {
	return drift.Options{Schema: c.schema, RelationFKs: c.relationFKs, Exclude: c.exclude}
}

// live compares the models with the database --dsn names.
func (c *driftCommand) live(ctx context.Context, cwd string) (*drift.Result, error) {
	if c.set["dev-url"] || c.set["dev-url-env"] {
		return nil, cli.UsageErr("--dev-url is for --mode migrations")
	}
	d, err := c.url("dsn", c.dsn, c.dsnEnv)
	if err != nil {
		return nil, err
	}
	db, err := connect(ctx, d.ReadOnly(), c.timeout)
	if err != nil {
		return nil, err
	}
	defer func() { _ = db.Close() }()
	// The database is read while the models load: one waits for the
	// server, the other for the go command and the program it runs.
	ictx, cancel := context.WithCancel(ctx)
	defer cancel()
	type inspected struct {
		s   *schema.Schema
		err error
	}
	got := make(chan inspected, 1)
	go func() {
		s, err := c.inspect(ictx, db, d)
		got <- inspected{s, err}
	}()
	desired, err := c.desired(ctx, cwd, d.Dialect)
	if err != nil {
		cancel()
		<-got // done with db before it closes
		return nil, err
	}
	in := <-got
	if in.err != nil {
		return nil, in.err
	}
	return c.compare(d, desired, in.s)
}

// desiredSide is what the models and migrations want.
type desiredSide struct {
	models   *load.Reflection
	declared *drift.Declared
	// modelled, from the committed snapshot, is what the models made
	// when it was written (drift.Options.Modelled); nil without one.
	modelled *snapshot.Models
}

// desired loads the models and the migrations' declarations for
// dialect, both at once: each is mostly waiting for the go command and the
// program it runs.
func (c *driftCommand) desired(ctx context.Context, cwd, dialect string) (*desiredSide, error) {
	start := time.Now()
	d := load.Desired(ctx, c.loadConfig(cwd), dialect)
	if d.ModelsErr != nil {
		return nil, modelsErr(d.ModelsErr)
	}
	if d.DeclaredErr != nil {
		return nil, fmt.Errorf("migrations %s: %w", strings.Join(c.migrations, " "), d.DeclaredErr)
	}
	out := &desiredSide{models: d.Models, declared: d.Declared}
	m := d.Models
	if c.verbose {
		how := "cached program"
		if m.Built {
			how = fmt.Sprintf("built the program in %v", m.BuildTime.Round(time.Millisecond))
		}
		c.verbosef("models and migrations read in %v (%s)", time.Since(start).Round(time.Millisecond), how)
	}
	return out, nil
}

// modelsErr says that reading the models failed, and why.
func modelsErr(err error) error {
	if _, ok := errors.AsType[*load.CompileError](err); ok {
		return fmt.Errorf("models do not compile: %w", err)
	}
	return fmt.Errorf("models: %w", err)
}

// check inspects db and compares it with the desired side.
func (c *driftCommand) check(ctx context.Context, db dbCloser, d dsn.DSN, desired *desiredSide) (*drift.Result, error) {
	s, err := c.inspect(ctx, db, d)
	if err != nil {
		return nil, err
	}
	return c.compare(d, desired, s)
}

// inspect reads the schema drift compares (as drift.Check does).
func (c *driftCommand) inspect(ctx context.Context, db dbCloser, d dsn.DSN) (*schema.Schema, error) {
	if d.Dialect == dsn.SQLite && c.schema != "" && c.schema != "main" {
		return nil, fmt.Errorf("SQLite has one schema, main: --schema %q cannot be compared", c.schema)
	}
	ictx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	start := time.Now()
	end := c.slowStep("reading the database's schema")
	s, err := live.Inspect(ictx, db.SQL(), d.Dialect, live.Options{Schema: c.schema, Views: true})
	end()
	if err != nil {
		return nil, inspectErr(d, c.schema, c.timeout, err)
	}
	if c.verbose {
		c.verbosef("database read in %v", time.Since(start).Round(time.Millisecond))
	}
	return s, nil
}

// compare compares an inspected schema with the desired side.
func (c *driftCommand) compare(d dsn.DSN, desired *desiredSide, s *schema.Schema) (*drift.Result, error) {
	opts := c.options()
	opts.Declared = desired.declared
	opts.Sources = desired.models.Sources
	opts.Modelled = desired.modelled
	res, err := drift.Diff(d.Dialect, desired.models.View, s, opts)
	if err != nil {
		return nil, err
	}
	if c.verbose {
		for _, x := range desired.models.Excluded {
			fmt.Fprintf(c.stderr, "schemalint: %s\n", x)
		}
	}
	res.Notes = append(slices.Clone(desired.models.Notes), res.Notes...)
	return res, nil
}

// report writes the result and decides the exit code.
func (c *driftCommand) report(res *drift.Result, failOn config.Severity) error {
	rep := res.Report(cli.Version())
	if c.baseWrite != "" {
		return cli.WriteBaseline(c.stderr, c.baseWrite, rep)
	}
	if c.baseline != "" {
		sub := "drift"
		if c.mode == "migrations" && !c.set["mode"] {
			sub = "drift migrations"
		}
		rewrite := c.redact(cli.RewriteCommand(sub, c.fsets, c.baseline, nil))
		if err := cli.ApplyBaseline(c.stderr, c.baseline, rep, rewrite, c.verbose); err != nil {
			return &cli.ExitError{Code: cli.ExitFailure, Err: err}
		}
		res.Findings = keepReported(res.Findings, rep.Findings)
	}
	// The report is made of the catalogue and the models only, never of
	// connection settings, so it is not scrubbed: scrubbing would mangle
	// any word that happens to equal the password (the test servers' is
	// "schemalint"). Errors and notes, which may quote a driver, are.
	w := c.stdout
	if c.format == "sql" {
		if err := drift.WriteSQL(w, res); err != nil {
			return err
		}
	} else {
		useColor := c.format == "text" && !c.noColor && !color.NoColor && os.Getenv("NO_COLOR") == ""
		if err := report.Write(w, c.format, rep, useColor); err != nil {
			return err
		}
	}
	if rep.AtLeast(failOn) > 0 {
		return cli.ErrFindings
	}
	return nil
}

// keepReported keeps the findings whose report form survived the
// baseline, in order.
func keepReported(all []drift.Finding, kept []report.Finding) []drift.Finding {
	var out []drift.Finding
	i := 0
	for j := range all {
		if i < len(kept) && all[j].ReportFinding().Message == kept[i].Message && all[j].Object == kept[i].Object {
			out = append(out, all[j])
			i++
		}
	}
	return out
}

// addSecret records the passwords of a URL, in every form they might be
// printed.
func (c *driftCommand) addSecret(raw string) {
	c.secrets = append(c.secrets, dsn.Secrets(raw)...)
}

// redact replaces every secret, raw or URL-decoded, in s.
func (c *driftCommand) redact(s string) string {
	for _, pw := range c.secrets {
		s = strings.ReplaceAll(s, pw, "xxxxx")
		if dec, err := urlUnescape(pw); err == nil && dec != pw {
			s = strings.ReplaceAll(s, dec, "xxxxx")
		}
	}
	return s
}

// oneLine joins the lines of a message.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " ")), " ")
}
