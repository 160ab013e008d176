package ddl

import (
	"strings"
	"testing"
)

// parseCases are statements of every construct in each dialect, with the
// summary (see summary) of what they parse to.
var parseCases = []struct {
	d    Dialect
	src  string
	want string
}{
	// CREATE INDEX
	{Postgres, "CREATE INDEX idx_users_app_email ON users (app_id, email)",
		"CreateIndex{Name:\"idx_users_app_email\" Table:\"users\" Parts:[{Column:\"app_id\"} {Column:\"email\"}]}"},
	{Postgres, "CREATE UNIQUE INDEX idx_apps_slug_unique ON apps (slug) WHERE deleted_at IS NULL",
		"CreateIndex{Name:\"idx_apps_slug_unique\" Table:\"apps\" Unique:true Parts:[{Column:\"slug\"}] Where:\"deleted_at IS NULL\"}"},
	{Postgres, "create unique index concurrently if not exists \"Idx_A\" on only public.Users using GIN (lower(email) text_pattern_ops desc nulls last, (a || b), c collate \"C\" jsonb_path_ops(siglen=32)) include (x, \"Y\") nulls not distinct with (fillfactor = 70,deduplicate_items=off) tablespace fast where deleted_at is null and (a > 1)",
		"CreateIndex{Name:q\"Idx_A\" Table:\"public.users\" Unique:true Concurrently:true IfNotExists:true Only:true Using:\"gin\" Parts:[{Expr:\"lower(email)\" OpClass:\"text_pattern_ops\" Desc:true Nulls:\"LAST\"} {Expr:\"(a || b)\"} {Column:\"c\" Collate:\"C\" OpClass:\"jsonb_path_ops(siglen=32)\"}] Include:[\"x\" \"Y\"] NullsNotDistinct:true With:\"fillfactor = 70, deduplicate_items=off\" Tablespace:\"fast\" Where:\"deleted_at is null and (a > 1)\"}"},
	{Postgres, "CREATE INDEX ON t (a)",
		"CreateIndex{Table:\"t\" Parts:[{Column:\"a\"}]}"},
	{Postgres, "CREATE INDEX CONCURRENTLY ON \"T\" USING btree (a NULLS FIRST)",
		"CreateIndex{Table:q\"T\" Concurrently:true Using:\"btree\" Parts:[{Column:\"a\" Nulls:\"FIRST\"}]}"},
	{Postgres, "CREATE INDEX i ON t (pg_catalog.lower(a), (a::text), coalesce(a, b) DESC)",
		"CreateIndex{Name:\"i\" Table:\"t\" Parts:[{Expr:\"pg_catalog.lower(a)\"} {Expr:\"(a::text)\"} {Expr:\"coalesce(a, b)\" Desc:true}]}"},
	{Postgres, "CREATE INDEX i ON t USING gist (geom) WITH (buffering = auto)",
		"CreateIndex{Name:\"i\" Table:\"t\" Using:\"gist\" Parts:[{Column:\"geom\"}] With:\"buffering = auto\"}"},
	{MySQL, "CREATE UNIQUE INDEX idx_apps_slug_unique ON apps (slug, not_deleted)",
		"CreateIndex{Name:\"idx_apps_slug_unique\" Table:\"apps\" Unique:true Parts:[{Column:\"slug\"} {Column:\"not_deleted\"}]}"},
	{MySQL, "CREATE INDEX `Idx` ON `db`.`T` (`Name`(10) DESC, ((lower(email))), b ASC)",
		"CreateIndex{Name:q\"Idx\" Table:q\"db.T\" Parts:[{Column:\"Name\" PrefixLen:10 Desc:true} {Expr:\"((lower(email)))\"} {Column:\"b\"}]}"},
	{MySQL, "CREATE FULLTEXT INDEX ft ON posts (title, body) WITH PARSER ngram",
		"CreateIndex{Name:\"ft\" Table:\"posts\" Type:\"FULLTEXT\" Parts:[{Column:\"title\"} {Column:\"body\"}] Options:\"WITH PARSER ngram\"}"},
	{MySQL, "CREATE SPATIAL INDEX sp ON places (pos)",
		"CreateIndex{Name:\"sp\" Table:\"places\" Type:\"SPATIAL\" Parts:[{Column:\"pos\"}]}"},
	{MySQL, "CREATE INDEX i USING HASH ON t (a)",
		"CreateIndex{Name:\"i\" Table:\"t\" Using:\"hash\" Parts:[{Column:\"a\"}]}"},
	{MySQL, "CREATE INDEX i ON t (a) USING BTREE COMMENT 'x' INVISIBLE ALGORITHM = INPLACE LOCK = NONE",
		"CreateIndex{Name:\"i\" Table:\"t\" Using:\"btree\" Parts:[{Column:\"a\"}] Options:\"COMMENT 'x' INVISIBLE ALGORITHM = INPLACE LOCK = NONE\"}"},
	{MySQL, "CREATE ONLINE UNIQUE INDEX IF NOT EXISTS i ON t (a)",
		"CreateIndex{Name:\"i\" Table:\"t\" Unique:true IfNotExists:true Parts:[{Column:\"a\"}]}"},
	{MySQL, "CREATE INDEX \"i\" ON \"t\" (\"a\")",
		"CreateIndex{Name:q\"i\" Table:q\"t\" Parts:[{Column:\"a\"}]}"},
	{SQLite, "CREATE UNIQUE INDEX IF NOT EXISTS main.i ON t (a + b COLLATE NOCASE DESC, [c], `d`, \"E\") WHERE x IS NOT NULL",
		"CreateIndex{Name:\"main.i\" Table:\"t\" Unique:true IfNotExists:true Parts:[{Expr:\"a + b\" Collate:\"NOCASE\" Desc:true} {Column:\"c\"} {Column:\"d\"} {Column:\"E\"}] Where:\"x IS NOT NULL\"}"},
	{SQLite, "CREATE INDEX i ON t (lower(name), a COLLATE BINARY ASC)",
		"CreateIndex{Name:\"i\" Table:\"t\" Parts:[{Expr:\"lower(name)\"} {Column:\"a\" Collate:\"BINARY\"}]}"},
	// CREATE TABLE
	{Postgres, "CREATE TABLE IF NOT EXISTS \"users\" (\"id\" varchar(20) NOT NULL, \"n\" numeric (10, 2) DEFAULT 0.5, tags text[] DEFAULT '{}'::text[], created_at timestamp with time zone NOT NULL DEFAULT current_timestamp, PRIMARY KEY (\"id\"))",
		"CreateTable{Name:q\"users\" IfNotExists:true Columns:[{Name:\"id\" Type:\"varchar(20)\" NotNull:true} {Name:\"n\" Type:\"numeric(10, 2)\" Default:\"0.5\"} {Name:\"tags\" Type:\"text[]\" Default:\"'{}'::text[]\"} {Name:\"created_at\" Type:\"timestamp with time zone\" NotNull:true Default:\"current_timestamp\"}] Constraints:[{Type:\"PRIMARY KEY\" Columns:[{Column:\"id\"}]}]}"},
	{Postgres, "CREATE TABLE t (org_id varchar(20) CONSTRAINT fk_org REFERENCES orgs (id) ON DELETE SET NULL ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED, parent_id int REFERENCES t, x int NOT NULL CHECK (x > 0) UNIQUE, g int GENERATED ALWAYS AS (x + 1) STORED, i bigint GENERATED BY DEFAULT AS IDENTITY (START WITH 10), j int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, d double precision, v character varying(5) COLLATE \"de_DE\", s int STORAGE PLAIN)",
		"CreateTable{Name:\"t\" Columns:[{Name:\"org_id\" Type:\"varchar(20)\" References:{Name:\"fk_org\" Table:\"orgs\" Columns:[\"id\"] OnDelete:\"SET NULL\" OnUpdate:\"CASCADE\" Deferrable:true InitiallyDeferred:true}} {Name:\"parent_id\" Type:\"int\" References:{Table:\"t\"}} {Name:\"x\" Type:\"int\" NotNull:true Unique:true Checks:[\"x > 0\"]} {Name:\"g\" Type:\"int\" Generated:{Expr:\"x + 1\" Storage:\"STORED\"}} {Name:\"i\" Type:\"bigint\" Identity:\"BY DEFAULT\"} {Name:\"j\" Type:\"int\" PrimaryKey:true Identity:\"ALWAYS\"} {Name:\"d\" Type:\"double precision\"} {Name:\"v\" Type:\"character varying(5)\" Collate:\"de_DE\"} {Name:\"s\" Type:\"int\" Extra:[\"STORAGE PLAIN\"]}]}"},
	{Postgres, "CREATE TABLE s.t (a int, b int, CONSTRAINT u UNIQUE NULLS NOT DISTINCT (a, b) INCLUDE (c) WITH (fillfactor=70), FOREIGN KEY (a, b) REFERENCES x (c, d) MATCH FULL ON DELETE CASCADE ON UPDATE SET NULL (a), CONSTRAINT ck CHECK (a > b) NO INHERIT, EXCLUDE USING gist (c WITH &&), CONSTRAINT pk PRIMARY KEY (a)) WITH (fillfactor=70) TABLESPACE t",
		"CreateTable{Name:\"s.t\" Columns:[{Name:\"a\" Type:\"int\"} {Name:\"b\" Type:\"int\"}] Constraints:[{Type:\"UNIQUE\" Name:\"u\" Columns:[{Column:\"a\"} {Column:\"b\"}] Include:[\"c\"] NullsNotDistinct:true Options:\"WITH (fillfactor=70)\"} {Type:\"FOREIGN KEY\" Columns:[{Column:\"a\"} {Column:\"b\"}] References:{Table:\"x\" Columns:[\"c\" \"d\"] Match:\"FULL\" OnDelete:\"CASCADE\" OnUpdate:\"SET NULL (a)\"}} {Type:\"CHECK\" Name:\"ck\" Check:\"a > b\"} {Type:\"EXCLUDE\" Check:\"USING gist (c WITH &&)\"} {Type:\"PRIMARY KEY\" Name:\"pk\" Columns:[{Column:\"a\"}]}] Options:\"WITH (fillfactor=70) TABLESPACE t\"}"},
	{Postgres, "CREATE TABLE t (a int DEFAULT CASE WHEN true THEN 1 ELSE NULL END NOT NULL, b text DEFAULT NULL, c text DEFAULT 'x' NULL)",
		"CreateTable{Name:\"t\" Columns:[{Name:\"a\" Type:\"int\" NotNull:true Default:\"CASE WHEN true THEN 1 ELSE NULL END\"} {Name:\"b\" Type:\"text\" Default:\"NULL\"} {Name:\"c\" Type:\"text\" Null:true Default:\"'x'\"}]}"},
	{Postgres, "CREATE TEMP TABLE t ()",
		"CreateTable{Name:\"t\" Temporary:true}"},
	{Postgres, "CREATE UNLOGGED TABLE t (key text, index int, exclude int)",
		"CreateTable{Name:\"t\" Unlogged:true Columns:[{Name:\"key\" Type:\"text\"} {Name:\"index\" Type:\"int\"} {Name:\"exclude\" Type:\"int\"}]}"},
	{Postgres, "CREATE TABLE t AS SELECT 1",
		"Unknown{Keywords:\"CREATE TABLE AS\" Text:\"CREATE TABLE t AS SELECT 1\"}"},
	{Postgres, "CREATE TABLE t PARTITION OF p FOR VALUES IN (1)",
		"Unknown{Keywords:\"CREATE TABLE PARTITION OF\" Text:\"CREATE TABLE t PARTITION OF p FOR VALUES IN (1)\"}"},
	{Postgres, "CREATE TABLE t (LIKE u INCLUDING ALL)",
		"Unknown{Keywords:\"CREATE TABLE LIKE\" Text:\"CREATE TABLE t (LIKE u INCLUDING ALL)\"}"},
	{MySQL, "CREATE TABLE `t` (`id` int unsigned NOT NULL AUTO_INCREMENT COMMENT 'pk', `ts` timestamp NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP, name varchar(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL, nd tinyint AS (IF(deleted_at IS NULL, 1, NULL)) VIRTUAL, e enum('a','b') DEFAULT 'a', h int INVISIBLE, PRIMARY KEY (`id`), UNIQUE KEY `uk` (`name`(10)), KEY `k` USING BTREE (ts), INDEX (e), FULLTEXT KEY ft (name), CONSTRAINT `fk` FOREIGN KEY (`a`) REFERENCES `o` (`id`) ON DELETE CASCADE, CONSTRAINT c CHECK (h > 0) NOT ENFORCED) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4",
		"CreateTable{Name:q\"t\" Columns:[{Name:\"id\" Type:\"int unsigned\" NotNull:true AutoIncrement:true Comment:\"'pk'\"} {Name:\"ts\" Type:\"timestamp\" Null:true Default:\"CURRENT_TIMESTAMP\" OnUpdate:\"CURRENT_TIMESTAMP\"} {Name:\"name\" Type:\"varchar(20)\" NotNull:true Collate:\"utf8mb4_bin\" Charset:\"utf8mb4\"} {Name:\"nd\" Type:\"tinyint\" Generated:{Expr:\"IF(deleted_at IS NULL, 1, NULL)\" Storage:\"VIRTUAL\"}} {Name:\"e\" Type:\"enum('a', 'b')\" Default:\"'a'\"} {Name:\"h\" Type:\"int\" Invisible:true}] Constraints:[{Type:\"PRIMARY KEY\" Columns:[{Column:\"id\"}]} {Type:\"UNIQUE\" Name:\"uk\" Columns:[{Column:\"name\" PrefixLen:10}]} {Type:\"INDEX\" Name:\"k\" Using:\"btree\" Columns:[{Column:\"ts\"}]} {Type:\"INDEX\" Columns:[{Column:\"e\"}]} {Type:\"INDEX\" Name:\"ft\" IndexType:\"FULLTEXT\" Columns:[{Column:\"name\"}]} {Type:\"FOREIGN KEY\" Name:\"fk\" Columns:[{Column:\"a\"}] References:{Table:q\"o\" Columns:[\"id\"] OnDelete:\"CASCADE\"}} {Type:\"CHECK\" Name:\"c\" Check:\"h > 0\"}] Options:\"ENGINE=InnoDB DEFAULT CHARSET=utf8mb4\"}"},
	{MySQL, "CREATE TABLE t (id int KEY, u int UNIQUE KEY, g int GENERATED ALWAYS AS (id * 2) STORED, p int AS (id) PERSISTENT, FOREIGN KEY fk_name (u) REFERENCES o (id), UNIQUE INDEX ux (g) COMMENT 'c')",
		"CreateTable{Name:\"t\" Columns:[{Name:\"id\" Type:\"int\" PrimaryKey:true} {Name:\"u\" Type:\"int\" Unique:true} {Name:\"g\" Type:\"int\" Generated:{Expr:\"id * 2\" Storage:\"STORED\"}} {Name:\"p\" Type:\"int\" Generated:{Expr:\"id\" Storage:\"STORED\"}}] Constraints:[{Type:\"FOREIGN KEY\" Name:\"fk_name\" Columns:[{Column:\"u\"}] References:{Table:\"o\" Columns:[\"id\"]}} {Type:\"UNIQUE\" Name:\"ux\" Columns:[{Column:\"g\"}] Options:\"COMMENT 'c'\"}]}"},
	{MySQL, "CREATE TABLE t LIKE u",
		"Unknown{Keywords:\"CREATE TABLE LIKE\" Text:\"CREATE TABLE t LIKE u\"}"},
	{SQLite, "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, a, b TEXT NOT NULL ON CONFLICT REPLACE, c AS (a * 2) STORED, d TEXT GENERATED ALWAYS AS (lower(b)) VIRTUAL, e INTEGER PRIMARY KEY DESC, UNIQUE (a, b) ON CONFLICT IGNORE, FOREIGN KEY (a) REFERENCES p (id) ON DELETE CASCADE) WITHOUT ROWID, STRICT",
		"CreateTable{Name:\"t\" Columns:[{Name:\"id\" Type:\"INTEGER\" PrimaryKey:true AutoIncrement:true} {Name:\"a\"} {Name:\"b\" Type:\"TEXT\" NotNull:true Extra:[\"ON CONFLICT REPLACE\"]} {Name:\"c\" Generated:{Expr:\"a * 2\" Storage:\"STORED\"}} {Name:\"d\" Type:\"TEXT\" Generated:{Expr:\"lower(b)\" Storage:\"VIRTUAL\"}} {Name:\"e\" Type:\"INTEGER\" PrimaryKey:true Extra:[\"PRIMARY KEY DESC\"]}] Constraints:[{Type:\"UNIQUE\" Columns:[{Column:\"a\"} {Column:\"b\"}] Options:\"ON CONFLICT IGNORE\"} {Type:\"FOREIGN KEY\" Columns:[{Column:\"a\"}] References:{Table:\"p\" Columns:[\"id\"] OnDelete:\"CASCADE\"}}] Options:\"WITHOUT ROWID, STRICT\"}"},
	{SQLite, "CREATE TABLE IF NOT EXISTS \"t\" ([id] TEXT, `b` varchar (20))",
		"CreateTable{Name:q\"t\" IfNotExists:true Columns:[{Name:\"id\" Type:\"TEXT\"} {Name:\"b\" Type:\"varchar(20)\"}]}"},
	// ALTER TABLE
	{MySQL, "ALTER TABLE apps ADD COLUMN not_deleted TINYINT AS (IF(deleted_at IS NULL, 1, NULL)) VIRTUAL",
		"AlterTable{Table:\"apps\" Actions:[AddColumn{Column:{Name:\"not_deleted\" Type:\"TINYINT\" Generated:{Expr:\"IF(deleted_at IS NULL, 1, NULL)\" Storage:\"VIRTUAL\"}}}]}"},
	{Postgres, "ALTER TABLE IF EXISTS ONLY users ADD COLUMN IF NOT EXISTS x int NOT NULL DEFAULT 1, DROP COLUMN IF EXISTS y CASCADE, ADD CONSTRAINT fk FOREIGN KEY (o) REFERENCES orgs(id) NOT VALID, DROP CONSTRAINT IF EXISTS c RESTRICT, ALTER COLUMN z SET NOT NULL, ALTER z DROP DEFAULT, ALTER COLUMN z TYPE bigint USING z::bigint, ALTER COLUMN z SET DATA TYPE varchar (30) COLLATE \"C\", ALTER COLUMN z SET DEFAULT now(), ALTER COLUMN z DROP NOT NULL, ALTER COLUMN z SET STATISTICS 100, ENABLE ROW LEVEL SECURITY",
		"AlterTable{Table:\"users\" IfExists:true Only:true Actions:[AddColumn{IfNotExists:true Column:{Name:\"x\" Type:\"int\" NotNull:true Default:\"1\"}} DropColumn{IfExists:true Name:\"y\" Behavior:\"CASCADE\"} AddConstraint{Constraint:{Type:\"FOREIGN KEY\" Name:\"fk\" Columns:[{Column:\"o\"}] References:{Table:\"orgs\" Columns:[\"id\"]} NotValid:true}} DropConstraint{IfExists:true Name:\"c\" Behavior:\"RESTRICT\"} AlterColumn{Column:\"z\" Action:\"SET NOT NULL\"} AlterColumn{Column:\"z\" Action:\"DROP DEFAULT\"} AlterColumn{Column:\"z\" Action:\"TYPE\" Type:\"bigint\" Using:\"z::bigint\"} AlterColumn{Column:\"z\" Action:\"TYPE\" Type:\"varchar(30)\" Collate:\"C\"} AlterColumn{Column:\"z\" Action:\"SET DEFAULT\" Default:\"now()\"} AlterColumn{Column:\"z\" Action:\"DROP NOT NULL\"} OtherAction{Keywords:\"ALTER COLUMN\" Text:\"ALTER COLUMN z SET STATISTICS 100\"} OtherAction{Keywords:\"ENABLE\" Text:\"ENABLE ROW LEVEL SECURITY\"}]}"},
	{Postgres, "ALTER TABLE t ADD UNIQUE (a, b), ADD PRIMARY KEY (id), ADD CONSTRAINT u UNIQUE USING INDEX i, ADD CHECK (a > 0) NOT VALID, ADD x int",
		"AlterTable{Table:\"t\" Actions:[AddConstraint{Constraint:{Type:\"UNIQUE\" Columns:[{Column:\"a\"} {Column:\"b\"}]}} AddConstraint{Constraint:{Type:\"PRIMARY KEY\" Columns:[{Column:\"id\"}]}} AddConstraint{Constraint:{Type:\"UNIQUE\" Name:\"u\" UsingIndex:\"i\"}} AddConstraint{Constraint:{Type:\"CHECK\" Check:\"a > 0\" NotValid:true}} AddColumn{Column:{Name:\"x\" Type:\"int\"}}]}"},
	{Postgres, "ALTER TABLE t RENAME COLUMN a TO b",
		"AlterTable{Table:\"t\" Actions:[RenameColumn{From:\"a\" To:\"b\"}]}"},
	{Postgres, "ALTER TABLE t RENAME a TO \"B\"",
		"AlterTable{Table:\"t\" Actions:[RenameColumn{From:\"a\" To:\"B\"}]}"},
	{Postgres, "ALTER TABLE t RENAME CONSTRAINT a TO b",
		"AlterTable{Table:\"t\" Actions:[RenameColumn{From:\"a\" To:\"b\" Constraint:true}]}"},
	{Postgres, "ALTER TABLE t RENAME TO u",
		"AlterTable{Table:\"t\" Actions:[RenameTable{To:\"u\"}]}"},
	{Postgres, "ALTER TABLE t DROP key, OWNER TO bob",
		"AlterTable{Table:\"t\" Actions:[DropColumn{Name:\"key\"} OtherAction{Keywords:\"OWNER\" Text:\"OWNER TO bob\"}]}"},
	{MySQL, "ALTER TABLE t ADD UNIQUE INDEX ui (a), ADD INDEX (b), ADD FULLTEXT KEY f (c), DROP INDEX k, DROP KEY k2, DROP FOREIGN KEY fk, DROP PRIMARY KEY, DROP CHECK ck, RENAME INDEX a TO b, RENAME KEY c TO d, MODIFY COLUMN c varchar(30) NOT NULL AFTER a, CHANGE d e int FIRST, ADD (f int, g int), ALTER COLUMN h SET DEFAULT 1, ALTER h DROP DEFAULT, ALTER COLUMN h SET INVISIBLE, ALTER INDEX i INVISIBLE, ALGORITHM=INPLACE, LOCK=NONE",
		"AlterTable{Table:\"t\" Actions:[AddConstraint{Constraint:{Type:\"UNIQUE\" Name:\"ui\" Columns:[{Column:\"a\"}]}} AddConstraint{Constraint:{Type:\"INDEX\" Columns:[{Column:\"b\"}]}} AddConstraint{Constraint:{Type:\"INDEX\" Name:\"f\" IndexType:\"FULLTEXT\" Columns:[{Column:\"c\"}]}} DropConstraint{Type:\"INDEX\" Name:\"k\"} DropConstraint{Type:\"INDEX\" Name:\"k2\"} DropConstraint{Type:\"FOREIGN KEY\" Name:\"fk\"} DropConstraint{Type:\"PRIMARY KEY\"} DropConstraint{Type:\"CHECK\" Name:\"ck\"} RenameIndex{From:\"a\" To:\"b\"} RenameIndex{From:\"c\" To:\"d\"} ModifyColumn{OldName:\"c\" Column:{Name:\"c\" Type:\"varchar(30)\" NotNull:true} After:\"a\"} ModifyColumn{OldName:\"d\" Column:{Name:\"e\" Type:\"int\"} First:true} AddColumn{Column:{Name:\"f\" Type:\"int\"}} AddColumn{Column:{Name:\"g\" Type:\"int\"}} AlterColumn{Column:\"h\" Action:\"SET DEFAULT\" Default:\"1\"} AlterColumn{Column:\"h\" Action:\"DROP DEFAULT\"} AlterColumn{Column:\"h\" Action:\"SET INVISIBLE\"} OtherAction{Keywords:\"ALTER INDEX\" Text:\"ALTER INDEX i INVISIBLE\"} OtherAction{Keywords:\"ALGORITHM\" Text:\"ALGORITHM=INPLACE\"} OtherAction{Keywords:\"LOCK\" Text:\"LOCK=NONE\"}]}"},
	{MySQL, "ALTER TABLE t RENAME AS u",
		"AlterTable{Table:\"t\" Actions:[RenameTable{To:\"u\"}]}"},
	{MySQL, "ALTER TABLE t ADD COLUMN x int AFTER y, DROP x",
		"AlterTable{Table:\"t\" Actions:[AddColumn{Column:{Name:\"x\" Type:\"int\"} After:\"y\"} DropColumn{Name:\"x\"}]}"},
	{SQLite, "ALTER TABLE t ADD COLUMN x TEXT NOT NULL DEFAULT ''",
		"AlterTable{Table:\"t\" Actions:[AddColumn{Column:{Name:\"x\" Type:\"TEXT\" NotNull:true Default:\"''\"}}]}"},
	{SQLite, "ALTER TABLE t RENAME COLUMN a TO b",
		"AlterTable{Table:\"t\" Actions:[RenameColumn{From:\"a\" To:\"b\"}]}"},
	{SQLite, "ALTER TABLE t DROP COLUMN a",
		"AlterTable{Table:\"t\" Actions:[DropColumn{Name:\"a\"}]}"},
	// ALTER INDEX
	{Postgres, "ALTER INDEX IF EXISTS s.i RENAME TO j",
		"AlterIndex{Name:\"s.i\" IfExists:true RenameTo:\"j\"}"},
	{Postgres, "ALTER INDEX i SET TABLESPACE t",
		"Unknown{Keywords:\"ALTER INDEX\" Text:\"ALTER INDEX i SET TABLESPACE t\"}"},
	// DROP
	{Postgres, "DROP INDEX CONCURRENTLY IF EXISTS a, s.b CASCADE",
		"DropIndex{Concurrently:true IfExists:true Names:[\"a\" \"s.b\"] Behavior:\"CASCADE\"}"},
	{Postgres, "DROP INDEX idx_users_app_email",
		"DropIndex{Names:[\"idx_users_app_email\"]}"},
	{MySQL, "DROP INDEX a ON t ALGORITHM=INPLACE",
		"DropIndex{Names:[\"a\"] Table:\"t\" Options:\"ALGORITHM=INPLACE\"}"},
	{MySQL, "DROP INDEX IF EXISTS `a` ON `t`",
		"DropIndex{IfExists:true Names:[q\"a\"] Table:q\"t\"}"},
	{SQLite, "DROP INDEX IF EXISTS main.a",
		"DropIndex{IfExists:true Names:[\"main.a\"]}"},
	{Postgres, "DROP TABLE IF EXISTS a, b CASCADE",
		"DropTable{IfExists:true Names:[\"a\" \"b\"] Behavior:\"CASCADE\"}"},
	{MySQL, "DROP TEMPORARY TABLE IF EXISTS t",
		"DropTable{Temporary:true IfExists:true Names:[\"t\"]}"},
	{SQLite, "DROP TABLE t",
		"DropTable{Names:[\"t\"]}"},
	// other statements
	{Postgres, "INSERT INTO t VALUES (1)",
		"Unknown{Keywords:\"INSERT\" Text:\"INSERT INTO t VALUES (1)\"}"},
	{Postgres, "COMMENT ON TABLE t IS 'x'",
		"Unknown{Keywords:\"COMMENT ON\" Text:\"COMMENT ON TABLE t IS 'x'\"}"},
	{Postgres, "CREATE OR REPLACE FUNCTION f() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql",
		"Unknown{Keywords:\"CREATE FUNCTION\" Text:\"CREATE OR REPLACE FUNCTION f() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql\"}"},
	{Postgres, "CREATE MATERIALIZED VIEW v AS SELECT 1",
		"Unknown{Keywords:\"CREATE MATERIALIZED VIEW\" Text:\"CREATE MATERIALIZED VIEW v AS SELECT 1\"}"},
	{Postgres, "CREATE EXTENSION IF NOT EXISTS pg_trgm",
		"Unknown{Keywords:\"CREATE EXTENSION\" Text:\"CREATE EXTENSION IF NOT EXISTS pg_trgm\"}"},
	{Postgres, "DROP VIEW v",
		"Unknown{Keywords:\"DROP VIEW\" Text:\"DROP VIEW v\"}"},
	{Postgres, "ALTER SEQUENCE s RESTART",
		"Unknown{Keywords:\"ALTER SEQUENCE\" Text:\"ALTER SEQUENCE s RESTART\"}"},
	{Postgres, "SET search_path TO public",
		"Unknown{Keywords:\"SET\" Text:\"SET search_path TO public\"}"},
	{MySQL, "CREATE DEFINER=`root`@`%` TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1",
		"Unknown{Keywords:\"CREATE TRIGGER\" Text:\"CREATE DEFINER=`root`@`%` TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1\"}"},
	{SQLite, "PRAGMA foreign_keys = ON",
		"Unknown{Keywords:\"PRAGMA\" Text:\"PRAGMA foreign_keys = ON\"}"},
	{SQLite, "CREATE VIRTUAL TABLE f USING fts5(a)",
		"Unknown{Keywords:\"CREATE VIRTUAL TABLE\" Text:\"CREATE VIRTUAL TABLE f USING fts5(a)\"}"},
	{MySQL, "CREATE OR REPLACE UNIQUE INDEX i ON t (a)",
		"Unknown{Keywords:\"CREATE OR REPLACE INDEX\" Text:\"CREATE OR REPLACE UNIQUE INDEX i ON t (a)\"}"},
	{Postgres, "CREATE OR REPLACE VIEW v AS SELECT 1",
		"Unknown{Keywords:\"CREATE VIEW\" Text:\"CREATE OR REPLACE VIEW v AS SELECT 1\"}"},
	{Postgres, "(SELECT 1)",
		"Unknown{Text:\"(SELECT 1)\"}"},
}

func TestParse(t *testing.T) {
	for _, tc := range parseCases {
		stmts := Parse(tc.src, tc.d)
		var got []string
		for _, st := range stmts {
			got = append(got, summary(st))
		}
		if g := strings.Join(got, "\n"); g != tc.want {
			t.Errorf("%v: Parse(%q)\n got: %s\nwant: %s", tc.d, tc.src, g, tc.want)
		}
		mustPositions(t, tc.src, stmts)
	}
}
