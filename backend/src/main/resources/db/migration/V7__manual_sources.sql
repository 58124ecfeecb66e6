-- Manuals made from uploaded documents: which file each version came from, so the original stays
-- downloadable for every version (the file itself is kept by the file store).
CREATE TABLE manual_source (
    article_id   VARCHAR(200) NOT NULL REFERENCES article (id),
    version      INT          NOT NULL,
    file_id      VARCHAR(64),
    file_name    VARCHAR(255) NOT NULL,
    format       VARCHAR(16)  NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    pages        INT,
    sections     INT          NOT NULL,
    uploaded_by  VARCHAR(64)  NOT NULL,
    uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (article_id, version)
);
