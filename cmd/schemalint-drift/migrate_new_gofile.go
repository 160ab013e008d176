package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/schemalint/schemalint/drift"
	"github.com/schemalint/schemalint/internal/cli"
)

// migrate new's --format values.
const (
	formatSQL = "sql"
	formatGo  = "go"
)

// severalDialects is the refusal of a configuration naming several
// dialects.
func (m *migrateNewCommand) severalDialects(configured []string) error {
	if m.format == formatGo {
		return cli.UsageErr("the configuration names %d dialects (%s): --format go writes the branch of one, the scratch database's, and plans one dialect per run; generate with a configuration naming one and add the other branches by hand", len(configured), strings.Join(configured, ", "))
	}
	return cli.UsageErr("the configuration names %d dialects (%s): one migrations directory holds one dialect's SQL files, since Bun's Discover reads them all; generate with a configuration naming one", len(configured), strings.Join(configured, ", "))
}

// goTarget checks, before any database work, that a Go migration named
// name can be written to the package in dir: a file name the go command
// builds everywhere, and the variable to register on.
func (m *migrateNewCommand) goTarget(dir, name string) (*drift.MigrationsPackage, error) {
	if m.format == formatSQL {
		if m.migrationsVar != "" {
			return nil, cli.UsageErr("--migrations-var is for --format go: SQL files are registered by the package's Discover")
		}
		return nil, nil
	}
	if m.format != formatGo {
		return nil, cli.UsageErr("--format %q: want sql or go", m.format)
	}
	if _, err := drift.GoFileName("00000000000000_" + name); err != nil {
		return nil, cli.UsageErr("%v", err)
	}
	pkg, err := drift.FindMigrationsVar(dir, m.migrationsVar)
	if err != nil {
		return nil, cli.UsageErr("%v", err)
	}
	return pkg, nil
}

// writeGoFile writes migration id as Go into dir and compiles the
// package with it; when the package does not compile, the file is
// removed and the compiler's message returned (exit 2).
func writeGoFile(ctx context.Context, dir string, pkg *drift.MigrationsPackage, id, dialect string, up, down drift.MigrationFile, checkColumns bool) (string, error) {
	file, err := drift.GoFileName(id)
	if err != nil {
		return "", cli.UsageErr("%v", err)
	}
	g := drift.GoMigration{Package: pkg, ID: id, Dialect: dialect, Up: up, Down: down, CheckColumns: checkColumns}
	src, err := g.Source()
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, file)
	if err := writeNew(path, string(src)); err != nil {
		return "", err
	}
	// go build of the package, not a type-check alone: the package's
	// embed patterns and cgo are checked as the application's build
	// will. -o: a main package's binary is not left in the directory.
	cmd := exec.CommandContext(ctx, "go", "build", "-o", os.DevNull, ".")
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		_ = os.Remove(path)
		msg := strings.TrimSpace(stderr.String())
		if msg == "" || ctx.Err() != nil {
			msg = err.Error()
		}
		return "", &cli.ExitError{Code: cli.ExitFailure, Err: fmt.Errorf("the package %s does not compile with the generated %s, so it was removed:\n%s", pkg.Name, file, msg)}
	}
	return path, nil
}
