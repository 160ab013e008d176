package live

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"ariga.io/atlas/sql/postgres"
	"ariga.io/atlas/sql/schema"
)

// PostgreSQL: two of Atlas's queries cost nearly all of its inspection time.
//
// The indexes query joins every index column of the schema's tables with a
// subquery that aggregates the whole of pg_constraint into JSON per index.
// With 1,000 tables the planner estimates one row where there are 6,000, so
// it picks a nested loop and runs that aggregate 6,000 times (6 million
// jsonb_object_agg rows): 8.4 s of the 13.4 s Atlas needs. The replacement
// selects the schema's indexes first and aggregates only their constraints,
// once (MATERIALIZED CTEs keep the planner from undoing that), and reads
// index comments by a join instead of one obj_description call per row.
//
// The columns query reads information_schema.columns, a view that builds a
// whole pg_attribute and pg_type row for each of its seven helper-function
// calls per column, and calls col_description once per column: 0.54 s. The
// replacement reads pg_catalog directly with the view's own definition of
// every value Atlas reads (the same information_schema helper functions,
// the same privilege filter), computes what depends only on the type once
// per type, and reads comments by a join: 0.12 s.
//
// Both return exactly the rows of Atlas's queries, in the same order; the
// tests run both on the same databases and compare every row.

// pgArgs writes PostgreSQL placeholders $leading+1 ... $leading+n as
// Atlas's nArgs does.
func pgArgs(leading, n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		if i > 1 {
			b.WriteString(", ")
		}
		b.WriteByte('$')
		b.WriteString(strconv.Itoa(leading + i))
	}
	return b.String()
}

// pgShortcuts returns the PostgreSQL shortcuts. Atlas picks one of three
// index queries by server version; each gets its replacement, built with the
// same version-dependent expressions.
func pgShortcuts() []shortcut {
	byArray := func(fast string) func([]any, []string) (string, []any) {
		return func(leading []any, tables []string) (string, []any) {
			return fast, []any{leading[0], tables}
		}
	}
	s := []shortcut{
		inListShortcut("postgres columns", atlasPGColumnsQuery, 1, pgArgs, byArray(pgColumnsQuery)),
	}
	for _, v := range pgIndexVariants {
		s = append(s, inListShortcut("postgres indexes ("+v.name+")",
			fmt.Sprintf(atlasPGIndexesQueryTmpl, v.included, v.nullsNotDistinct, "%s"), 1, pgArgs,
			byArray(fmt.Sprintf(pgIndexesQueryTmpl, v.included, v.nullsNotDistinct))))
	}
	return s
}

// pgIndexVariants are the expressions Atlas v1.2.3 puts into its indexes
// query for PostgreSQL 10, 11–14 and 15+ (indexesBelow11, indexesAbove11,
// indexesAbove15 in sql/postgres/inspect.go).
var pgIndexVariants = []struct{ name, included, nullsNotDistinct string }{
	{"PostgreSQL 10", "false", "false"},
	{"PostgreSQL 11-14", "(a.attname <> '' AND idx.indnatts > idx.indnkeyatts AND idx.ord > idx.indnkeyatts)", "false"},
	{"PostgreSQL 15+", "(a.attname <> '' AND idx.indnatts > idx.indnkeyatts AND idx.ord > idx.indnkeyatts)", "idx.indnullsnotdistinct"},
}

// sortPGConstraints puts the postgres.Constraint attributes of every index
// in name order. Atlas adds them while ranging over a Go map, so their order
// changes from one run to the next; a fixed order makes the result
// deterministic (any order is one Atlas itself could have produced).
func sortPGConstraints(s *schema.Schema) {
	for _, t := range s.Tables {
		idxs := t.Indexes
		if t.PrimaryKey != nil {
			idxs = append(slices.Clip(idxs), t.PrimaryKey)
		}
		for _, idx := range idxs {
			sortConstraintRun(idx.Attrs)
		}
	}
}

// sortConstraintRun sorts the consecutive *postgres.Constraint attributes in
// attrs, where Atlas appends them, leaving everything else in place.
func sortConstraintRun(attrs []schema.Attr) {
	start := slices.IndexFunc(attrs, func(a schema.Attr) bool { _, ok := a.(*postgres.Constraint); return ok })
	if start < 0 {
		return
	}
	end := start
	for end < len(attrs) {
		if _, ok := attrs[end].(*postgres.Constraint); !ok {
			break
		}
		end++
	}
	slices.SortStableFunc(attrs[start:end], func(a, b schema.Attr) int {
		ca, cb := a.(*postgres.Constraint), b.(*postgres.Constraint)
		return strings.Compare(ca.N+"\x00"+ca.T, cb.N+"\x00"+cb.T)
	})
}

// pgNoJIT turns JIT compilation off for the rest of the transaction, where
// the server has it.
const pgNoJIT = `SELECT set_config('jit', 'off', true) WHERE current_setting('jit', true) IS NOT NULL`

// The queries below replace Atlas's. $1 is the schema name, $2 the array of
// table names Atlas lists in its IN clause.
const (
	pgColumnsQuery = `
WITH cols AS MATERIALIZED (
	SELECT
		nc.nspname,
		c.relname,
		a.attname,
		a.attnum,
		a.atttypid,
		a.atttypmod,
		a.attnotnull,
		a.attidentity,
		a.attgenerated,
		pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) AS expr,
		co.collname,
		seq.seqstart,
		seq.seqincrement,
		d.description
	FROM
		pg_catalog.pg_attribute AS a
		JOIN pg_catalog.pg_class AS c ON c.oid = a.attrelid
		JOIN pg_catalog.pg_namespace AS nc ON nc.oid = c.relnamespace
		LEFT JOIN pg_catalog.pg_attrdef AS ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
		LEFT JOIN (pg_catalog.pg_collation AS co JOIN pg_catalog.pg_namespace AS nco ON nco.oid = co.collnamespace)
			ON co.oid = a.attcollation AND (nco.nspname <> 'pg_catalog' OR co.collname <> 'default')
		LEFT JOIN (pg_catalog.pg_depend AS dep JOIN pg_catalog.pg_sequence AS seq
			ON dep.classid = 'pg_catalog.pg_class'::regclass AND dep.objid = seq.seqrelid AND dep.deptype = 'i')
			ON dep.refclassid = 'pg_catalog.pg_class'::regclass AND dep.refobjid = c.oid AND dep.refobjsubid = a.attnum
		LEFT JOIN pg_catalog.pg_description AS d
			ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = a.attnum
	WHERE
		nc.nspname = $1
		AND c.relname = ANY ($2::text[])
		-- The rows information_schema.columns shows.
		AND c.relkind IN ('r', 'v', 'f', 'p')
		AND a.attnum > 0
		AND NOT a.attisdropped
		AND NOT pg_is_other_temp_schema(nc.oid)
		AND (pg_has_role(c.relowner, 'USAGE') OR has_column_privilege(c.oid, a.attnum, 'SELECT, INSERT, UPDATE, REFERENCES'))
), types AS MATERIALIZED (
	-- What depends only on the type is computed once per type, not once
	-- per column: 18,000 columns of 1,000 tables have a dozen types.
	SELECT
		x.atttypid,
		x.atttypmod,
		t.typtype,
		t.typelem,
		t.typnotnull,
		CASE
			WHEN t.typtype = 'd' THEN (
				CASE
					WHEN bt.typelem <> 0 AND bt.typlen = -1 THEN 'ARRAY'
					WHEN nbt.nspname = 'pg_catalog' THEN pg_catalog.format_type(t.typbasetype, NULL)
					ELSE 'USER-DEFINED'
				END
			)
			ELSE (
				CASE
					WHEN t.typelem <> 0 AND t.typlen = -1 THEN 'ARRAY'
					WHEN nt.nspname = 'pg_catalog' THEN pg_catalog.format_type(x.atttypid, NULL)
					ELSE 'USER-DEFINED'
				END
			)
		END AS data_type,
		pg_catalog.format_type(x.atttypid, x.atttypmod) AS format_type,
		information_schema._pg_char_max_length(tt.id, tt.mod) AS character_maximum_length,
		information_schema._pg_numeric_precision(tt.id, tt.mod) AS numeric_precision,
		information_schema._pg_datetime_precision(tt.id, tt.mod) AS datetime_precision,
		information_schema._pg_numeric_scale(tt.id, tt.mod) AS numeric_scale,
		information_schema._pg_interval_type(tt.id, tt.mod) AS interval_type
	FROM
		(SELECT DISTINCT atttypid, atttypmod FROM cols) AS x
		JOIN pg_catalog.pg_type AS t ON t.oid = x.atttypid
		JOIN pg_catalog.pg_namespace AS nt ON nt.oid = t.typnamespace
		LEFT JOIN (pg_catalog.pg_type AS bt JOIN pg_catalog.pg_namespace AS nbt ON nbt.oid = bt.typnamespace)
			ON t.typtype = 'd' AND bt.oid = t.typbasetype
		-- The "true" type and modifier of information_schema._pg_truetypid
		-- and _pg_truetypmod, without building whole rows to pass to them.
		CROSS JOIN LATERAL (SELECT
			CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE x.atttypid END,
			CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE x.atttypmod END
		) AS tt (id, mod)
)
SELECT
	cols.relname AS table_name,
	cols.attname AS column_name,
	types.data_type,
	types.format_type,
	CASE WHEN cols.attnotnull OR types.typtype = 'd' AND types.typnotnull THEN 'NO' ELSE 'YES' END AS is_nullable,
	CASE WHEN cols.attgenerated = '' THEN cols.expr END AS column_default,
	types.character_maximum_length,
	types.numeric_precision,
	types.datetime_precision,
	types.numeric_scale,
	types.interval_type,
	NULL::name AS character_set_name,
	cols.collname AS collation_name,
	CASE WHEN cols.attidentity IN ('a', 'd') THEN 'YES' ELSE 'NO' END AS is_identity,
	cols.seqstart::text AS identity_start,
	cols.seqincrement::text AS identity_increment,
	(CASE WHEN cols.attidentity IN ('a', 'd') THEN (SELECT last_value FROM pg_sequences WHERE quote_ident(schemaname) || '.' || quote_ident(sequencename) = pg_get_serial_sequence(quote_ident(cols.nspname) || '.' || quote_ident(cols.relname), cols.attname)) END) AS identity_last,
	CASE cols.attidentity WHEN 'a' THEN 'ALWAYS' WHEN 'd' THEN 'BY DEFAULT' END AS identity_generation,
	CASE WHEN cols.attgenerated <> '' THEN cols.expr END AS generation_expression,
	cols.description AS comment,
	types.typtype,
	types.typelem,
	cols.atttypid AS oid,
	cols.attnum
FROM
	cols
	JOIN types ON types.atttypid = cols.atttypid AND types.atttypmod = cols.atttypmod
ORDER BY
	cols.relname, cols.attnum
`

	// pgIndexesQueryTmpl takes the "included" and "indnullsnotdistinct"
	// expressions of the server version, as Atlas's template does.
	pgIndexesQueryTmpl = `
WITH idx AS MATERIALIZED (
	SELECT
		i.*,
		generate_series(1, array_length(i.indkey, 1)) AS ord,
		unnest(i.indkey) AS key
	FROM
		pg_index i
		JOIN pg_class t ON t.oid = i.indrelid
		JOIN pg_namespace n ON n.oid = t.relnamespace
	WHERE
		n.nspname = $1
		AND t.relname = ANY ($2::text[])
), con AS MATERIALIZED (
	SELECT conindid, jsonb_object_agg(conname, contype) AS nametypes
	FROM pg_constraint
	WHERE conindid IN (SELECT indexrelid FROM idx)
	GROUP BY conindid
)
SELECT
	t.relname AS table_name,
	i.relname AS index_name,
	am.amname AS index_type,
	a.attname AS column_name,
	%s AS included,
	idx.indisprimary AS primary,
	idx.indisunique AS unique,
	(CASE WHEN idx.indisexclusion THEN (SELECT conexclop[idx.ord]::regoper FROM pg_constraint WHERE conindid = idx.indexrelid) END) AS excoper,
	con.nametypes AS constraints,
	pg_get_expr(idx.indpred, idx.indrelid) AS predicate,
	pg_get_indexdef(idx.indexrelid, idx.ord, false) AS expression,
	pg_index_column_has_property(idx.indexrelid, idx.ord, 'desc') AS isdesc,
	pg_index_column_has_property(idx.indexrelid, idx.ord, 'nulls_first') AS nulls_first,
	pg_index_column_has_property(idx.indexrelid, idx.ord, 'nulls_last') AS nulls_last,
	d.description AS comment,
	i.reloptions AS options,
	op.opcname AS opclass_name,
	op.opcnamespace::regnamespace::text AS opclass_schema,
	op.opcdefault AS opclass_default,
	a2.attoptions AS opclass_params,
	%s AS indnullsnotdistinct
FROM
	idx
	JOIN pg_class i ON i.oid = idx.indexrelid
	JOIN pg_class t ON t.oid = idx.indrelid
	LEFT JOIN con ON con.conindid = idx.indexrelid
	LEFT JOIN pg_attribute a ON (a.attrelid, a.attnum) = (idx.indrelid, idx.key)
	JOIN pg_am am ON am.oid = i.relam
	LEFT JOIN pg_opclass op ON op.oid = idx.indclass[idx.ord-1]
	LEFT JOIN pg_attribute a2 ON (a2.attrelid, a2.attnum) = (idx.indexrelid, idx.ord)
	LEFT JOIN pg_description d ON d.objoid = i.oid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = 0
ORDER BY
	table_name, index_name, idx.ord
`
)
