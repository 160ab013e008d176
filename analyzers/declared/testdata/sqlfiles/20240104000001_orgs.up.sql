CREATE TABLE orgs (
    id varchar(20) PRIMARY KEY,
    slug varchar(100) NOT NULL,
    deleted_at timestamp
);

--bun:split

CREATE UNIQUE INDEX idx_orgs_slug ON orgs (slug) WHERE deleted_at IS NULL;
