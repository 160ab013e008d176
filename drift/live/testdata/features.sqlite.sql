-- Schema objects beyond the reference schema, to check that Inspect matches
-- Atlas on everything Atlas's SQLite inspector reads. Statements are
-- separated by lines holding only ";".
CREATE TABLE kinds (
	id integer PRIMARY KEY AUTOINCREMENT,
	c_int int NOT NULL DEFAULT 0,
	c_bigint bigint DEFAULT -1,
	c_real real DEFAULT 0.5,
	c_numeric numeric(10, 2) DEFAULT 1.50,
	c_bool boolean DEFAULT false,
	c_text text DEFAULT 'x',
	c_varchar varchar(64) COLLATE NOCASE,
	c_varying character varying(20),
	c_blob blob DEFAULT x'00ff',
	c_date date DEFAULT CURRENT_DATE,
	c_ts timestamp DEFAULT CURRENT_TIMESTAMP,
	c_json json,
	c_expr_default int DEFAULT (1 + 2),
	c_untyped,
	"Mixed Case" text,
	"select" int,
	c_virtual int GENERATED ALWAYS AS (c_int * 2) VIRTUAL,
	c_stored text AS (c_text || '!') STORED,
	CONSTRAINT kinds_int_positive CHECK (c_int >= 0),
	CHECK (c_real < 100)
)
;
CREATE TABLE parents (
	a integer NOT NULL,
	b text NOT NULL,
	label text UNIQUE,
	PRIMARY KEY (a, b)
) WITHOUT ROWID
;
CREATE TABLE children (
	id integer NOT NULL PRIMARY KEY,
	parent_a integer,
	parent_b text,
	self_id integer CONSTRAINT children_self REFERENCES children (id) ON DELETE SET NULL,
	kind_id integer REFERENCES kinds (id) ON UPDATE CASCADE ON DELETE RESTRICT,
	title text,
	created timestamp,
	CONSTRAINT children_parent FOREIGN KEY (parent_a, parent_b) REFERENCES parents (a, b) ON DELETE CASCADE
)
;
CREATE INDEX children_lower_title ON children (lower(title))
;
CREATE INDEX children_title_desc ON children (title DESC, created)
;
CREATE INDEX children_partial ON children (parent_a) WHERE self_id IS NULL
;
CREATE UNIQUE INDEX children_mixed ON children (parent_b, (id + 1) DESC)
;
CREATE TABLE strict_table (id integer PRIMARY KEY, body text NOT NULL) STRICT
;
CREATE TABLE "quoted ""name""" (id int)
;
CREATE VIEW kinds_view AS SELECT id, c_text FROM kinds
;
INSERT INTO kinds (c_int) VALUES (1)
;
ANALYZE
