-- Schema objects beyond the reference schema, to check that Inspect matches
-- Atlas on everything Atlas's MySQL/MariaDB inspector reads. Statements are
-- separated by lines holding only ";".
CREATE TABLE kinds (
	id bigint unsigned NOT NULL AUTO_INCREMENT,
	c_tiny tinyint(1) NOT NULL DEFAULT 0,
	c_small smallint DEFAULT 7,
	c_medium mediumint unsigned,
	c_int int(11) DEFAULT NULL,
	c_decimal decimal(10,2) NOT NULL DEFAULT 1.50,
	c_float float,
	c_double double DEFAULT 0.5,
	c_bit bit(4) DEFAULT b'1010',
	c_char char(5) CHARACTER SET latin1 COLLATE latin1_bin DEFAULT 'ab',
	c_varchar varchar(64) NOT NULL DEFAULT '',
	c_text text,
	c_mediumtext mediumtext,
	c_tinytext tinytext COLLATE utf8mb4_bin,
	c_binary binary(16),
	c_varbinary varbinary(32),
	c_blob blob,
	c_enum enum('a', 'b', 'c') NOT NULL DEFAULT 'b',
	c_set set('x', 'y') DEFAULT 'x,y',
	c_json json,
	c_date date DEFAULT '2026-01-01',
	c_time time(3),
	c_datetime datetime(6) DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
	c_timestamp timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
	c_year year,
	c_uuid uuid,
	c_inet inet6,
	c_virtual int AS (c_small * 2) VIRTUAL,
	c_stored varchar(70) AS (CONCAT(c_varchar, '!')) PERSISTENT,
	`Mixed Case` int COMMENT 'a column comment',
	`select` int,
	PRIMARY KEY (id),
	UNIQUE KEY kinds_varchar (c_varchar),
	KEY kinds_prefix (c_text(10), c_varchar DESC),
	FULLTEXT KEY kinds_fulltext (c_text, c_mediumtext),
	KEY kinds_virtual (c_virtual) COMMENT 'on a virtual column',
	CONSTRAINT kinds_small_positive CHECK (c_small > 0),
	CONSTRAINT kinds_pair CHECK (c_float < c_double)
) ENGINE = InnoDB AUTO_INCREMENT = 100 COMMENT = 'every column type'
;
CREATE TABLE parents (
	a int NOT NULL,
	b varchar(20) NOT NULL,
	PRIMARY KEY (a, b)
) ENGINE = InnoDB DEFAULT CHARSET = latin1
;
CREATE TABLE children (
	id int NOT NULL PRIMARY KEY,
	parent_a int,
	parent_b varchar(20) CHARACTER SET latin1,
	self_id int,
	kind_id bigint unsigned,
	CONSTRAINT children_parent FOREIGN KEY (parent_a, parent_b) REFERENCES parents (a, b) ON UPDATE CASCADE ON DELETE SET NULL,
	CONSTRAINT children_self FOREIGN KEY (self_id) REFERENCES children (id) ON DELETE SET NULL,
	CONSTRAINT children_kind FOREIGN KEY (kind_id) REFERENCES kinds (id) ON DELETE RESTRICT
)
;
CREATE TABLE myisam_table (id int PRIMARY KEY, body text, FULLTEXT (body)) ENGINE = MyISAM
;
CREATE VIEW kinds_view AS SELECT id, c_text FROM kinds
