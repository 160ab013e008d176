package lintrun

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/mod/modfile"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/schemalint/schemalint/analyzers/config"
	"github.com/schemalint/schemalint/analyzers/lint"
	"github.com/schemalint/schemalint/internal/cachedir"
	"github.com/schemalint/schemalint/internal/report"
)

// The result cache. A run's findings are stored under a key computed
// before anything is loaded, so that an unchanged run answers without
// `go list` (0.3 s or more) or any analysis: a hash of the schemalint
// binary, the run's options (directory, patterns, --tests, --config and
// its content), the go command and the environment that shapes its
// builds, and the content of every file of the module that can change
// findings (keyFile) — the directories of locally replaced modules
// included — and every .schemalint.yml above the module. Dependencies
// outside the module are named by go.mod and go.sum, and the module
// cache never changes a version's files. Files an analysis read outside
// what the key hashes (the SQL migrations of an os.DirFS outside the
// module), and every directory given to os.DirFS as a constant, are
// recorded in the entry with a digest of the directory, checked on each
// hit. A workspace (go.work) or a pattern outside the
// module is not cached: every run loads and analyses. A run stores
// nothing when a file of the key was written, added or removed while it
// ran: the files' sizes and modification times are listed before
// loading starts and again after the analysis.

// cacheVersion changes whenever the key or the entry changes meaning.
const cacheVersion = "schemalint-lint-cache/2"

// Limits of the cache directory: beyond them the least recently used
// entries are removed.
const (
	cacheMaxEntries = 256
	cacheMaxBytes   = 64 << 20
	cacheTmpMaxAge  = time.Hour
)

// Options are the inputs of a cached run besides the files.
type Options struct {
	// Dir is the directory the patterns (and the positions of findings)
	// are relative to.
	Dir      string
	Tests    bool
	Patterns []string
	// ConfigFile is --config ("" for the nearest .schemalint.yml).
	ConfigFile string
	// NoCache neither reads nor writes the cache.
	NoCache bool
	// CacheDir overrides cachedir.Dir("lint") (tests).
	CacheDir string
}

// Stats tell what a run did, for lint -v.
type Stats struct {
	// Cache is "hit", "miss", "off" (Options.NoCache) or "off: " and why
	// the run could not be cached.
	Cache string
	// Key is the cache key ("" when there is none).
	Key string
	// FromSource counts the packages parsed and type-checked (0 on a
	// hit).
	FromSource int
	// KeyTime, LoadTime and AnalyzeTime are what each step took.
	KeyTime, LoadTime, AnalyzeTime time.Duration
}

// Run lints the packages of opts, answering from the cache when the key
// matches an entry; a miss loads and analyses (Load, Analyze) and stores
// the findings. A cache that cannot be read or written only costs the
// work, never the run.
func Run(ctx context.Context, opts Options, env *lint.Env, as []*analysis.Analyzer) (*report.Report, Stats, error) {
	var st Stats
	// What the key will hash is listed, with each file's size and
	// modification time, before anything is loaded: the same list taken
	// after the analysis tells whether a file changed meanwhile (the
	// findings would then be stored under the key of what it was, or of
	// what it became after loading read it).
	var (
		c      *resultCache
		inputs *runInputs
	)
	if opts.NoCache {
		st.Cache = "off"
	} else {
		start := time.Now()
		var err error
		c, err = openResultCache(opts.CacheDir)
		if err == nil {
			inputs, err = scanRun(opts)
		}
		st.KeyTime = time.Since(start)
		if err != nil {
			c, st.Cache = nil, "off: "+err.Error()
		}
	}
	// Loading starts then, beside the key, so that a miss (a first run,
	// a commit that changed a file) does not wait for the key; a hit
	// cancels it, which stops its go list.
	loadCtx, cancelLoad := context.WithCancel(ctx)
	defer cancelLoad()
	type loaded struct {
		pkgs []*packages.Package
		err  error
		took time.Duration
	}
	load := make(chan loaded, 1)
	go func() {
		start := time.Now()
		pkgs, err := Load(loadCtx, opts.Dir, opts.Tests, opts.Patterns)
		if testHookLoaded != nil {
			testHookLoaded()
		}
		load <- loaded{pkgs, err, time.Since(start)}
	}()
	if c != nil {
		if testHookKey != nil {
			testHookKey()
		}
		start := time.Now()
		var err error
		st.Key, err = inputs.key()
		st.KeyTime += time.Since(start)
		if err != nil {
			c, st.Cache = nil, "off: "+err.Error()
		}
	}
	if c != nil {
		if findings, ok := c.get(st.Key); ok {
			cancelLoad()
			<-load // its go list is killed: nothing is left running
			st.Cache = "hit"
			rep := newReport(env)
			rep.Findings = findings
			return rep, st, nil
		}
		st.Cache = "miss"
	}
	l := <-load
	pkgs, err := l.pkgs, l.err
	st.LoadTime = l.took
	if err != nil {
		return nil, st, err
	}
	packages.Visit(pkgs, nil, func(*packages.Package) { st.FromSource++ }) // only those are left in the graph
	start := time.Now()
	rep, err := Analyze(env, as, pkgs, opts.Dir)
	st.AnalyzeTime = time.Since(start)
	if err != nil || c == nil {
		return rep, st, err
	}
	again, err := scanRun(opts)
	if err == nil && again.stamp() != inputs.stamp() {
		err = errors.New("files changed during the run")
	}
	var extras []extra
	if err == nil {
		extras, err = extraInputs(pkgs, opts.Dir)
	}
	if err != nil {
		// The findings stand; only storing them is given up.
		st.Cache += " (not stored: " + err.Error() + ")"
		return rep, st, nil // the error is reported in st.Cache
	}
	c.put(st.Key, rep.Findings, extras)
	return rep, st, nil
}

// Test hooks: testHookLoaded runs when loading has ended, testHookKey
// before the key is computed (so a test can change a file in between).
var testHookLoaded, testHookKey func()

// runInputs is what a run's key is made of (see above): fields (the
// options, the environment, the go command) and files, each listed with
// its size and modification time.
type runInputs struct {
	fields []string
	files  []inputFile
}

// inputFile is a file of the key: rel names it in the key, stat is its
// size, modification time and mode when listed ("absent" for an optional
// file that is not there).
type inputFile struct {
	path, rel, stat string
}

// scanRun lists the inputs of a run's key without reading any file, or
// returns an error saying why the run cannot be cached.
func scanRun(opts Options) (*runInputs, error) {
	dir, err := filepath.Abs(opts.Dir)
	if err != nil {
		return nil, err
	}
	root, err := moduleRoot(dir)
	if err != nil {
		return nil, err
	}
	for _, p := range opts.Patterns {
		if strings.HasPrefix(p, ".") || filepath.IsAbs(p) {
			d := strings.TrimSuffix(strings.TrimSuffix(p, "..."), "/")
			if !filepath.IsAbs(d) {
				d = filepath.Join(dir, d)
			}
			if !within(d, root) {
				return nil, fmt.Errorf("%s is outside the module %s", p, root)
			}
		}
	}
	// Files named by these flags may lie anywhere: not hashed, not cached.
	for f := range strings.FieldsSeq(os.Getenv("GOFLAGS")) {
		if strings.HasPrefix(f, "-overlay") || strings.HasPrefix(f, "--overlay") || strings.HasPrefix(f, "-modfile") || strings.HasPrefix(f, "--modfile") {
			return nil, fmt.Errorf("GOFLAGS has %s: not cached", f)
		}
	}
	in := &runInputs{}
	field := func(parts ...string) { in.fields = append(in.fields, parts...) }
	field(cacheVersion, cachedir.ToolID(), buildID(), dir, fmt.Sprint(opts.Tests))
	field(opts.Patterns...)
	field("config", opts.ConfigFile)
	// A file that must be there, and files that may or may not be: an
	// empty one differs from none (the nearest configuration shadows
	// those above it).
	file := func(what, p string, optional bool) error {
		stat, err := statRegular(p)
		if optional && errors.Is(err, fs.ErrNotExist) {
			stat, err = "absent", nil
		}
		in.files = append(in.files, inputFile{path: p, rel: what + "\x00" + p, stat: stat})
		return err
	}
	if opts.ConfigFile != "" {
		if err := file("config", opts.ConfigFile, false); err != nil {
			return nil, err
		}
	}
	// The go command and what shapes its builds: which files compile
	// (GOOS, tags in GOFLAGS, cgo) and which modules it uses.
	for _, v := range []string{"GOFLAGS", "GOOS", "GOARCH", "GOARM", "GOAMD64", "GOARM64", "CGO_ENABLED", "CC",
		"GOEXPERIMENT", "GOTOOLCHAIN", "GOWORK", "GO111MODULE", "GOPATH", "GOROOT", "GOMODCACHE", "GOENV"} {
		field(v, os.Getenv(v))
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		return nil, fmt.Errorf("no go command: %w", err)
	}
	field("go", statID(goBin))
	if envFile := goEnvFile(); envFile != "" {
		if err := file("goenv", envFile, true); err != nil {
			return nil, err
		}
	}
	// Configuration above the module, found by the nearest-file search.
	for d := filepath.Dir(root); ; d = filepath.Dir(d) {
		if err := file("above", filepath.Join(d, config.FileName), true); err != nil {
			return nil, err
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	roots, err := keyRoots(root)
	if err != nil {
		return nil, err
	}
	for _, r := range roots {
		field("tree", r)
		files, err := treeFiles(r)
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			f.rel = r + "\x00" + f.rel
			in.files = append(in.files, f)
		}
	}
	return in, nil
}

// stamp hashes the inputs as listed: the fields, and each file's name,
// size and modification time. Two stamps differ when a file was
// written, added or removed between the listings (short of a write
// that keeps both size and modification time).
func (in *runInputs) stamp() string {
	h := sha256.New()
	in.writeFields(h)
	for _, f := range in.files {
		fmt.Fprintf(h, "%s\x00%s\x00", f.rel, f.stat)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// key hashes the fields and the content of each file listed.
func (in *runInputs) key() (string, error) {
	h := sha256.New()
	in.writeFields(h)
	sums, err := fileSums(in.files)
	if err != nil {
		return "", err
	}
	for i, f := range in.files {
		fmt.Fprintf(h, "%s\x00%s\x00", f.rel, sums[i])
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func (in *runInputs) writeFields(h io.Writer) {
	for _, s := range in.fields {
		fmt.Fprintf(h, "%d:%s\x00", len(s), s)
	}
}

// statRegular describes a regular file by size, modification time and
// mode; anything else (a FIFO, which would block the open, a device, a
// directory named like a key file) is an error: the run is not cached,
// and loading reports it if it matters.
func statRegular(p string) (string, error) {
	st, err := os.Stat(p)
	if err != nil {
		return "", err
	}
	if !st.Mode().IsRegular() {
		return "", fmt.Errorf("%s is not a regular file", p)
	}
	return fmt.Sprintf("%d|%d|%v", st.Size(), st.ModTime().UnixNano(), st.Mode()), nil
}

// moduleRoot returns the directory of the go.mod governing dir; a
// workspace is refused (its modules are not hashed).
func moduleRoot(dir string) (string, error) {
	if w := os.Getenv("GOWORK"); w != "" && w != "off" {
		return "", errors.New("GOWORK is set: workspaces are not cached")
	}
	root := ""
	for d := dir; ; d = filepath.Dir(d) {
		if root == "" && isFile(filepath.Join(d, "go.mod")) {
			root = d
		}
		if isFile(filepath.Join(d, "go.work")) && os.Getenv("GOWORK") != "off" {
			return "", fmt.Errorf("%s: workspaces are not cached", filepath.Join(d, "go.work"))
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	if root == "" {
		return "", errors.New("no go.mod: only modules are cached")
	}
	return root, nil
}

func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

// keyRoots returns the module root and the directories of the modules
// its go.mod replaces with local directories.
func keyRoots(root string) ([]string, error) {
	gomod := filepath.Join(root, "go.mod")
	b, err := os.ReadFile(gomod)
	if err != nil {
		return nil, err
	}
	f, err := modfile.ParseLax(gomod, b, nil)
	if err != nil {
		return nil, err
	}
	roots := []string{root}
	for _, r := range f.Replace {
		if r.New.Version != "" { // a module version, not a directory
			continue
		}
		d := r.New.Path
		if !filepath.IsAbs(d) {
			d = filepath.Join(root, d)
		}
		roots = append(roots, filepath.Clean(d))
	}
	return roots, nil
}

// keyFile reports whether a file's content can change findings: Go
// source, C headers and sources (cgo's types come from them), SQL
// migrations, configuration, and module files (*.mod and *.sum, for
// -modfile too), vendor/modules.txt.
func keyFile(name string) bool {
	switch name {
	case "modules.txt", config.FileName:
		return true
	}
	switch filepath.Ext(name) {
	case ".go", ".sql", ".mod", ".sum", ".h", ".c":
		return true
	}
	return false
}

// skippedDirs are left out of the key's trees: version control, and
// node_modules (tens of thousands of files, C sources among them). A
// package loaded from one of them makes its run uncached (extraInputs).
var skippedDirs = map[string]bool{".git": true, ".hg": true, ".svn": true, "node_modules": true}

// treeFiles lists every key file under root, by path relative to it,
// version control and node_modules directories left out. Symbolic links
// to directories are followed (go list follows them to an imported
// package), each real directory once.
func treeFiles(root string) ([]inputFile, error) {
	var files []inputFile
	add := func(p, rel string) error {
		stat, err := statRegular(p)
		files = append(files, inputFile{path: p, rel: rel, stat: stat})
		return err
	}
	seen := map[string]bool{}
	var walk func(dir, prefix string) error
	walk = func(dir, prefix string) error {
		// WalkDir does not descend a root that is a link: walk its target.
		if target, err := filepath.EvalSymlinks(dir); err == nil {
			if seen[target] {
				return nil
			}
			seen[target] = true
			dir = target
		}
		return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(dir, p)
			rel = filepath.ToSlash(filepath.Join(prefix, rel))
			switch {
			case d.IsDir():
				if skippedDirs[d.Name()] {
					return filepath.SkipDir
				}
			case d.Type()&fs.ModeSymlink != 0:
				if st, err := os.Stat(p); err == nil && st.IsDir() {
					return walk(p, rel)
				}
				if keyFile(d.Name()) {
					return add(p, rel)
				}
			case keyFile(d.Name()):
				return add(p, rel)
			}
			return nil
		})
	}
	if err := walk(root, ""); err != nil {
		return nil, err
	}
	return files, nil
}

// fileSums hashes the content of files, in parallel; an absent optional
// file sums to "absent".
func fileSums(files []inputFile) ([]string, error) {
	sums := make([]string, len(files))
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, f := range files {
		if f.stat == "absent" {
			sums[i] = "absent"
			continue
		}
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			sums[i], errs[i] = fileSum(f.path)
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return sums, nil
}

// hashTree hashes the relative path and content of every key file under
// root (treeFiles).
func hashTree(h io.Writer, root string) error {
	files, err := treeFiles(root)
	if err != nil {
		return err
	}
	sums, err := fileSums(files)
	if err != nil {
		return err
	}
	for i, f := range files {
		fmt.Fprintf(h, "%s\x00%s\x00", f.rel, sums[i])
	}
	return nil
}

// fileSum hashes a regular file's content. Anything else (a FIFO, which
// would block the open, a device, a directory named like a key file) is
// an error: the run is not cached, and loading reports it if it matters.
func fileSum(p string) (string, error) {
	if st, err := os.Stat(p); err != nil {
		return "", err
	} else if !st.Mode().IsRegular() {
		return "", fmt.Errorf("%s is not a regular file", p)
	}
	f, err := os.Open(p)
	if err != nil {
		return "", err
	}
	defer func() { _ = f.Close() }()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return "", fmt.Errorf("%s is not a regular file", p)
	}
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// buildID is what the binary says of its own build: Go version, module
// version and VCS revision (a rebuilt binary with the same size and
// modification time differs here).
func buildID() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return runtime.Version()
	}
	var id strings.Builder
	id.WriteString(bi.GoVersion + "|" + bi.Main.Version)
	for _, s := range bi.Settings {
		if strings.HasPrefix(s.Key, "vcs.") {
			id.WriteString("|" + s.Key + "=" + s.Value)
		}
	}
	return id.String()
}

// statID identifies a file by path, size and modification time.
func statID(p string) string {
	st, err := os.Stat(p)
	if err != nil {
		return p
	}
	return fmt.Sprintf("%s|%d|%d", p, st.Size(), st.ModTime().UnixNano())
}

// goEnvFile is where `go env -w` writes (GOENV, else <config dir>/go/env).
func goEnvFile() string {
	if f := os.Getenv("GOENV"); f != "" {
		return f
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "go", "env")
}

func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// extra is a directory an analysis read files from outside the key's
// trees, with the digest of what it holds.
type extra struct {
	Dir    string `json:"dir"`
	Digest string `json:"digest"`
}

// extraInputs returns the directories of the files the analyses read
// (the file set holds them: the declared analyzer adds the SQL files it
// reads) that lie outside the key's trees, each with its digest.
func extraInputs(pkgs []*packages.Package, dir string) ([]extra, error) {
	if len(pkgs) == 0 || pkgs[0].Fset == nil {
		return nil, nil
	}
	root, err := moduleRoot(dir)
	if err != nil {
		return nil, err
	}
	roots, err := keyRoots(root)
	if err != nil {
		return nil, err
	}
	dirs := map[string]bool{}
	// inRoot is the root p lies in ("" when none); hashed tells whether
	// the key hashed it (not under a skipped directory).
	inRoot := func(p string) string {
		for _, r := range roots {
			if within(p, r) {
				return r
			}
		}
		return ""
	}
	hashed := func(p string) bool {
		r := inRoot(p)
		if r == "" {
			return false
		}
		rel, _ := filepath.Rel(r, p)
		return !slices.ContainsFunc(strings.Split(filepath.ToSlash(rel), "/"), func(c string) bool { return skippedDirs[c] })
	}
	// A directory of SQL migrations that held none at this run is not in
	// the file set; every os.DirFS of a constant path is recorded too, so
	// that a migration added there later is seen.
	for _, d := range dirFSTargets(pkgs) {
		if !hashed(d) {
			dirs[d] = true
		}
	}
	var unhashed string
	pkgs[0].Fset.Iterate(func(f *token.File) bool {
		name := f.Name()
		switch {
		case !filepath.IsAbs(name) || hashed(name):
		case strings.HasSuffix(name, ".go"):
			// Other modules' files are immutable, but not those of the
			// module's own skipped directories.
			if inRoot(name) != "" {
				unhashed = name
				return false
			}
		default:
			dirs[filepath.Dir(name)] = true
		}
		return true
	})
	if unhashed != "" {
		return nil, fmt.Errorf("%s lies in a directory the key leaves out", unhashed)
	}
	var out []extra
	for d := range dirs {
		out = append(out, extra{Dir: d, Digest: dirDigest(d)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Dir < out[j].Dir })
	return out, nil
}

// dirFSTargets returns the directories the packages checked from source
// give os.DirFS as a constant, relative paths taken from the package's
// directory as the declared analyzer takes them.
func dirFSTargets(pkgs []*packages.Package) []string {
	var out []string
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if p.TypesInfo == nil || len(p.CompiledGoFiles) == 0 {
			return
		}
		pkgDir := filepath.Dir(p.CompiledGoFiles[0])
		for _, f := range p.Syntax {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok || len(call.Args) != 1 {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				fn, ok := p.TypesInfo.Uses[sel.Sel].(*types.Func)
				if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "os" || fn.Name() != "DirFS" {
					return true
				}
				if tv := p.TypesInfo.Types[call.Args[0]]; tv.Value != nil && tv.Value.Kind() == constant.String {
					d := constant.StringVal(tv.Value)
					if !filepath.IsAbs(d) {
						d = filepath.Join(pkgDir, d)
					}
					out = append(out, filepath.Clean(d))
				}
				return true
			})
		}
	})
	return out
}

// dirDigest hashes the key files under dir (what Bun's Discover would
// walk); an unreadable directory has a digest of its own.
func dirDigest(dir string) string {
	h := sha256.New()
	if err := hashTree(h, dir); err != nil {
		return "unreadable: " + err.Error()
	}
	return hex.EncodeToString(h.Sum(nil))
}

// resultCache holds one file per key: lint-<key>.json.
type resultCache struct{ dir string }

// entry is what a cache file holds.
type cacheEntry struct {
	Version  string           `json:"version"`
	Key      string           `json:"key"`
	Extras   []extra          `json:"extras,omitempty"`
	Findings []report.Finding `json:"findings"`
}

func openResultCache(dir string) (*resultCache, error) {
	if dir == "" {
		return openDefaultCache()
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, err
	}
	return &resultCache{dir: dir}, nil
}

func openDefaultCache() (*resultCache, error) {
	dir, err := cachedir.Dir("lint")
	if err != nil {
		return nil, err
	}
	return &resultCache{dir: dir}, nil
}

func (c *resultCache) file(key string) string { return filepath.Join(c.dir, "lint-"+key+".json") }

// get returns the findings stored under key. An entry that cannot be
// read or decoded, or whose extra inputs changed, is a miss (and is
// rewritten by the run's put).
func (c *resultCache) get(key string) ([]report.Finding, bool) {
	b, err := os.ReadFile(c.file(key))
	if err != nil {
		return nil, false
	}
	var e cacheEntry
	if json.Unmarshal(b, &e) != nil || e.Version != cacheVersion || e.Key != key {
		return nil, false
	}
	for _, x := range e.Extras {
		if dirDigest(x.Dir) != x.Digest {
			return nil, false
		}
	}
	now := time.Now()
	_ = os.Chtimes(c.file(key), now, now) // recently used: kept by trim
	return e.Findings, true
}

// put stores findings under key through a temporary file renamed into
// place, so that a concurrent run never reads half an entry, then trims
// the cache. Failing to store only costs the next run the work.
func (c *resultCache) put(key string, findings []report.Finding, extras []extra) {
	b, err := json.Marshal(cacheEntry{Version: cacheVersion, Key: key, Extras: extras, Findings: findings})
	if err != nil {
		return
	}
	tmp, err := os.CreateTemp(c.dir, "lint-*.tmp")
	if err != nil {
		return
	}
	_, werr := tmp.Write(b)
	if cerr := tmp.Close(); werr == nil && cerr == nil {
		_ = os.Rename(tmp.Name(), c.file(key))
	}
	_ = os.Remove(tmp.Name())
	c.trim()
}

// trim removes the least recently used entries beyond cacheMaxEntries
// or cacheMaxBytes, and temporary files of runs killed mid-write.
func (c *resultCache) trim() {
	list, err := os.ReadDir(c.dir)
	if err != nil {
		return
	}
	type file struct {
		path string
		size int64
		used time.Time
	}
	var entries []file
	for _, d := range list {
		name := d.Name()
		if !strings.HasPrefix(name, "lint-") || d.IsDir() {
			continue
		}
		info, err := d.Info()
		if err != nil {
			continue
		}
		p := filepath.Join(c.dir, name)
		switch {
		case strings.HasSuffix(name, ".tmp"):
			if time.Since(info.ModTime()) > cacheTmpMaxAge {
				_ = os.Remove(p)
			}
		case strings.HasSuffix(name, ".json"):
			entries = append(entries, file{p, info.Size(), info.ModTime()})
		}
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].used.After(entries[j].used) })
	var total int64
	for i, e := range entries {
		total += e.size
		if i >= cacheMaxEntries || total > cacheMaxBytes {
			_ = os.Remove(e.path)
		}
	}
}
