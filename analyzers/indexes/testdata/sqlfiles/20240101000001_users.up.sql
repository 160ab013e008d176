CREATE TABLE orgs (id varchar(20) PRIMARY KEY);

-- want `foreign key users.org_id \(sqlfiles.User.OrgID\) is the first column of no index`
CREATE TABLE users (
    id varchar(20) PRIMARY KEY,
    org_id varchar(20) NOT NULL REFERENCES orgs (id),
    email varchar(255) NOT NULL,
    deleted_at timestamp
);

-- want `unique index idx_users_email \(email\) on soft-deleted table users counts deleted rows too`
CREATE UNIQUE INDEX idx_users_email ON users (email);
CREATE INDEX idx_users_email_plain ON users (email, id);
-- want `index idx_users_email_again \(email, id\) duplicates idx_users_email_plain`
CREATE INDEX idx_users_email_again ON users (email, id);
-- want `index idx_users_mail \(mail\) names column mail, which table users does not have`
CREATE INDEX idx_users_mail ON users (mail);
-- want `the migrations create table extras, but no model the package can see describes it` `migration 20240101000001_users creates table extras, but its down migration does not drop it`
CREATE TABLE extras (id int PRIMARY KEY);
