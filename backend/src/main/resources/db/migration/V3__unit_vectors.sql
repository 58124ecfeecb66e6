-- Embeddings by unit and text hash: an unchanged unit is never embedded twice (publishing,
-- archiving, rebuilds, a switch of engine), and the lexical fast path can carry the vector at once.
CREATE TABLE unit_vector (
    unit_id   VARCHAR(220) PRIMARY KEY,
    text_hash VARCHAR(64)  NOT NULL,
    vector    VARCHAR(4000) NOT NULL
);
