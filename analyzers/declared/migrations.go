package declared

import (
	"errors"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"io/fs"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/schemalint/schemalint/internal/boundedread"
)

// migReg is a Go migration found in the source.
type migReg struct {
	mig      *Migration
	up, down ast.Expr
}

// discovery is a Discover/DiscoverCaller call: where Bun looks for SQL
// migration files.
type discovery struct {
	call *ast.CallExpr
	// dir is the directory read; ok is false when it cannot be known.
	dir string
	ok  bool
}

type registrations struct {
	migrations []*migReg
	sqlMigs    []*Migration
	discover   []discovery
	found      bool
	registry   at
}

// fnameRE is Bun's migration file name pattern (migrate.fnameRE).
var fnameRE = regexp.MustCompile(`^(\d{1,14})_([0-9a-z_\-]+)\.`)

// registrations finds the package's migrations: MustRegister and
// Register calls (named after the file they are in, as Bun names them),
// migrate.Migration literals, and Discover calls.
func (x *extractor) registrations() *registrations {
	info := x.pass.TypesInfo
	r := &registrations{}
	var first at
	for _, f := range x.pass.Files {
		file := x.pass.Fset.File(f.Pos()).Name()
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.TypeSpec:
				return false // no code in a type declaration: a models file is mostly these
			case *ast.CompositeLit:
				if t := info.TypeOf(n); t != nil && isNamed(t, migratePkg, "Migration") && !isPointer(t) {
					x.migrationLiteral(r, n)
				}
			case *ast.CallExpr:
				fn := calledFunc(info, n)
				if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != migratePkg {
					return true
				}
				if fn.Name() == "NewMigrations" {
					if !r.registry.pos.IsValid() {
						r.registry = at{pos: n.Pos(), end: n.End()}
					}
					return true
				}
				if _, recv := methodOf(fn); recv != "Migrations" {
					return true
				}
				switch fn.Name() {
				case "MustRegister", "Register":
					r.found = true
					if !first.pos.IsValid() {
						first = at{pos: n.Pos(), end: n.End()}
					}
					if len(n.Args) != 2 {
						return true
					}
					m := &Migration{Kind: "go", at: at{pos: n.Pos(), end: n.End()}}
					base := filepath.Base(file)
					if mm := fnameRE.FindStringSubmatch(base); mm != nil {
						m.Name, m.Comment = mm[1], mm[2]
					} else {
						m.Name = strings.TrimSuffix(base, ".go")
						x.addNote(m.at, dAll, nil, "Bun names a migration after the file that registers it, and "+base+
							" is not a migration name (want 20060102150405_name.go): Register returns an error, MustRegister panics")
					}
					r.migrations = append(r.migrations, &migReg{mig: m, up: n.Args[0], down: n.Args[1]})
				case "Discover", "MustDiscover", "DiscoverCaller":
					r.found = true
					if !first.pos.IsValid() {
						first = at{pos: n.Pos(), end: n.End()}
					}
					r.discover = append(r.discover, x.discovery(n, file))
				}
			}
			return true
		})
	}
	if !r.registry.pos.IsValid() {
		r.registry = first
	}
	return r
}

func isPointer(t types.Type) bool {
	_, ok := types.Unalias(t).(*types.Pointer)
	return ok
}

// migrationLiteral records a migrate.Migration{Name: ..., Up: ..., Down: ...}.
func (x *extractor) migrationLiteral(r *registrations, lit *ast.CompositeLit) {
	r.found = true
	if !r.registry.pos.IsValid() {
		r.registry = at{pos: lit.Pos(), end: lit.End()}
	}
	m := &Migration{Kind: "go", at: at{pos: lit.Pos(), end: lit.End()}}
	reg := &migReg{mig: m}
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		key, _ := kv.Key.(*ast.Ident)
		if key == nil {
			continue
		}
		switch key.Name {
		case "Name", "Comment":
			tv := x.pass.TypesInfo.Types[kv.Value]
			if tv.Value == nil || tv.Value.Kind() != constant.String {
				x.addNote(at{pos: kv.Value.Pos(), end: kv.Value.End()}, dAll, nil, "the migration's "+key.Name+" is not a constant: the migration is ordered by what it is at run time")
				continue
			}
			if key.Name == "Name" {
				m.Name = constant.StringVal(tv.Value)
			} else {
				m.Comment = constant.StringVal(tv.Value)
			}
		case "Up":
			reg.up = kv.Value
		case "Down":
			reg.down = kv.Value
		}
	}
	r.migrations = append(r.migrations, reg)
}

// interpret reads the up and down functions of a Go migration.
func (x *extractor) interpret(r *migReg) {
	if r.up == nil || isNilExpr(r.up) {
		x.addNote(r.mig.at, dAll, r.mig, "the migration has no up function")
	} else {
		(&interp{x: x, mig: r.mig, up: true}).run(r.up)
	}
	if r.down != nil && !isNilExpr(r.down) {
		r.mig.HasDown = true
		(&interp{x: x, mig: r.mig, up: false}).run(r.down)
	}
}

func isNilExpr(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && id.Name == "nil"
}

// discovery resolves the file system given to Discover: an embed.FS
// variable (its //go:embed patterns, in the package directory), fs.Sub of
// one, os.DirFS of a constant path (taken relative to the package
// directory), or DiscoverCaller's own directory.
func (x *extractor) discovery(call *ast.CallExpr, file string) discovery {
	dir := filepath.Dir(file)
	d := discovery{call: call}
	if len(call.Args) == 0 { // DiscoverCaller
		d.dir, d.ok = dir, true
		return d
	}
	d.dir, d.ok = x.fsDir(call.Args[0], dir, 0)
	if !d.ok {
		x.addUnseen(at{pos: call.Args[0].Pos(), end: call.Args[0].End()}, dAll, nil,
			"the file system given to Discover is not an embed.FS variable, fs.Sub of one, or os.DirFS of a constant path: its SQL migrations are not seen")
	}
	return d
}

// fsDir resolves a file-system expression to a directory. For an
// embed.FS the directory is the package's; the files read are then those
// its patterns embed (embedPatterns).
func (x *extractor) fsDir(e ast.Expr, pkgDir string, depth int) (string, bool) {
	info := x.pass.TypesInfo
	e = ast.Unparen(e)
	if depth > 8 {
		return "", false
	}
	switch v := e.(type) {
	case *ast.Ident, *ast.SelectorExpr:
		var id *ast.Ident
		if s, ok := v.(*ast.SelectorExpr); ok {
			id = s.Sel
		} else {
			id = v.(*ast.Ident)
		}
		obj, ok := info.Uses[id].(*types.Var)
		if !ok {
			return "", false
		}
		if isNamed(obj.Type(), "embed", "FS") {
			return pkgDir, x.embedPatterns(obj) != nil
		}
		if init := x.globals[obj]; init != nil {
			return x.fsDir(init, pkgDir, depth+1)
		}
	case *ast.CallExpr:
		fn := calledFunc(info, v)
		if fn == nil || fn.Pkg() == nil {
			return "", false
		}
		switch fn.Pkg().Path() + "." + fn.Name() {
		case "os.DirFS":
			if p, ok := constString(info, v.Args[0]); ok {
				if !filepath.IsAbs(p) {
					x.addNote(at{pos: v.Pos(), end: v.End()}, dAll, nil,
						"os.DirFS("+strconv.Quote(p)+") is relative to the working directory at run time; it is read relative to the package directory")
					p = filepath.Join(pkgDir, p)
				}
				return p, true
			}
		case "io/fs.Sub":
			if len(v.Args) == 2 {
				if sub, ok := constString(info, v.Args[1]); ok {
					if base, ok := x.fsDir(v.Args[0], pkgDir, depth+1); ok {
						return filepath.Join(base, filepath.FromSlash(sub)), true
					}
				}
			}
		}
	}
	return "", false
}

func constString(info *types.Info, e ast.Expr) (string, bool) {
	tv := info.Types[e]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// embedPatterns returns the //go:embed patterns of a package-level
// embed.FS variable, nil when it has none.
func (x *extractor) embedPatterns(v *types.Var) []string {
	for _, f := range x.pass.Files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				for _, n := range vs.Names {
					if x.pass.TypesInfo.Defs[n] != v {
						continue
					}
					var pats []string
					for _, cg := range []*ast.CommentGroup{vs.Doc, gd.Doc} {
						if cg == nil {
							continue
						}
						for _, c := range cg.List {
							if rest, ok := strings.CutPrefix(c.Text, "//go:embed "); ok {
								pats = append(pats, splitEmbed(rest)...)
							}
						}
						if len(pats) > 0 {
							return pats
						}
					}
					return nil
				}
			}
		}
	}
	return nil
}

// splitEmbed splits a //go:embed line into patterns (quoted ones
// included).
func splitEmbed(s string) []string {
	var out []string
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		if s[0] == '"' || s[0] == '`' {
			q := s[0]
			end := strings.IndexByte(s[1:], q)
			if end < 0 {
				return append(out, s)
			}
			if p, err := strconv.Unquote(s[:end+2]); err == nil {
				out = append(out, p)
			}
			s = s[end+2:]
			continue
		}
		i := strings.IndexAny(s, " \t")
		if i < 0 {
			return append(out, s)
		}
		out = append(out, s[:i])
		s = s[i:]
	}
	return out
}

// sqlFile is one Bun SQL migration file.
type sqlFile struct {
	path, name, comment string
	up                  bool
}

// readSQLFiles reads the SQL migration files Discover finds: every
// *.up.sql and *.down.sql (.tx. ones included) under the directory, as
// Bun's fs.WalkDir does, limited to what //go:embed patterns embed when
// the file system is an embed.FS.
func (x *extractor) readSQLFiles(r *registrations) {
	seen := map[string]bool{}
	var files []sqlFile
	for _, d := range r.discover {
		if !d.ok {
			continue
		}
		allowed := x.embeddedFiles(d)
		err := filepath.WalkDir(d.dir, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if e.IsDir() || seen[p] {
				return nil
			}
			base := filepath.Base(p)
			up := strings.HasSuffix(base, ".up.sql")
			if !up && !strings.HasSuffix(base, ".down.sql") {
				return nil
			}
			if allowed != nil && !allowed[p] {
				return nil
			}
			seen[p] = true
			mm := fnameRE.FindStringSubmatch(base)
			if mm == nil {
				x.addNote(at{pos: d.call.Pos(), end: d.call.End()}, dAll, nil, "Bun's Discover fails on "+base+": not a migration file name (want 20060102150405_name.up.sql)")
				return nil
			}
			files = append(files, sqlFile{path: p, name: mm[1], comment: mm[2], up: up})
			return nil
		})
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			x.addUnseen(at{pos: d.call.Pos(), end: d.call.End()}, dAll, nil, "reading the SQL migrations: "+err.Error())
		}
	}
	byName := map[string]*Migration{}
	for _, f := range files {
		m := byName[f.name]
		if m == nil {
			m = &Migration{Name: f.name, Comment: f.comment, Kind: "sql"}
			byName[f.name] = m
			r.sqlMigs = append(r.sqlMigs, m)
		}
		src, tf, err := x.readFile(f.path)
		if err != nil {
			x.addUnseen(at{pos: r.discover[0].call.Pos(), end: r.discover[0].call.End()}, dAll, m, "cannot read this SQL migration: "+err.Error())
			continue
		}
		if f.up {
			m.at = at{pos: tf.Pos(0), end: tf.Pos(0)}
		} else {
			m.HasDown = true
		}
		if i := strings.Index(src, "{{"); i >= 0 && strings.Contains(src[i:], "}}") {
			// Bun renders a SQL migration as a text/template when the
			// migrator has template data (migrate.WithTemplateData).
			x.addUnseen(at{pos: tf.Pos(i), end: tf.Pos(i)}, dAll, m,
				"this SQL file is a Go template ({{...}}) that Bun renders at run time with the migrator's template data: its statements are not seen")
			continue
		}
		for _, d := range AllDialects {
			size := len(src)
			cs, notes := sqlText{d: d, src: src, file: true, pos: func(off int) token.Pos { return tf.Pos(min(max(off, 0), size)) }}.changes()
			for _, n := range notes {
				x.addNoteUnseen(n.at, dialectBit(d), m, n.msg, n.unseen)
			}
			for _, c := range cs {
				if f.up {
					m.Up = append(m.Up, c)
				} else {
					m.Down = append(m.Down, c)
				}
			}
		}
		if !m.pos.IsValid() {
			m.at = at{pos: tf.Pos(0), end: tf.Pos(0)}
		}
	}
	// Up changes were appended dialect by dialect; keep each dialect's in
	// file order, which is all that the replay needs.
}

// embeddedFiles returns the files an embed.FS embeds (absolute paths),
// or nil when the file system is not an embed.FS.
func (x *extractor) embeddedFiles(d discovery) map[string]bool {
	if len(d.call.Args) == 0 {
		return nil
	}
	v := x.embedVar(d.call.Args[0], 0)
	if v == nil {
		return nil
	}
	pkgDir := filepath.Dir(x.pass.Fset.File(d.call.Pos()).Name())
	if len(x.pass.Files) > 0 {
		pkgDir = filepath.Dir(x.pass.Fset.File(x.pass.Files[0].Pos()).Name())
	}
	out := map[string]bool{}
	for _, pat := range x.embedPatterns(v) {
		all := strings.HasPrefix(pat, "all:")
		pat = strings.TrimPrefix(pat, "all:")
		matches, _ := filepath.Glob(filepath.Join(pkgDir, filepath.FromSlash(pat)))
		for _, m := range matches {
			_ = filepath.WalkDir(m, func(p string, e fs.DirEntry, err error) error {
				if err != nil {
					return nil //nolint:nilerr // an unreadable entry is left out, as go:embed would refuse it at build time
				}
				name := e.Name()
				if p != m && !all && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
					if e.IsDir() {
						return filepath.SkipDir
					}
					return nil
				}
				if !e.IsDir() {
					out[p] = true
				}
				return nil
			})
		}
	}
	return out
}

// embedVar finds the embed.FS variable behind a file-system expression.
func (x *extractor) embedVar(e ast.Expr, depth int) *types.Var {
	if depth > 8 {
		return nil
	}
	switch v := ast.Unparen(e).(type) {
	case *ast.Ident:
		if obj, ok := x.pass.TypesInfo.Uses[v].(*types.Var); ok {
			if isNamed(obj.Type(), "embed", "FS") {
				return obj
			}
			if init := x.globals[obj]; init != nil {
				return x.embedVar(init, depth+1)
			}
		}
	case *ast.CallExpr:
		if fn := calledFunc(x.pass.TypesInfo, v); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "io/fs" && fn.Name() == "Sub" && len(v.Args) == 2 {
			return x.embedVar(v.Args[0], depth+1)
		}
	}
	return nil
}

// readFile reads a SQL file through the pass (which may hold an unsaved
// version) or, since drivers only let analyzers read the package's own
// listed files and SQL files are never listed, from disk; it adds the file
// to the file set so that findings can point into it.
func (x *extractor) readFile(p string) (string, *token.File, error) {
	var b []byte
	var err error
	if x.pass.ReadFile != nil {
		b, err = x.pass.ReadFile(p)
		if err == nil && len(b) > boundedread.MaxSize {
			return "", nil, fmt.Errorf("%s is larger than %d MiB, the most schemalint reads", p, boundedread.MaxSize>>20)
		}
	}
	if x.pass.ReadFile == nil || err != nil {
		b, err = boundedread.File(p, boundedread.MaxSize)
	}
	if err != nil {
		return "", nil, err
	}
	tf := x.pass.Fset.AddFile(p, -1, len(b))
	tf.SetLinesForContent(b)
	return string(b), tf, nil
}

// sortMigrations orders the migrations as Bun does, by name; SQL files
// merge into a Go migration of the same name (Bun's Discover replaces its
// up or down function).
func (x *extractor) sortMigrations(r *registrations) []*Migration {
	var out []*Migration
	byName := map[string]*Migration{}
	for _, g := range r.migrations {
		if prev := byName[g.mig.Name]; prev != nil && g.mig.Name != "" {
			x.addNote(g.mig.at, dAll, g.mig, "two migrations are named "+g.mig.Name+": Bun runs both, in registration order")
		}
		byName[g.mig.Name] = g.mig
		out = append(out, g.mig)
	}
	for _, s := range r.sqlMigs {
		if g := byName[s.Name]; g != nil && g.Kind == "go" {
			x.addNote(s.at, dAll, g, "the SQL files of migration "+s.Name+" replace the up or down function of the Go migration of the same name")
			if len(s.Up) > 0 {
				g.Up = s.Up
			}
			if s.HasDown {
				g.Down, g.HasDown = s.Down, true
			}
			continue
		}
		out = append(out, s)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
