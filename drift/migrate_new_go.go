package drift

import (
	"fmt"
	"go/ast"
	"go/build"
	"go/format"
	"go/parser"
	gotoken "go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/schemalint/schemalint/internal/dsn"
)

// This file writes the Go form of a migration (migrate new --format go):
// the statements of the SQL form, as string literals, in an init function
// registering them on the package's *migrate.Migrations variable, under a
// branch of the dialect they were planned and run for.

const bunMigrate = "github.com/uptrace/bun/migrate"

// MigrationsPackage is what migrate new --format go needs to know of the
// migrations package: its name, the variable to register on, and the
// names declared at package level (the new file's imports must not reuse
// them).
type MigrationsPackage struct {
	Name  string
	Var   string
	Taken map[string]bool
}

// FindMigrationsVar reads the Go files of dir (those the build would
// compile, tests left out) for the package-level variable initialised
// with migrate.NewMigrations(...), whatever the import's name. When want
// is given, it is the variable, which must be declared at package level.
func FindMigrationsVar(dir, want string) (*MigrationsPackage, error) {
	fset := gotoken.NewFileSet()
	names, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	p := &MigrationsPackage{Taken: map[string]bool{}}
	vars := map[string]bool{}
	var found []string
	for _, path := range names {
		base := filepath.Base(path)
		if strings.HasSuffix(base, "_test.go") {
			continue
		}
		if ok, err := build.Default.MatchFile(dir, base); err != nil || !ok {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		p.Name = f.Name.Name
		found = append(found, newMigrationsVars(f, p.Taken, vars)...)
	}
	if p.Name == "" {
		return nil, fmt.Errorf("%s holds no Go file: --format go writes into the package registering the migrations", dir)
	}
	slices.Sort(found)
	found = slices.Compact(found)
	switch {
	case want != "":
		if !vars[want] {
			return nil, fmt.Errorf("--migrations-var %s: package %s (%s) declares no package-level variable %s", want, p.Name, dir, want)
		}
		p.Var = want
	case len(found) == 1:
		p.Var = found[0]
	case len(found) == 0:
		return nil, fmt.Errorf("package %s (%s) has no package-level variable initialised with migrate.NewMigrations(): give --migrations-var NAME, the *migrate.Migrations variable the new file registers on", p.Name, dir)
	default:
		return nil, fmt.Errorf("package %s (%s) has %d variables initialised with migrate.NewMigrations() (%s): give --migrations-var with the one to register on", p.Name, dir, len(found), strings.Join(found, ", "))
	}
	return p, nil
}

// newMigrationsVars records f's package-level names in taken and its
// variables in vars, and returns the variables initialised with
// NewMigrations of Bun's migrate package, under the name f imports it by.
func newMigrationsVars(f *ast.File, taken, vars map[string]bool) []string {
	local := ""
	for _, imp := range f.Imports {
		if path, _ := strconv.Unquote(imp.Path.Value); path == bunMigrate {
			local = "migrate"
			if imp.Name != nil {
				local = imp.Name.Name
			}
		}
	}
	isNew := func(e ast.Expr) bool {
		call, ok := e.(*ast.CallExpr)
		if !ok {
			return false
		}
		switch fn := call.Fun.(type) {
		case *ast.SelectorExpr:
			x, ok := fn.X.(*ast.Ident)
			return ok && x.Name == local && fn.Sel.Name == "NewMigrations"
		case *ast.Ident:
			return local == "." && fn.Name == "NewMigrations"
		}
		return false
	}
	var out []string
	for _, decl := range f.Decls {
		switch d := decl.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil && d.Name.Name != "init" {
				taken[d.Name.Name] = true
			}
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				switch s := spec.(type) {
				case *ast.TypeSpec:
					taken[s.Name.Name] = true
				case *ast.ValueSpec:
					for i, n := range s.Names {
						taken[n.Name] = true
						if d.Tok != gotoken.VAR {
							continue
						}
						vars[n.Name] = true
						if len(s.Values) == len(s.Names) && local != "" && isNew(s.Values[i]) {
							out = append(out, n.Name)
						}
					}
				}
			}
		}
	}
	return out
}

// GoFileName is the file name of migration id (<timestamp>_<name>), or an
// error when the go command would compile it only for some systems or
// only in tests: a name ending _test, _linux, _amd64 and the like.
func GoFileName(id string) (string, error) {
	_, name, _ := strings.Cut(id, "_")
	if strings.HasSuffix(name, "_test") {
		return "", fmt.Errorf("migration name %q: a Go file named *_test.go is compiled only in tests; choose another name", name)
	}
	// The go command reads the last part after the timestamp's "_".
	parts := strings.Split(name, "_")
	if last := parts[len(parts)-1]; knownOS[last] || knownArch[last] {
		return "", fmt.Errorf("migration name %q: a Go file whose name ends _%s is compiled only for that GOOS or GOARCH; choose another name", name, last)
	}
	return id + ".go", nil
}

// knownOS and knownArch are the names the go command reads as build
// constraints at the end of a file name (internal/syslist).
var knownOS = setOf("aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js", "linux", "nacl", "netbsd", "openbsd", "plan9", "solaris", "wasip1", "windows", "zos")

var knownArch = setOf("386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "loong64", "mips", "mipsle", "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc", "ppc64", "ppc64le", "riscv", "riscv64", "s390", "s390x", "sparc", "sparc64", "wasm")

func setOf(names ...string) map[string]bool {
	m := map[string]bool{}
	for _, n := range names {
		m[n] = true
	}
	return m
}

// GoMigration is a migration in Bun's Go form.
type GoMigration struct {
	Package *MigrationsPackage
	// ID is <timestamp>_<name>: Bun names the migration after the file.
	ID      string
	Dialect string
	// Up and Down are the SQL form's files, whose statements the Go
	// form runs in the same order, in a transaction when they are Tx.
	Up, Down MigrationFile
	// CheckColumns: on SQLite, which has no ADD COLUMN IF NOT EXISTS, an
	// ADD COLUMN runs only when pragma_table_info lacks the column (a
	// guarded migration, see Guarded).
	CheckColumns bool
}

// bunDialects are Bun's names of schemalint's dialects (package
// github.com/uptrace/bun/dialect).
var bunDialects = map[string]string{dsn.Postgres: "PG", dsn.MySQL: "MySQL", dsn.SQLite: "SQLite"}

// Source returns the file's gofmt-ed text.
func (g *GoMigration) Source() ([]byte, error) {
	bunName, ok := bunDialects[g.Dialect]
	if !ok {
		return nil, fmt.Errorf("no Bun dialect for %q", g.Dialect)
	}
	// The imports under names the package does not declare.
	imp := map[string]string{}
	for _, path := range []string{"context", "fmt", "github.com/uptrace/bun", "github.com/uptrace/bun/dialect"} {
		name := path[strings.LastIndex(path, "/")+1:]
		for g.Package.Taken[name] {
			name = "sl" + name
		}
		imp[path] = name
	}
	title := dialectTitle(g.Dialect)
	var b strings.Builder
	fmt.Fprintf(&b, "// Written by schemalint migrate new (%s): the models' schema, from the schema the\n", title)
	b.WriteString("// migrations produced, and back. Review it before committing it.\n//\n")
	fmt.Fprintf(&b, "// It has one dialect's branch, %s's: migrate new plans and runs it on a scratch\n", title)
	b.WriteString("// database of one dialect. On any other dialect it returns an error; a project\n")
	b.WriteString("// on several dialects adds their branches by hand.\n\n")
	fmt.Fprintf(&b, "package %s\n\nimport (\n", g.Package.Name)
	for _, path := range []string{"context", "fmt", "", "github.com/uptrace/bun", "github.com/uptrace/bun/dialect"} {
		switch {
		case path == "":
			b.WriteString("\n")
		case imp[path] == path[strings.LastIndex(path, "/")+1:]:
			fmt.Fprintf(&b, "\t%q\n", path)
		default:
			fmt.Fprintf(&b, "\t%s %q\n", imp[path], path)
		}
	}
	b.WriteString(")\n\nfunc init() {\n")
	fmt.Fprintf(&b, "\t%s.MustRegister(", g.Package.Var)
	for i, dir := range []struct {
		name string
		f    MigrationFile
	}{{"up", g.Up}, {"down", g.Down}} {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "func(ctx %s.Context, db *%s.DB) error {\n", imp["context"], imp["github.com/uptrace/bun"])
		header, body, _ := strings.Cut(dir.f.Body, "\n\n")
		// The SQL form's first header line names the file; the others
		// say how it runs, which holds here too.
		for _, l := range strings.Split(header, "\n")[1:] {
			b.WriteString(goComment(l))
		}
		fmt.Fprintf(&b, "switch db.Dialect().Name() {\ncase %s.%s:\n", imp["github.com/uptrace/bun/dialect"], bunName)
		if err := g.writeBranch(&b, imp, dir.name, dir.f.Tx, body); err != nil {
			return nil, err
		}
		fmt.Fprintf(&b, "default:\nreturn %s.Errorf(%q, db.Dialect().Name())\n}\n}", imp["fmt"],
			"migration "+g.ID+" "+dir.name+": written for "+title+" only, not %s: add a branch for that dialect")
	}
	b.WriteString(")\n}\n")
	src, err := format.Source([]byte(b.String()))
	if err != nil {
		return nil, fmt.Errorf("generated Go does not parse: %w", err)
	}
	return src, nil
}

// writeBranch writes the statements of body (a SQL file's parts) run on
// one transaction (tx) or one connection, as Bun runs the SQL file: each
// error returned with the migration, direction and statement number.
func (g *GoMigration) writeBranch(b *strings.Builder, imp map[string]string, direction string, tx bool, body string) error {
	parts, err := SplitBunSQL(body)
	if err != nil {
		return err
	}
	handle := "conn"
	if tx {
		handle = "tx"
		fmt.Fprintf(b, "return db.RunInTx(ctx, nil, func(ctx %s.Context, tx %s.Tx) error {\n", imp["context"], imp["github.com/uptrace/bun"])
	} else {
		// One connection, as Bun runs a file without .tx.: SQLite's
		// PRAGMA foreign_keys and BEGIN hold for their connection only.
		b.WriteString("conn, err := db.Conn(ctx)\nif err != nil {\nreturn err\n}\ndefer func() { _ = conn.Close() }()\n")
	}
	n := 0
	for _, part := range parts {
		lead, stmt, trail := splitPart(part)
		for _, l := range lead {
			b.WriteString(goComment(l))
		}
		if stmt != "" {
			n++
			table, column, check := SQLiteAddedColumn(stmt)
			check = check && g.CheckColumns && g.Dialect == dsn.SQLite
			if check {
				fmt.Fprintf(b, "var has%d int\nif err := %s.QueryRowContext(ctx, %q, %q, %q).Scan(&has%d); err != nil {\nreturn %s.Errorf(\"migration %s %s, statement %d: %%w\", err)\n}\nif has%d == 0 {\n",
					n, handle, SQLiteColumnExists, table, column, n, imp["fmt"], g.ID, direction, n, n)
			}
			fmt.Fprintf(b, "if _, err := %s.ExecContext(ctx, %s); err != nil {\nreturn %s.Errorf(\"migration %s %s, statement %d: %%w\", err)\n}\n",
				handle, goString(stmt), imp["fmt"], g.ID, direction, n)
			if check {
				b.WriteString("}\n")
			}
		}
		for _, l := range trail {
			b.WriteString(goComment(l))
		}
	}
	b.WriteString("return nil\n")
	if tx {
		b.WriteString("})\n")
	}
	return nil
}

// splitPart splits a part of a SQL file into the comment lines before its
// statement, the statement, and the comment lines after it. A commented-
// out statement (destructive, without --allow-destructive) is all
// comments, and stays a comment.
func splitPart(part string) (lead []string, stmt string, trail []string) {
	lines := strings.Split(strings.TrimRight(part, "\n"), "\n")
	isComment := func(l string) bool { return strings.HasPrefix(strings.TrimSpace(l), "--") }
	first, last := -1, -1
	for i, l := range lines {
		if !isComment(l) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return lines, "", nil
	}
	return lines[:first], strings.Join(lines[first:last+1], "\n"), lines[last+1:]
}

// goComment turns a SQL comment line into a Go one, indented: go/printer
// reformats a comment in column 1 abutting the next token as a doc
// comment, which turns two single quotes (SQL's empty string) into a
// typographic quote.
func goComment(l string) string {
	l = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l), "--"))
	if l == "" {
		return "\t//\n"
	}
	return "\t// " + l + "\n"
}

// goString is s as a Go literal: raw when it can be (readable SQL), quoted
// when it holds a backquote (MySQL's and SQLite's identifiers) or a
// carriage return.
func goString(s string) string {
	if strings.ContainsAny(s, "`\r") {
		return strconv.Quote(s)
	}
	return "`" + s + "`"
}
