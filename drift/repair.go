package drift

import (
	"fmt"
	"slices"
	"strings"

	"ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"

	"github.com/schemalint/schemalint/internal/dsn"
)

// Repairs that make a column NOT NULL must not fail on a table with rows.
// One design for every dialect and both cases (a NOT NULL column without
// a default that is missing, a nullable column the model says is
// notnull): the column is NULL first (added so), its NULLs are backfilled
// with the zero value of its type by an UPDATE marked for review, then it
// is set NOT NULL. A type without a safe zero value (time, JSON, UUID,
// binary, enum, array...) gets no UPDATE: a "-- needs a backfill:"
// comment stands in its place and the finding says so, and on a table
// with rows the SET NOT NULL then fails, which rolls the script back on
// PostgreSQL and SQLite.

// backfillPrefix starts the comment that replaces the UPDATE when no safe
// zero value exists.
const backfillPrefix = "-- needs a backfill: "

// zeroValue returns the SQL literal of the zero value of t, the value the
// model writes for an unset field of that type, when there is a safe one.
func (c *comparer) zeroValue(t *schema.ColumnType) (string, bool) {
	if t == nil {
		return "", false
	}
	if _, enum := t.Type.(*schema.EnumType); enum {
		return "", false // '' is not among an enum's values
	}
	switch describeType(c.dialect, t.Type).class {
	case classInt, classFloat, classDecimal:
		return "0", true
	case classString:
		return "''", true
	case classBool:
		if c.dialect == dsn.SQLite {
			return "0", true // SQLite's booleans are integers
		}
		return "false", true
	}
	return "", false
}

// backfill returns what fills the NULLs of table.column before it becomes
// NOT NULL: an UPDATE to the zero value under a comment asking for review,
// or the needs-a-backfill comment; and the phrase the finding's message
// gets.
func (c *comparer) backfill(table, column string, t *schema.ColumnType) (sqlText, note string) {
	typ := c.spell(t)
	zero, ok := c.zeroValue(t)
	if !ok {
		sqlText = c.handSQL(func() string {
			return fmt.Sprintf("%sset %s on the rows that exist (%s has no safe zero value), or the NOT NULL below fails on a table with rows",
				backfillPrefix, quoteIdent(c.dialect, column), typ)
		}, table, column)
		return sqlText, fmt.Sprintf("needs a backfill: existing rows need a value in %s.%s (no safe zero value for %s) before it can be NOT NULL; the repair SQL says where", table, column, typ)
	}
	col := quoteIdent(c.dialect, column)
	sqlText = c.handSQL(func() string {
		return fmt.Sprintf("-- backfill, review the value: rows that exist get %s, the zero value of %s\nUPDATE %s SET %s = %s WHERE %s IS NULL;",
			zero, typ, c.qualified(table), col, zero, col)
	}, c.fixSchema.Name, table, column)
	return sqlText, fmt.Sprintf("the repair sets existing rows' NULLs to %s (review that value) before NOT NULL", zero)
}

// addNotNullColumn returns the repair that adds col, NOT NULL without a
// default, to lt in the safe steps (add it NULL, backfill, set NOT NULL),
// and the phrase for the finding's message.
func (c *comparer) addNotNullColumn(lt *schema.Table, col *schema.Column) (func() string, string) {
	fill, note := c.backfill(lt.Name, col.Name, col.Type)
	return func() string {
		nullable := cloneColumn(col)
		nullable.Type.Null = true
		add := c.cloneTable(lt)
		add.AddColumns(nullable)
		addSQL := c.planOn(lt, add, true, &schema.ModifyTable{T: add, Changes: []schema.Change{&schema.AddColumn{C: nullable}}})
		set := c.cloneTable(lt)
		to := columnOf(dsn.Postgres, set, col.Name)
		from := cloneColumn(to)
		to.Type.Null = false
		setSQL := c.planOn(lt, set, true, &schema.ModifyTable{T: set, Changes: []schema.Change{
			&schema.ModifyColumn{From: from, To: to, Change: schema.ChangeNull}}})
		return joinSteps(addSQL, fill, setSQL)
	}, note
}

// planOn plans changes that make live table lt into fix; with keep (a
// repair that is not commented out) and when planned, fix is the table
// the next repairs of lt start from.
func (c *comparer) planOn(lt, fix *schema.Table, keep bool, changes ...schema.Change) string {
	sqlText := c.plan(changes...)
	if keep && !strings.HasPrefix(sqlText, "--") {
		if c.working == nil {
			c.working = map[*schema.Table]*schema.Table{}
		}
		c.working[lt] = fix
	}
	return sqlText
}

// joinSteps joins the SQL of the steps of one repair; a step that is
// refused or that Atlas cannot plan stands for the whole repair.
func joinSteps(steps ...string) string {
	for _, s := range steps {
		if strings.HasPrefix(s, "--") && !strings.HasPrefix(s, "-- backfill") && !strings.HasPrefix(s, backfillPrefix) {
			return s
		}
	}
	return strings.Join(steps, "\n")
}

// columnUse finds what names a column: indexes, foreign keys, CHECKs and
// generated columns. Expressions are matched on the name's text, which
// errs towards finding a use.
type columnUse struct{ name string }

func (u columnUse) mentions(expr string) bool {
	expr = strings.ToLower(expr)
	// As written, or quoted with its quotes doubled.
	for _, form := range []string{u.name, quoteIdent(dsn.Postgres, u.name), quoteIdent(dsn.MySQL, u.name)} {
		if strings.Contains(expr, strings.ToLower(form)) {
			return true
		}
	}
	return false
}

func (u columnUse) in(cols []*schema.Column) bool {
	for _, col := range cols {
		if col != nil && strings.EqualFold(col.Name, u.name) {
			return true
		}
	}
	return false
}

func (u columnUse) index(ix *schema.Index) bool {
	if ix == nil {
		return false
	}
	for _, p := range ix.Parts {
		if p.C != nil && strings.EqualFold(p.C.Name, u.name) {
			return true
		}
		if x, ok := p.X.(*schema.RawExpr); ok && u.mentions(x.X) {
			return true
		}
	}
	for _, a := range ix.Attrs {
		if pred, ok := a.(*sqlite.IndexPredicate); ok && u.mentions(pred.P) {
			return true
		}
	}
	return false
}

func (u columnUse) fk(fk *schema.ForeignKey) bool { return u.in(fk.Columns) }

func (u columnUse) check(a schema.Attr) bool {
	ck, ok := a.(*schema.Check)
	return ok && u.mentions(ck.Expr)
}

// sqliteDropsColumn reports whether SQLite's ALTER TABLE ... DROP COLUMN
// (SQLite 3.35 and later) can drop lc from lt: SQLite refuses a column of
// the primary key, of an index (a UNIQUE constraint is one) or its
// predicate, of a foreign key either side, or named by a CHECK or a
// generated column. Those need the table rebuilt.
func (c *comparer) sqliteDropsColumn(lt *schema.Table, lc *schema.Column) bool {
	u := columnUse{lc.Name}
	if u.index(lt.PrimaryKey) || slices.ContainsFunc(lt.Indexes, u.index) ||
		slices.ContainsFunc(lt.ForeignKeys, u.fk) || slices.ContainsFunc(lt.Attrs, u.check) {
		return false
	}
	for _, t := range c.live.Tables {
		for _, fk := range t.ForeignKeys {
			if fk.RefTable != nil && fk.RefTable.Name == lt.Name && u.in(fk.RefColumns) {
				return false
			}
		}
	}
	for _, col := range lt.Columns {
		for _, a := range col.Attrs {
			if g, ok := a.(*schema.GeneratedExpr); ok && col != lc && u.mentions(g.Expr) || u.check(a) {
				return false
			}
		}
	}
	return true
}

// withoutColumnUses removes from fix, a table losing column name, the
// indexes, foreign keys and CHECKs that name it: a rebuild cannot keep
// them, and PostgreSQL and MySQL drop them with the column too.
func withoutColumnUses(fix *schema.Table, name string) {
	u := columnUse{name}
	fix.Indexes = slices.DeleteFunc(fix.Indexes, u.index)
	fix.ForeignKeys = slices.DeleteFunc(fix.ForeignKeys, u.fk)
	fix.Attrs = slices.DeleteFunc(fix.Attrs, u.check)
}
