package indexes

import (
	"fmt"
	"strings"

	"github.com/schemalint/schemalint/analyzers/declared"
	"github.com/schemalint/schemalint/analyzers/lint"
)

// MigrationDownOptions configure SL205.
type MigrationDownOptions struct {
	// RequireDown reports a migration that creates tables or indexes and
	// has no down migration at all.
	RequireDown bool `yaml:"require_down"`
}

// undropped is an object an up migration creates and its down leaves.
type undropped struct {
	m *declared.Migration
	c *declared.Change
	// index is the index's description, "" for a table.
	index, table string
}

func runDown(p *lint.Pass) error {
	v := newView(p)
	if v == nil || !v.migrations() {
		return nil
	}
	opts := p.Options().(*MigrationDownOptions)
	// A migration with code or SQL the extraction does not see may drop
	// in it what looks left behind: nothing is claimed for it there.
	unseen := map[string]map[declared.Dialect]bool{}
	for _, n := range v.s.Notes {
		if n.Unseen && n.Migration != "" {
			if unseen[n.Migration] == nil {
				unseen[n.Migration] = map[declared.Dialect]bool{}
			}
			for _, d := range n.Dialects {
				unseen[n.Migration][d] = true
			}
		}
	}
	var g group
	for _, m := range v.s.Migrations {
		if !m.HasDown {
			if opts.RequireDown {
				v.reportNoDown(m)
			}
			continue
		}
		for _, d := range v.dialects {
			if unseen[m.Name][d] {
				continue
			}
			left := leftBehind(d, m)
			tables := map[string]bool{}
			for _, u := range left {
				if u.index == "" {
					tables[strings.ToLower(u.table)] = true
				}
			}
			for _, u := range left {
				if u.index != "" && tables[strings.ToLower(u.table)] {
					continue // one cause: the table is left behind, with its indexes
				}
				key := m.Name + ":" + strings.ToLower(u.table) + ":" + strings.ToLower(u.index)
				g.add(key, d, func() *entry { return &entry{data: u} })
			}
		}
	}
	g.each(func(e *entry) {
		u := e.data.(undropped)
		pos, end := v.where(u.c, u.c)
		var msg string
		if u.index == "" {
			msg = fmt.Sprintf("migration %s creates table %s%s, but its down migration does not drop it: migrating down and up again fails on CREATE TABLE, or leaves stale rows behind",
				migrationName(u.m), u.table, v.on(e.ds))
		} else {
			msg = fmt.Sprintf("migration %s creates index %s on %s%s, but its down migration drops neither the index nor its table: migrating down and up again fails on CREATE INDEX",
				migrationName(u.m), u.index, u.table, v.on(e.ds))
			if strings.HasPrefix(u.index, "unnamed") {
				msg += "; name the index so that the down migration can drop it"
			}
		}
		v.p.Report(lint.Finding{Pos: pos, End: end, Message: msg, Table: u.table, Subject: u.m.Name + "." + u.table + "." + u.index})
	})
	return nil
}

func migrationName(m *declared.Migration) string {
	if m.Comment == "" {
		return m.Name
	}
	return m.Name + "_" + m.Comment
}

// leftBehind returns what a migration's up creates on dialect d and its
// down does not drop: tables it creates (and does not drop itself), and
// named or unnamed indexes on tables its down does not drop (dropping a
// table drops its indexes).
func leftBehind(d declared.Dialect, m *declared.Migration) []undropped {
	gone := func(cs []*declared.Change, kind declared.ChangeKind) map[string]bool {
		out := map[string]bool{}
		for _, c := range cs {
			if c.Dialect != d {
				continue
			}
			switch {
			case c.Kind == kind && kind == declared.DropTable:
				out[strings.ToLower(c.Table)] = true
			case c.Kind == kind || (kind == declared.DropIndex && c.Kind == declared.DropConstraint):
				out[strings.ToLower(c.Name)] = true
			}
		}
		return out
	}
	upTables, upIndexes := gone(m.Up, declared.DropTable), gone(m.Up, declared.DropIndex)
	downTables, downIndexes := gone(m.Down, declared.DropTable), gone(m.Down, declared.DropIndex)
	var out []undropped
	for _, c := range m.Up {
		if c.Dialect != d {
			continue
		}
		switch c.Kind {
		case declared.CreateTable:
			if t := strings.ToLower(c.Table); !upTables[t] && !downTables[t] {
				out = append(out, undropped{m: m, c: c, table: c.Table})
			}
		case declared.CreateIndex:
			if c.Index.Constraint {
				continue // a constraint of ALTER TABLE goes with its table
			}
			t, name := strings.ToLower(c.Table), strings.ToLower(c.Index.Name)
			if upTables[t] || downTables[t] || (name != "" && (upIndexes[name] || downIndexes[name])) {
				continue
			}
			out = append(out, undropped{m: m, c: c, table: c.Table, index: c.Index.Describe()})
		}
	}
	return out
}

// reportNoDown reports a migration without a down migration that creates
// something.
func (v *view) reportNoDown(m *declared.Migration) {
	var created []string
	seen := map[string]bool{}
	for _, c := range m.Up {
		if !v.configured(c.Dialect) {
			continue
		}
		var what string
		switch c.Kind {
		case declared.CreateTable:
			what = "table " + c.Table
		case declared.CreateIndex:
			what = "index " + c.Index.Describe()
		default:
			continue
		}
		if !seen[what] {
			seen[what] = true
			created = append(created, what)
		}
	}
	if len(created) == 0 {
		return
	}
	pos, end := v.where(m, m)
	kind := "no down function (it is nil)"
	if m.Kind == "sql" {
		kind = "no .down.sql file"
	}
	v.p.Report(lint.Finding{Pos: pos, End: end, Subject: m.Name,
		Message: fmt.Sprintf("migration %s has %s, but creates %s: it cannot be rolled back", migrationName(m), kind, strings.Join(created, ", "))})
}
