CREATE TABLE users (
    id varchar(20) PRIMARY KEY,
    org_id varchar(20) NOT NULL,
    CONSTRAINT fk_users_org FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE CASCADE
);
CREATE INDEX idx_users_org ON users (org_id);
CREATE VIEW live_orgs AS SELECT * FROM orgs WHERE deleted_at IS NULL;
