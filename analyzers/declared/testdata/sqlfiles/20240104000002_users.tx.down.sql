DROP VIEW live_orgs;
DROP TABLE users;
