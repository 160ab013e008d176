// Command genmodels writes a Go module holding a package of N conventional
// Bun models, for benchmarks: every model has an xid key, tenant columns,
// a foreign key and belongs-to relation to the model before it, a has-many
// back, JSON, an enum, timestamps and soft delete, and lints clean with the
// .schemalint.yml written next to it.
//
//	go run ./scripts/genmodels -n 2000 -out /tmp/models
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"go/format"
	"log"
	"os"
	"os/exec"
	"path/filepath"
)

func main() {
	n := flag.Int("n", 2000, "number of models")
	out := flag.String("out", "", "directory to write the module to (created)")
	perFile := flag.Int("per-file", 20, "models per file")
	flag.Parse()
	if *out == "" || *n < 1 || *perFile < 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := generate(*out, *n, *perFile); err != nil {
		log.Fatal(err)
	}
}

const gomod = `module example.com/generated

go 1.26

require (
	github.com/rs/xid v1.6.0
	github.com/uptrace/bun v1.3.0
)
`

const config = `dialect: [postgres, mysql, sqlite]
rules:
  - id: SL006
    options:
      columns: [app_id, environment_id, organization_id]
      levels:
        - {name: global, columns: [], tables: [apps]}
        - {name: app, columns: [app_id], tables: [environments]}
        - {name: environment, columns: [app_id, environment_id], tables: [organizations]}
`

// roots are the tenant models every generated model points at.
const roots = `package models

import (
	"time"

	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// App is the root of tenancy.
type App struct {
	bun.BaseModel ` + "`bun:\"table:apps,alias:app\"`" + `
	ID            xid.ID     ` + "`bun:\"id,pk,type:varchar(20)\"`" + `
	Name          string     ` + "`bun:\"name,notnull,type:varchar(100)\"`" + `
	CreatedAt     time.Time  ` + "`bun:\"created_at,notnull,default:current_timestamp\"`" + `
	UpdatedAt     time.Time  ` + "`bun:\"updated_at,notnull,default:current_timestamp\"`" + `
	DeletedAt     *time.Time ` + "`bun:\"deleted_at,soft_delete\"`" + `
}

// Environment belongs to an app.
type Environment struct {
	bun.BaseModel ` + "`bun:\"table:environments,alias:env\"`" + `
	ID            xid.ID     ` + "`bun:\"id,pk,type:varchar(20)\"`" + `
	AppID         xid.ID     ` + "`bun:\"app_id,notnull,type:varchar(20)\"`" + `
	CreatedAt     time.Time  ` + "`bun:\"created_at,notnull,default:current_timestamp\"`" + `
	UpdatedAt     time.Time  ` + "`bun:\"updated_at,notnull,default:current_timestamp\"`" + `
	DeletedAt     *time.Time ` + "`bun:\"deleted_at,soft_delete\"`" + `
	App           *App       ` + "`bun:\"rel:belongs-to,join:app_id=id\"`" + `
}

// Organization is the tenant.
type Organization struct {
	bun.BaseModel ` + "`bun:\"table:organizations,alias:org\"`" + `
	ID            xid.ID     ` + "`bun:\"id,pk,type:varchar(20)\"`" + `
	AppID         xid.ID     ` + "`bun:\"app_id,notnull,type:varchar(20)\"`" + `
	EnvironmentID xid.ID     ` + "`bun:\"environment_id,notnull,type:varchar(20)\"`" + `
	CreatedAt     time.Time  ` + "`bun:\"created_at,notnull,default:current_timestamp\"`" + `
	UpdatedAt     time.Time  ` + "`bun:\"updated_at,notnull,default:current_timestamp\"`" + `
	DeletedAt     *time.Time ` + "`bun:\"deleted_at,soft_delete\"`" + `
}
`

func generate(dir string, n, perFile int) error {
	pkg := filepath.Join(dir, "models")
	if err := os.MkdirAll(pkg, 0o755); err != nil {
		return err
	}
	for name, content := range map[string]string{
		filepath.Join(dir, "go.mod"): gomod, filepath.Join(dir, ".schemalint.yml"): config,
		filepath.Join(pkg, "roots.go"): roots,
	} {
		if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
			return err
		}
	}
	for start := 0; start < n; start += perFile {
		var b bytes.Buffer
		b.WriteString("package models\n\nimport (\n\t\"time\"\n\n\t\"github.com/rs/xid\"\n\t\"github.com/uptrace/bun\"\n)\n")
		for i := start; i < min(start+perFile, n); i++ {
			writeModel(&b, i, n)
		}
		src, err := format.Source(b.Bytes())
		if err != nil {
			return fmt.Errorf("generated code does not parse: %w", err)
		}
		if err := os.WriteFile(filepath.Join(pkg, fmt.Sprintf("models_%04d.go", start/perFile)), src, 0o644); err != nil {
			return err
		}
	}
	tidy := exec.CommandContext(context.Background(), "go", "mod", "tidy")
	tidy.Dir = dir
	if out, err := tidy.CombinedOutput(); err != nil {
		return fmt.Errorf("go mod tidy: %w\n%s", err, out)
	}
	return nil
}

func writeModel(b *bytes.Buffer, i, n int) {
	name := fmt.Sprintf("Entity%04d", i)
	table := fmt.Sprintf("entity%04ds", i)
	fmt.Fprintf(b, "\n// %s is generated.\ntype %s struct {\n", name, name)
	fmt.Fprintf(b, "\tbun.BaseModel `bun:\"table:%s,alias:e%d\"`\n", table, i)
	b.WriteString("\tID xid.ID `bun:\"id,pk,type:varchar(20)\"`\n")
	b.WriteString("\tAppID xid.ID `bun:\"app_id,notnull,type:varchar(20)\"`\n")
	b.WriteString("\tEnvironmentID xid.ID `bun:\"environment_id,notnull,type:varchar(20)\"`\n")
	b.WriteString("\tOrganizationID xid.ID `bun:\"organization_id,notnull,type:varchar(20)\"`\n")
	if i > 0 {
		fmt.Fprintf(b, "\tParentID *xid.ID `bun:\"parent_id,type:varchar(20)\"`\n")
	}
	b.WriteString("\tName string `bun:\"name,notnull,type:varchar(255)\"`\n")
	b.WriteString("\tStatus string `bun:\"status,notnull,type:varchar(20),default:'active'\"`\n")
	b.WriteString("\tCount int `bun:\"count,notnull,default:0\"`\n")
	b.WriteString("\tMetadata map[string]any `bun:\"metadata,type:json\"`\n")
	b.WriteString("\tCreatedAt time.Time `bun:\"created_at,notnull,default:current_timestamp\"`\n")
	b.WriteString("\tUpdatedAt time.Time `bun:\"updated_at,notnull,default:current_timestamp\"`\n")
	b.WriteString("\tDeletedAt *time.Time `bun:\"deleted_at,soft_delete\"`\n")
	b.WriteString("\tOrganization *Organization `bun:\"rel:belongs-to,join:organization_id=id\"`\n")
	if i > 0 {
		fmt.Fprintf(b, "\tParent *Entity%04d `bun:\"rel:belongs-to,join:parent_id=id\"`\n", i-1)
	}
	if i+1 < n {
		fmt.Fprintf(b, "\tChildren []*Entity%04d `bun:\"rel:has-many,join:id=parent_id\"`\n", i+1)
	}
	b.WriteString("}\n")
}
