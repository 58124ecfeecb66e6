-- Manuals made from uploaded documents: the file each version came from, so the original of every
-- version stays downloadable (the bytes are kept by the file store, stored_file).
CREATE TABLE manual_source (
    article_id   VARCHAR(200) NOT NULL REFERENCES article (id),
    version      INT          NOT NULL,
    file_id      VARCHAR(36)  NOT NULL REFERENCES stored_file (id),
    file_name    VARCHAR(255) NOT NULL,
    format       VARCHAR(16)  NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    pages        INT,
    sections     INT          NOT NULL,
    uploaded_by  VARCHAR(64)  NOT NULL,
    uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (article_id, version)
);

-- Files attached to an article (scripts, tools, configuration templates); always downloaded as
-- attachments, never rendered.
CREATE TABLE article_attachment (
    file_id      VARCHAR(36)  PRIMARY KEY REFERENCES stored_file (id),
    article_id   VARCHAR(200) NOT NULL REFERENCES article (id),
    description  VARCHAR(500),
    added_by     VARCHAR(64)  NOT NULL,
    added_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX article_attachment_article_idx ON article_attachment (article_id, added_at);
