-- Written by schemalint migrate new (SQLite), up: the models' schema, from the schema the migrations produced. Review it before committing it.
-- Tables are rebuilt (SQLite cannot alter them in place): foreign keys are off meanwhile, which
-- SQLite allows only outside a transaction, so the file opens and commits its own.

PRAGMA foreign_keys = off;

--bun:split

BEGIN;

--bun:split

-- DR003 column-missing: column accounts.bio is missing; Account.Bio maps to it, so every query naming it fails; the repair sets existing rows' NULLs to '' (review that value) before NOT NULL
ALTER TABLE `accounts` ADD COLUMN `bio` varchar NULL;

--bun:split

-- backfill, review the value: rows that exist get '', the zero value of varchar
UPDATE "accounts" SET "bio" = '' WHERE "bio" IS NULL;

--bun:split

CREATE TABLE `new_accounts` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `email` varchar NOT NULL, `bio` varchar NOT NULL);

--bun:split

INSERT INTO `new_accounts` (`id`, `email`, `bio`) SELECT `id`, `email`, `bio` FROM `accounts`;

--bun:split

DROP TABLE `accounts`;

--bun:split

ALTER TABLE `new_accounts` RENAME TO `accounts`;

--bun:split

CREATE UNIQUE INDEX `accounts_email` ON `accounts` (`email`);

--bun:split

-- DR001 table-missing: table notes is missing; model Note maps to it, so every query on the model fails
CREATE TABLE `notes` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `account_id` integer NOT NULL, `body` varchar NULL);

--bun:split

COMMIT;

--bun:split

PRAGMA foreign_keys = on;
