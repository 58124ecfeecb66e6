-- Uploaded files (question attachments, article attachments, original manuals). The bytes live in the
-- data directory under files/<rel_path>; a row exists only once its file is complete (written first, then moved
-- into place, then recorded), and files are never changed after that (a new upload is a new row).
CREATE TABLE stored_file (
    id           VARCHAR(36)  PRIMARY KEY,
    name         VARCHAR(255) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    sha256       VARCHAR(64)  NOT NULL,
    purpose      VARCHAR(32)  NOT NULL,
    rel_path     VARCHAR(300) NOT NULL,
    created_by   VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX stored_file_purpose_idx ON stored_file (purpose, created_at);
