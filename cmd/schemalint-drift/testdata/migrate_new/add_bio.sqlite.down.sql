-- Written by schemalint migrate new (SQLite), down: back to the schema the migrations produced before the up. Review it before committing it.
-- Tables are rebuilt (SQLite cannot alter them in place): foreign keys are off meanwhile, which
-- SQLite allows only outside a transaction, so the file opens and commits its own.

PRAGMA foreign_keys = off;

--bun:split

BEGIN;

--bun:split

-- back to the schema before the up: what it added is dropped, with the data written to it since
CREATE TABLE `new_accounts` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `email` varchar NOT NULL);

--bun:split

INSERT INTO `new_accounts` (`id`, `email`) SELECT `id`, `email` FROM `accounts`;

--bun:split

DROP TABLE `accounts`;

--bun:split

ALTER TABLE `new_accounts` RENAME TO `accounts`;

--bun:split

CREATE UNIQUE INDEX `accounts_email` ON `accounts` (`email`);

--bun:split

DROP TABLE `notes`;

--bun:split

COMMIT;

--bun:split

PRAGMA foreign_keys = on;
