package bunview

import (
	"github.com/uptrace/bun/dialect/mysqldialect"
	"github.com/uptrace/bun/dialect/pgdialect"
	"github.com/uptrace/bun/dialect/sqlitedialect"
	"github.com/uptrace/bun/schema"
)

// dialects makes Bun's dialects by name. It sits apart from view.go (the
// Source the generated program shares) because that program writes its
// own, with only the dialects a vendor directory provides.
var dialects = map[string]func() schema.Dialect{
	"pg":     func() schema.Dialect { return pgdialect.New() },
	"mysql":  func() schema.Dialect { return mysqldialect.New() },
	"sqlite": func() schema.Dialect { return sqlitedialect.New() },
}
