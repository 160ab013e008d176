package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/schemalint/schemalint/internal/clitest"
)

// bin is the schemalint binary built for the tests: the tests run the real
// program, as users and go vet do.
var bin string

func TestMain(m *testing.M) { os.Exit(clitest.Main(m, &bin)) }

type result = clitest.Result

// schemalint runs the binary in dir.
func schemalint(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return clitest.Run(t.Context(), t, bin, dir, nil, args...)
}

// schemalintEnv runs the binary in dir with env added to the environment.
func schemalintEnv(t *testing.T, dir string, env []string, args ...string) result {
	t.Helper()
	return clitest.Run(t.Context(), t, bin, dir, env, args...)
}

const mod = "testdata/mod"

func TestCleanPackageIsSilent(t *testing.T) {
	t.Parallel()
	r := schemalint(t, mod, "./clean")
	if r.Code != 0 || r.Stdout != "" || r.Stderr != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q; want 0 and no output", r.Code, r.Stdout, r.Stderr)
	}
}

func TestReferenceSchemaIsSilent(t *testing.T) {
	t.Parallel()
	r := schemalint(t, "../..", "./schema/...", "./migrations/...")
	if r.Code != 0 || r.Stdout != "" || r.Stderr != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q; want 0 and no output", r.Code, r.Stdout, r.Stderr)
	}
}

type jsonOut struct {
	Version  int `json:"version"`
	Findings []struct {
		Rule     string `json:"rule"`
		Severity string `json:"severity"`
		Message  string `json:"message"`
		Position struct {
			File string `json:"file"`
			Line int    `json:"line"`
		} `json:"position"`
		Subject string `json:"subject"`
		Fixes   []any  `json:"fixes"`
	} `json:"findings"`
	Summary map[string]int `json:"summary"`
}

// TestViolationsEachOnce: a package that breaks each rule once reports each
// exactly once, and exits 1.
func TestViolationsEachOnce(t *testing.T) {
	t.Parallel()
	r := schemalint(t, mod, "--format", "json", "./violations")
	if r.Code != 1 {
		t.Fatalf("exit %d, want 1; stderr %s", r.Code, r.Stderr)
	}
	var out jsonOut
	if err := json.Unmarshal([]byte(r.Stdout), &out); err != nil {
		t.Fatalf("JSON output: %v\n%s", err, r.Stdout)
	}
	var got []string
	for _, f := range out.Findings {
		got = append(got, f.Rule)
		if f.Position.File != "violations/models.go" || f.Position.Line == 0 {
			t.Errorf("%s at %+v", f.Rule, f.Position)
		}
	}
	want := []string{"SL000", "SL001", "SL002", "SL003", "SL004", "SL005", "SL006", "SL007", "SL008", "SL009", "SL100", "SL101", "SL102"}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Fatalf("rules reported %v, want each of %v once", got, want)
	}
	if out.Version != 1 || out.Summary["error"]+out.Summary["warning"]+out.Summary["info"] != len(want) {
		t.Errorf("version %d summary %v", out.Version, out.Summary)
	}
}

// TestIndexRulesEachOnce: migrations that break each index rule once
// report each exactly once, in the migrations package.
func TestIndexRulesEachOnce(t *testing.T) {
	t.Parallel()
	r := schemalint(t, mod, "--format", "json", "./migs/...")
	if r.Code != 1 {
		t.Fatalf("exit %d, want 1; stderr %s", r.Code, r.Stderr)
	}
	var out jsonOut
	if err := json.Unmarshal([]byte(r.Stdout), &out); err != nil {
		t.Fatalf("JSON output: %v\n%s", err, r.Stdout)
	}
	var got []string
	for _, f := range out.Findings {
		got = append(got, f.Rule)
		if !strings.HasPrefix(f.Position.File, "migs/migrations/") {
			t.Errorf("%s reported at %s, want the migrations package", f.Rule, f.Position.File)
		}
	}
	slices.Sort(got)
	if want := []string{"SL200", "SL201", "SL202", "SL203", "SL204", "SL205"}; !slices.Equal(got, want) {
		t.Fatalf("rules reported %v, want each of %v once", got, want)
	}
}

func TestTextOutput(t *testing.T) {
	t.Parallel()
	r := schemalint(t, mod, "./violations")
	if r.Code != 1 {
		t.Fatalf("exit %d", r.Code)
	}
	for _, want := range []string{
		"violations/models.go:17:2: SL005 error: Org.DeletedAt is column deleted_at without soft_delete",
		"(fixable)",
		"13 findings (11 errors, 2 warnings)",
	} {
		if !strings.Contains(r.Stdout, want) {
			t.Errorf("text output lacks %q:\n%s", want, r.Stdout)
		}
	}
	if strings.Contains(r.Stdout, "\x1b[") {
		t.Error("colour codes with NO_COLOR set")
	}
}

func TestFailLevel(t *testing.T) {
	t.Parallel()
	// Only SL008 and SL000 are warnings; at fail level error the
	// errors still fail, and a warnings-only run passes.
	if r := schemalint(t, mod, "--fail-level", "error", "./violations"); r.Code != 1 {
		t.Errorf("errors at --fail-level error: exit %d", r.Code)
	}
	dir := clitest.CopyDir(t, mod)
	clitest.Write(t, filepath.Join(dir, "warn", "models.go"), `package warn

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

type Org struct {
	bun.BaseModel `+"`bun:\"table:orgs\"`"+`
	ID            xid.ID    `+"`bun:\"id,pk,type:varchar(20)\"`"+`
	CreatedAt     time.Time `+"`bun:\"created_at,notnull,default:current_timestamp\"`"+`
	UpdatedAt     time.Time `+"`bun:\"updated_at,notnull,default:current_timestamp\"`"+`
	DeletedAt     *time.Time `+"`bun:\"deleted_at,soft_delete\"`"+`
}
`)
	if r := schemalint(t, dir, "--fail-level", "error", "./warn"); r.Code != 0 || !strings.Contains(r.Stdout, "SL008 warning") {
		t.Errorf("warnings only at --fail-level error: exit %d, output %s", r.Code, r.Stdout)
	}
	if r := schemalint(t, dir, "./warn"); r.Code != 1 {
		t.Errorf("warnings at the default fail level: exit %d, want 1", r.Code)
	}
}

func TestSARIFIsValid(t *testing.T) {
	t.Parallel()
	r := schemalint(t, mod, "--format", "sarif", "./violations")
	if r.Code != 1 {
		t.Fatalf("exit %d: %s", r.Code, r.Stderr)
	}
	if err := clitest.ValidSARIF(t, r.Stdout); err != nil {
		t.Fatalf("SARIF output is not valid SARIF 2.1.0: %v", err)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID               string `json:"id"`
						Name             string `json:"name"`
						HelpURI          string `json:"helpUri"`
						ShortDescription struct {
							Text string `json:"text"`
						} `json:"shortDescription"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				Level     string `json:"level"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine int `json:"startLine"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(r.Stdout), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if len(run.Tool.Driver.Rules) != 19 || run.Tool.Driver.Rules[1].ID != "SL001" || run.Tool.Driver.Rules[1].HelpURI == "" ||
		run.Tool.Driver.Rules[1].ShortDescription.Text == "" {
		t.Errorf("rules: %+v", run.Tool.Driver.Rules)
	}
	if len(run.Results) != 13 || run.Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI != "violations/models.go" ||
		run.Results[0].Locations[0].PhysicalLocation.Region.StartLine == 0 {
		t.Errorf("results: %+v", run.Results)
	}
	// What text and JSON carry: fixes and related places; rule help that
	// code scanning renders without Go doc heading anchors.
	js := schemalint(t, mod, "--format", "json", "./violations")
	var out jsonOut
	if err := json.Unmarshal([]byte(js.Stdout), &out); err != nil {
		t.Fatal(err)
	}
	fixes := 0
	for _, f := range out.Findings {
		fixes += len(f.Fixes)
	}
	if got := strings.Count(r.Stdout, `"artifactChanges"`); fixes == 0 || got != fixes {
		t.Errorf("SARIF has %d fixes, JSON %d", got, fixes)
	}
	if !strings.Contains(r.Stdout, `"relatedLocations"`) || strings.Contains(r.Stdout, "{#hdr-") {
		t.Errorf("SARIF lacks related locations, or its help has heading anchors:\n%s", r.Stdout)
	}
}

func TestGitHubAnnotations(t *testing.T) {
	t.Parallel()
	r := schemalint(t, mod, "--format", "github", "./violations")
	lines := strings.Split(strings.TrimSpace(r.Stdout), "\n")
	if r.Code != 1 || len(lines) != 13 {
		t.Fatalf("exit %d, %d lines:\n%s", r.Code, len(lines), r.Stdout)
	}
	if !strings.Contains(r.Stdout, "::error file=violations/models.go,line=17,col=2,") ||
		!strings.Contains(r.Stdout, "::warning file=violations/models.go,") || !strings.Contains(r.Stdout, "title=SL005 soft-delete::") {
		t.Errorf("annotations:\n%s", r.Stdout)
	}
}

func TestFix(t *testing.T) {
	t.Parallel()
	dir := clitest.CopyDir(t, mod)
	r := schemalint(t, dir, "--fix", "./violations")
	if r.Code != 1 || !strings.Contains(r.Stderr, "applied 7 fixes to 1 files") {
		t.Fatalf("exit %d, stderr %s", r.Code, r.Stderr)
	}
	after := schemalint(t, dir, "--format", "json", "./violations")
	var out jsonOut
	if err := json.Unmarshal([]byte(after.Stdout), &out); err != nil {
		t.Fatal(err)
	}
	var left []string
	for _, f := range out.Findings {
		left = append(left, f.Rule)
		if len(f.Fixes) > 0 {
			t.Errorf("%s still fixable after --fix: %s", f.Rule, f.Message)
		}
	}
	slices.Sort(left)
	// SL001 (an int64 key), SL003, SL006, SL101, SL102 and SL000 have no
	// mechanical fix.
	if !slices.Equal(left, []string{"SL000", "SL001", "SL003", "SL006", "SL101", "SL102"}) {
		t.Errorf("after --fix: %v", left)
	}
	if out, err := clitest.Go(t, dir, "vet", "./violations"); err != nil {
		t.Errorf("the fixed package does not vet: %v\n%s", err, out)
	}
}

func TestBrokenPackage(t *testing.T) {
	t.Parallel()
	r := schemalint(t, mod, "./broken")
	if r.Code != 2 || !strings.Contains(r.Stderr, "packages do not compile") ||
		!strings.Contains(r.Stderr, "broken/models.go:9:16: undefined: UndefinedType") {
		t.Fatalf("exit %d, stderr %q", r.Code, r.Stderr)
	}
}

func TestBadConfig(t *testing.T) {
	t.Parallel()
	r := schemalint(t, mod, "./badconfig")
	if r.Code != 2 || !strings.Contains(r.Stderr, `badconfig/.schemalint.yml: options of rule SL005: line 5: unknown key "requre" (did you mean "require"?)`) ||
		strings.Count(r.Stderr, "\n") != 1 {
		t.Fatalf("exit %d, stderr %q", r.Code, r.Stderr)
	}
	// The key's own line and the closest key or rule ID, not "line 1".
	dir := clitest.CopyDir(t, mod)
	for cfg, want := range map[string]string{
		"# models\nrules: []\ndialects: [postgres]\n":         `.schemalint.yml: line 3: unknown key "dialects" (did you mean "dialect"?)`,
		"dialect: pg\nrules:\n  - id: SL005\n  - id: SL999\n": `.schemalint.yml: line 4: unknown rule "SL999" (did you mean "SL009"?)`,
	} {
		clitest.Write(t, filepath.Join(dir, "clean", ".schemalint.yml"), cfg)
		if r := schemalint(t, dir, "./clean"); r.Code != 2 || !strings.Contains(r.Stderr, want) {
			t.Errorf("%q: exit %d, stderr %q, want %q", cfg, r.Code, r.Stderr, want)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{},
		{"--format", "xml", "./clean"},
		{"--fail-level", "fatal", "./clean"},
		{"--nope", "./clean"},
		{"./does-not-exist"},
		{"--config", "missing.yml", "./clean"},
		{"rules", "SL999"},
	} {
		if r := schemalint(t, mod, args...); r.Code != 2 || r.Stderr == "" {
			t.Errorf("schemalint %v: exit %d, stderr %q; want 2 and a message", args, r.Code, r.Stderr)
		}
	}
}

func TestHelp(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"--help"}, {"lint", "--help"}, {"rules", "-h"}, {"version", "--help"}} {
		r := schemalint(t, mod, args...)
		if r.Code != 0 || !strings.Contains(r.Stdout+r.Stderr, "Usage: schemalint") {
			t.Errorf("schemalint %v: exit %d, output %q", args, r.Code, r.Stdout+r.Stderr)
		}
	}
	r := schemalint(t, mod, "--help")
	for _, flag := range []string{"--format", "--fail-level", "--fix", "--tests", "--no-color", "--config", "Exit codes"} {
		if !strings.Contains(r.Stderr, flag) {
			t.Errorf("--help does not mention %s", flag)
		}
	}
}

func TestConfigFlag(t *testing.T) {
	t.Parallel()
	dir := clitest.CopyDir(t, mod)
	clitest.Write(t, filepath.Join(dir, "off.yml"), "exclude:\n  - rules: [SL000, SL001, SL002, SL003, SL004, SL005, SL006, SL007, SL008, SL009, SL100, SL101, SL102]\n")
	if r := schemalint(t, dir, "--config", "off.yml", "./violations"); r.Code != 0 || r.Stdout != "" {
		t.Errorf("every rule excluded: exit %d, output %s", r.Code, r.Stdout)
	}
}

func TestVetTool(t *testing.T) {
	t.Parallel()
	out, err := clitest.Go(t, mod, "vet", "-vettool="+bin, "./violations")
	if err == nil {
		t.Fatalf("go vet passed on violations:\n%s", out)
	}
	if !strings.Contains(out, "SL005: Org.DeletedAt is column deleted_at without soft_delete") {
		t.Errorf("go vet output:\n%s", out)
	}
	if out, err := clitest.Go(t, mod, "vet", "-vettool="+bin, "./clean"); err != nil {
		t.Errorf("go vet failed on the clean package: %v\n%s", err, out)
	}
}

func TestRulesCommand(t *testing.T) {
	t.Parallel()
	r := schemalint(t, mod, "rules")
	// 19 lint rules and 15 drift finding kinds.
	if r.Code != 0 || strings.Count(r.Stdout, "\n") != 34 || !strings.Contains(r.Stdout, "SL005  soft-delete") ||
		!strings.Contains(r.Stdout, "DR003  column-missing") {
		t.Errorf("rules: %d\n%s", r.Code, r.Stdout)
	}
	r = schemalint(t, mod, "rules", "soft-delete")
	if r.Code != 0 || !strings.Contains(r.Stdout, "Bun filters deleted rows out of every select") {
		t.Errorf("rules soft-delete:\n%s", r.Stdout)
	}
	r = schemalint(t, mod, "rules", "--format", "json")
	var rules []struct {
		ID       string `json:"id"`
		Name     string `json:"name"`
		Severity string `json:"severity"`
		Summary  string `json:"summary"`
		Doc      string `json:"doc"`
		URL      string `json:"url"`
	}
	if err := json.Unmarshal([]byte(r.Stdout), &rules); err != nil || len(rules) != 34 || rules[33].ID != "DR015" {
		t.Fatalf("rules json: %v %s", err, r.Stdout)
	}
	for _, rule := range rules {
		if rule.Doc == "" || rule.Summary == "" || rule.URL == "" {
			t.Errorf("%s lacks documentation: %+v", rule.ID, rule)
		}
	}
}

// TestRulesDrift: drift findings are documented by the rules command, as
// lint rules are, from drift/kind (which the README's table is checked
// against).
func TestRulesDrift(t *testing.T) {
	t.Parallel()
	r := schemalint(t, mod, "rules", "DR003")
	if r.Code != 0 || !strings.HasPrefix(r.Stdout, "DR003 column-missing (default severity error)\n") ||
		!strings.Contains(r.Stdout, "Repair: SQL: ALTER TABLE ... ADD COLUMN") {
		t.Errorf("rules DR003: %d\n%s%s", r.Code, r.Stdout, r.Stderr)
	}
	if r := schemalint(t, mod, "rules", "dr007", "fk-extra"); r.Code != 0 || !strings.Contains(r.Stdout, "DR007 column-default") || !strings.Contains(r.Stdout, "DR014 fk-extra") {
		t.Errorf("rules by lower-case ID and name: %d\n%s", r.Code, r.Stdout)
	}
	r = schemalint(t, mod, "rules", "--format", "markdown")
	for _, want := range []string{"| [DR001](#dr001) | table-missing |", "\n## DR015\n\n**fk-different**"} {
		if !strings.Contains(r.Stdout, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
	if r := schemalint(t, mod, "rules", "DR099"); r.Code != 2 || !strings.Contains(r.Stderr, `unknown rule "DR099" (did you mean "DR009"?)`) {
		t.Errorf("rules DR099: %d %s", r.Code, r.Stderr)
	}
}

// TestRulesDocUpToDate keeps docs/rules.md equal to the generated
// catalogue: regenerate with
// go run ./cmd/schemalint rules --format markdown > docs/rules.md
func TestRulesDocUpToDate(t *testing.T) {
	t.Parallel()
	r := schemalint(t, mod, "rules", "--format", "markdown")
	want, err := os.ReadFile("../../docs/rules.md")
	if err != nil {
		t.Fatal(err)
	}
	if r.Stdout != string(want) {
		t.Error("docs/rules.md is stale: go run ./cmd/schemalint rules --format markdown > docs/rules.md")
	}
	// GitHub shows Go doc heading anchors ({#hdr-What}) literally.
	if strings.Contains(r.Stdout, "{#hdr-") {
		t.Error("the catalogue has Go doc heading anchors")
	}
}

// A configuration or baseline that is not a regular file (a committed
// symlink to /dev/zero, a FIFO, a directory) is a clear error, exit 2,
// not an out-of-memory crash, a hang or a silently ignored file.
func TestOddConfigFiles(t *testing.T) {
	t.Parallel()
	dir := clitest.CopyDir(t, mod)
	cfg := filepath.Join(dir, "clean", ".schemalint.yml")
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		setup func() error
		args  []string
		want  string
	}{
		{"config symlink to /dev/zero", func() error { return os.Symlink("/dev/zero", cfg) }, []string{"./clean"}, "is not a regular file"},
		{"config is a FIFO", func() error { return os.Symlink(fifo, cfg) }, []string{"./clean"}, "is not a regular file"},
		{"config is a directory", func() error { return os.Mkdir(cfg, 0o755) }, []string{"./clean"}, "is not a regular file"},
		{"--config /dev/zero", func() error { return nil }, []string{"--config", "/dev/zero", "./clean"}, "is not a regular file"},
		{"--baseline FIFO", func() error { return nil }, []string{"--baseline", fifo, "./clean"}, "is not a regular file"},
	} {
		if err := os.RemoveAll(cfg); err != nil {
			t.Fatal(err)
		}
		if err := tc.setup(); err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		r := schemalint(t, dir, tc.args...)
		if r.Code != 2 || !strings.Contains(r.Stderr, tc.want) || strings.Count(r.Stderr, "\n") > 2 {
			t.Errorf("%s: exit %d, stderr %q; want 2 and %q", tc.name, r.Code, r.Stderr, tc.want)
		}
		if d := time.Since(start); d > time.Minute {
			t.Errorf("%s: took %v", tc.name, d)
		}
	}
}

// A 1 MB bun tag of half a million options is reported once and costs about
// what the same model with a short tag costs (it took 14 s and 1.2 GB).
func TestHugeTag(t *testing.T) {
	t.Parallel()
	dir := clitest.CopyDir(t, mod)
	model := func(opts string) string {
		return "package huge\n\nimport \"github.com/uptrace/bun\"\n\ntype Thing struct {\n\tbun.BaseModel `bun:\"table:things,alias:t\"`\n\tID string `bun:\"id,pk" + opts + "\"`\n}\n"
	}
	run := func(opts string) (result, int64) {
		clitest.Write(t, filepath.Join(dir, "huge", "m.go"), model(opts))
		cmd := exec.CommandContext(t.Context(), bin, "./huge")
		cmd.Dir = dir
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		if _, ok := errors.AsType[*exec.ExitError](err); err != nil && !ok {
			t.Fatal(err)
		}
		rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss // KiB on Linux
		return result{Stdout: stdout.String(), Stderr: stderr.String(), Code: cmd.ProcessState.ExitCode()}, rss
	}
	_, smallRSS := run("")
	r, hugeRSS := run(strings.Repeat(",x", 512*1024))
	if r.Code != 1 || strings.Count(r.Stdout, "SL100") != 1 || !strings.Contains(r.Stdout, "this bun tag is 1048581 bytes; schemalint checks tags of at most 16384 bytes") {
		t.Errorf("exit %d, output %q", r.Code, r.Stdout)
	}
	if hugeRSS > smallRSS+150<<10 {
		t.Errorf("peak RSS %d MiB with a 1 MB tag, %d MiB without", hugeRSS>>10, smallRSS>>10)
	}
}

// One cause, one finding: a belongs-to whose foreign key has the wrong Go
// type is SL002's (on the column), not also SL102's (on the relation).
func TestOneCauseOneFinding(t *testing.T) {
	t.Parallel()
	dir := clitest.CopyDir(t, mod)
	clitest.Write(t, filepath.Join(dir, "onecause", "models.go"), `package onecause

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

type User struct {
	bun.BaseModel `+"`bun:\"table:users,alias:u\"`"+`
	ID            xid.ID    `+"`bun:\"id,pk,type:varchar(20)\"`"+`
	CreatedAt     time.Time `+"`bun:\"created_at,notnull,default:current_timestamp\"`"+`
	UpdatedAt     time.Time `+"`bun:\"updated_at,notnull,default:current_timestamp\"`"+`
}

type Post struct {
	bun.BaseModel `+"`bun:\"table:posts,alias:p\"`"+`
	ID            xid.ID    `+"`bun:\"id,pk,type:varchar(20)\"`"+`
	ReviewerID    int64     `+"`bun:\"reviewer_id,notnull\"`"+`
	Reviewer      *User     `+"`bun:\"rel:belongs-to,join:reviewer_id=id\"`"+`
	CreatedAt     time.Time `+"`bun:\"created_at,notnull,default:current_timestamp\"`"+`
	UpdatedAt     time.Time `+"`bun:\"updated_at,notnull,default:current_timestamp\"`"+`
}
`)
	clitest.Write(t, filepath.Join(dir, "onecause", ".schemalint.yml"), "exclude:\n  - rules: [SL005, SL006]\n")
	r := schemalint(t, dir, "./onecause")
	if r.Code != 1 || strings.Count(r.Stdout, "SL002") != 1 || strings.Contains(r.Stdout, "SL102") {
		t.Errorf("exit %d, output:\n%s", r.Code, r.Stdout)
	}
}

// CLI conventions of golangci-lint and staticcheck: flags after the
// patterns, --version, help [command], a missing directory said as such,
// and drift's name for the fail threshold.
func TestCLIConventions(t *testing.T) {
	t.Parallel()
	if r := schemalint(t, mod, "./violations", "--format", "json", "--fail-level", "error"); r.Code != 1 || !strings.HasPrefix(r.Stdout, "{") {
		t.Errorf("flags after the pattern: exit %d, stdout %.80q, stderr %q", r.Code, r.Stdout, r.Stderr)
	}
	if r := schemalint(t, mod, "--version"); r.Code != 0 || !strings.HasPrefix(r.Stdout, "schemalint ") {
		t.Errorf("--version: exit %d, %q %q", r.Code, r.Stdout, r.Stderr)
	}
	if r := schemalint(t, mod, "help"); r.Code != 0 || !strings.Contains(r.Stdout, "Usage: schemalint") {
		t.Errorf("help: exit %d, %q %q", r.Code, r.Stdout, r.Stderr)
	}
	if r := schemalint(t, mod, "help", "drift", "migrations"); r.Code != 0 || !strings.Contains(r.Stdout, "Usage: schemalint drift migrations") ||
		strings.Contains(r.Stdout, "--dsn") || strings.Contains(r.Stdout, "\n  --mode ") {
		t.Errorf("help drift migrations (no live-database flags): exit %d, %q %q", r.Code, r.Stdout, r.Stderr)
	}
	if r := schemalint(t, mod, "drift", "--help"); !strings.Contains(r.Stdout+r.Stderr, "\n  -v ") || strings.Contains(r.Stdout+r.Stderr, "--v ") {
		t.Errorf("drift --help spells -v as -v: %q", r.Stdout+r.Stderr)
	}
	if r := schemalint(t, mod, "help", "nope"); r.Code != 2 || !strings.Contains(r.Stderr, `no command "nope"`) {
		t.Errorf("help nope: exit %d, %q", r.Code, r.Stderr)
	}
	if r := schemalint(t, mod, "./does-not-exist/..."); r.Code != 2 || !strings.Contains(r.Stderr, "./does-not-exist/...: no such directory") || strings.Contains(r.Stderr, "compile") {
		t.Errorf("missing directory: exit %d, %q", r.Code, r.Stderr)
	}
	a, b := schemalint(t, mod, "--fail-on", "error", "./violations"), schemalint(t, mod, "--fail-level", "error", "./violations")
	if a.Code != b.Code || a.Stdout != b.Stdout || a.Code != 1 {
		t.Errorf("--fail-on and --fail-level differ: exit %d and %d", a.Code, b.Code)
	}
	if r := schemalint(t, mod, "./clean", "--fail-on", "fatal"); r.Code != 2 {
		t.Errorf("--fail-on fatal after the pattern: exit %d", r.Code)
	}
}
