package load

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/semver"
)

// listedPackage is what `go list -json` says of a package, the fields
// drift reads.
type listedPackage struct {
	ImportPath string        `json:"ImportPath"`
	Dir        string        `json:"Dir"`
	Name       string        `json:"Name"`
	GoFiles    []string      `json:"GoFiles"`
	CgoFiles   []string      `json:"CgoFiles"`
	EmbedFiles []string      `json:"EmbedFiles"`
	Standard   bool          `json:"Standard"`
	DepOnly    bool          `json:"DepOnly"`
	Deps       []string      `json:"Deps"`
	Match      []string      `json:"Match"`
	Module     *listedModule `json:"Module"`
	Error      *listedError  `json:"Error"`
	DepsErrors []listedError `json:"DepsErrors"`
}

type listedError struct {
	Err string `json:"Err"`
}

type listedModule struct {
	Path    string        `json:"Path"`
	Version string        `json:"Version"`
	Main    bool          `json:"Main"`
	Dir     string        `json:"Dir"`
	GoMod   string        `json:"GoMod"`
	Replace *listedModule `json:"Replace"`
}

// goEnv is the part of `go env` that changes what a build produces.
type goEnv struct {
	Version    string `json:"GOVERSION"`
	OS         string `json:"GOOS"`
	Arch       string `json:"GOARCH"`
	CGO        string `json:"CGO_ENABLED"`
	Flags      string `json:"GOFLAGS"`
	Experiment string `json:"GOEXPERIMENT"`
	AMD64      string `json:"GOAMD64"`
	ARM64      string `json:"GOARM64"`
	ModCache   string `json:"GOMODCACHE"`
}

// listing is the package graph of some patterns, as the go command sees
// it, and what a cache key needs of it.
type listing struct {
	dir  string
	env  goEnv
	pkgs []*listedPackage
	// roots are the packages the patterns match.
	roots []*listedPackage
	// main is the main module.
	main *listedModule
}

// goList lists patterns and their dependencies in dir, and the go
// environment. A pattern that matches nothing, a package that does not
// parse or a missing dependency is an error, with the go command's words.
func goList(ctx context.Context, dir string, patterns []string) (*listing, error) {
	all, err := listAll(ctx, dir, patterns)
	if err != nil {
		return nil, err
	}
	return all.check(patterns, all.pkgs, func(p *listedPackage) bool { return !p.DepOnly })
}

// joint is one `go list -deps` of several sets of patterns (models and
// migrations), before the checks of goList: drift needs a listing of
// each set and of all, and one go command costs a warm run less than
// three (each is 70 ms of CPU, on a machine also inspecting a database).
type joint struct {
	dir  string
	env  goEnv
	pkgs []*listedPackage
	// patterns are the patterns listed, as the go command cleans them
	// (and names them in Match).
	patterns map[string]bool
}

// listAll runs go env, and go list of patterns with their dependencies.
func listAll(ctx context.Context, dir string, patterns []string) (*joint, error) {
	j := &joint{dir: dir, patterns: map[string]bool{}}
	for _, p := range cleanPatterns(patterns) {
		j.patterns[p] = true
	}
	envDone := make(chan error, 1)
	go func() {
		out, err := goCmd(ctx, dir, "env", "-json", "GOVERSION", "GOOS", "GOARCH", "CGO_ENABLED", "GOFLAGS",
			"GOEXPERIMENT", "GOAMD64", "GOARM64", "GOMODCACHE")
		if err == nil {
			err = json.Unmarshal(out, &j.env)
		}
		envDone <- err
	}()
	args := append([]string{"list", "-e", "-deps", "-json=ImportPath,Dir,Name,GoFiles,CgoFiles,EmbedFiles,Standard,DepOnly,Deps,Match,Module,Error,DepsErrors", "--"}, patterns...)
	out, err := goCmd(ctx, dir, args...)
	if envErr := <-envDone; err == nil && envErr != nil {
		err = envErr
	}
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p listedPackage
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, fmt.Errorf("go list: %w", err)
		}
		j.pkgs = append(j.pkgs, &p)
	}
	return j, nil
}

// subset returns the listing of patterns, a part of what j lists: the
// packages they match and their dependencies, checked as goList checks
// them. It falls back to a go list of its own when j's roots name a
// pattern j does not know (the go command cleaned one otherwise than
// cleanPatterns): a listing of the wrong packages would key the cache
// wrongly.
func (j *joint) subset(ctx context.Context, patterns []string) (*listing, error) {
	want := map[string]bool{}
	for _, p := range cleanPatterns(patterns) {
		if !j.patterns[p] {
			return goList(ctx, j.dir, patterns)
		}
		want[p] = true
	}
	in := map[string]bool{}
	for _, p := range j.pkgs {
		if p.DepOnly {
			continue
		}
		for _, m := range p.Match {
			if !j.patterns[m] {
				return goList(ctx, j.dir, patterns)
			}
			if want[m] && !in[p.ImportPath] {
				in[p.ImportPath] = true
				for _, d := range p.Deps {
					in[d] = true
				}
			}
		}
	}
	var pkgs []*listedPackage
	for _, p := range j.pkgs {
		if in[p.ImportPath] {
			pkgs = append(pkgs, p)
		}
	}
	return j.check(patterns, pkgs, func(p *listedPackage) bool {
		return slices.ContainsFunc(p.Match, func(m string) bool { return want[m] })
	})
}

// check returns the listing of pkgs, whose roots root says, as goList
// checks it: the roots must compile and lie in a module.
func (j *joint) check(patterns []string, pkgs []*listedPackage, root func(*listedPackage) bool) (*listing, error) {
	l := &listing{dir: j.dir, env: j.env, pkgs: pkgs}
	var problems []string
	for _, p := range pkgs {
		if p.DepOnly || !root(p) {
			continue
		}
		l.roots = append(l.roots, p)
		if p.Error != nil {
			problems = append(problems, strings.TrimSpace(p.Error.Err))
		}
		for i := range p.DepsErrors {
			problems = append(problems, strings.TrimSpace(p.DepsErrors[i].Err))
		}
		if p.Module != nil && p.Module.Main && l.main == nil {
			l.main = p.Module
		}
	}
	if len(problems) > 0 {
		return nil, &CompileError{Dir: j.dir, Problems: problems}
	}
	if len(l.roots) == 0 {
		return nil, fmt.Errorf("no packages match %s", strings.Join(patterns, " "))
	}
	if l.main == nil || l.main.GoMod == "" {
		return nil, fmt.Errorf("%s is not in a Go module: schemalint drift builds a program inside the models' module", strings.Join(patterns, " "))
	}
	return l, nil
}

// cleanPatterns puts patterns in the form the go command matches and
// reports them in (cmd/go/internal/search.CleanPatterns): a local or
// import path cleaned, keeping a leading ./ and a @version.
func cleanPatterns(patterns []string) []string {
	out := make([]string, 0, len(patterns))
	for _, a := range patterns {
		p, v := a, ""
		local := a == "." || a == ".." || strings.HasPrefix(a, "./") || strings.HasPrefix(a, "../")
		if !local && !filepath.IsAbs(a) {
			if i := strings.IndexByte(a, '@'); i >= 0 {
				p, v = a[:i], a[i:]
			}
		}
		switch {
		case filepath.IsAbs(p):
			p = filepath.Clean(p)
		default:
			if filepath.Separator == '\\' {
				p = strings.ReplaceAll(p, `\`, "/")
			}
			if strings.HasPrefix(p, "./") {
				p = "./" + path.Clean(p)
				if p == "./." {
					p = "."
				}
			} else {
				p = path.Clean(p)
			}
		}
		out = append(out, p+v)
	}
	return out
}

// CompileError says that packages do not compile (or cannot be found).
type CompileError struct {
	Dir      string
	Problems []string
}

// Error is one line: the first problem, and how many more there are.
func (e *CompileError) Error() string {
	var problems []string
	seen := map[string]bool{}
	for _, p := range e.Problems {
		// go/packages reports compiler output as "-: # pkg\nfile:line:
		// msg", and the same error once per way it met it.
		var lines []string
		for line := range strings.SplitSeq(p, "\n") {
			line = strings.TrimPrefix(strings.TrimSpace(line), "-: ")
			if line != "" && !strings.HasPrefix(line, "# ") {
				lines = append(lines, line)
			}
		}
		msg := strings.ReplaceAll(strings.Join(lines, " "), e.Dir+string(filepath.Separator), "")
		if msg != "" && !seen[msg] {
			seen[msg] = true
			problems = append(problems, msg)
		}
	}
	if len(problems) == 0 {
		return "packages do not compile"
	}
	if n := len(problems) - 1; n > 0 {
		return fmt.Sprintf("%s (and %d more)", problems[0], n)
	}
	return problems[0]
}

// goCmd runs the go command in dir and returns its standard output; an
// error carries its standard error, on one line.
func goCmd(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd := command(ctx, "go", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		msg := strings.Join(strings.Fields(stderr.String()), " ")
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("go %s: %s", args[0], msg)
	}
	return out, nil
}

// local reports whether a package's source belongs to the user (the main
// module, or a module replaced by a directory): its files can change
// without any go.mod or go.sum change, so they are part of cache keys.
func (l *listing) local(p *listedPackage) bool {
	if p.Standard || p.Module == nil {
		return false
	}
	if p.Module.Main {
		return true
	}
	r := p.Module.Replace
	return r != nil && r.Version == "" && r.Dir != "" &&
		(l.env.ModCache == "" || !strings.HasPrefix(r.Dir, l.env.ModCache))
}

// key hashes everything that can change what a program built from these
// packages does: the parts given (generator, tool, patterns), the go
// environment, the main module's go.mod and go.sum, and the names and
// contents of every source file of the packages the user edits. Other
// modules are pinned by go.sum.
func (l *listing) key(parts ...string) (string, error) {
	h := sha256.New()
	write := func(s string) {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	for _, p := range parts {
		write(p)
	}
	dk, err := l.discoveryKey()
	if err != nil {
		return "", err
	}
	write(dk)
	env, _ := json.Marshal(l.env)
	write(string(env))
	// vendor/modules.txt: what a vendored build can use.
	for _, f := range []string{l.main.GoMod, strings.TrimSuffix(l.main.GoMod, ".mod") + ".sum", filepath.Join(l.main.Dir, "vendor", "modules.txt")} {
		b, err := os.ReadFile(f) //nolint:gosec // the user's go.mod and go.sum, which the key must cover
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return "", err
		}
		write(f)
		h.Write(b)
	}
	local := make([]*listedPackage, 0, len(l.pkgs))
	for _, p := range l.pkgs {
		if l.local(p) {
			local = append(local, p)
		}
	}
	sort.Slice(local, func(i, j int) bool { return local[i].ImportPath < local[j].ImportPath })
	for _, p := range local {
		write(p.ImportPath)
		files := append(append(append([]string(nil), p.GoFiles...), p.CgoFiles...), p.EmbedFiles...)
		for _, name := range files {
			b, err := os.ReadFile(filepath.Join(p.Dir, name)) //nolint:gosec // the user's sources, which the key must cover
			if err != nil {
				return "", err
			}
			write(name)
			sum := sha256.Sum256(b)
			h.Write(sum[:])
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:32], nil
}

// module returns the version the build list selects for module path
// ("" when no listed package comes from it), and whether a directory
// replaces it.
func (l *listing) module(path string) (version string, replaced bool) {
	for _, p := range l.pkgs {
		if p.Module != nil && p.Module.Path == path {
			return p.Module.Version, p.Module.Replace != nil && p.Module.Replace.Version == ""
		}
	}
	return "", false
}

// vendor returns the packages of the main module's vendor directory
// (from vendor/modules.txt) when the go command builds the module from
// it, nil otherwise: as the go command decides, a -mod flag in GOFLAGS
// first, else vendor/modules.txt with a go.mod of go 1.14 or later.
func (l *listing) vendor() (map[string]bool, error) {
	mode := ""
	for f := range strings.FieldsSeq(l.env.Flags) {
		if v, ok := strings.CutPrefix(strings.TrimPrefix(f, "-"), "-mod="); ok {
			mode = v
		} else if v, ok := strings.CutPrefix(f, "-mod="); ok {
			mode = v
		}
	}
	if mode != "" && mode != "vendor" {
		return nil, nil
	}
	b, err := os.ReadFile(filepath.Join(l.main.Dir, "vendor", "modules.txt"))
	if errors.Is(err, os.ErrNotExist) {
		if mode == "vendor" {
			return nil, errors.New("GOFLAGS says -mod=vendor, but the module has no vendor/modules.txt: run go mod vendor")
		}
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if mode == "" {
		gm, err := os.ReadFile(l.main.GoMod)
		if err != nil {
			return nil, err
		}
		f, err := modfile.ParseLax(l.main.GoMod, gm, nil)
		if err != nil {
			return nil, err
		}
		if f.Go == nil || semver.Compare("v"+f.Go.Version, "v1.14") < 0 {
			return nil, nil
		}
	}
	pkgs := map[string]bool{}
	for line := range strings.SplitSeq(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			pkgs[line] = true
		}
	}
	return pkgs, nil
}
