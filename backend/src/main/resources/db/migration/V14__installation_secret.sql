-- Secrets of the installation (shared by every instance), created on first use: the key that binds a
-- search's click report to the caller of the search (search/ClickTokens).
CREATE TABLE installation_secret (
    name   VARCHAR(40)  PRIMARY KEY,
    secret VARCHAR(100) NOT NULL
);
