-- The residents' side of a case: the status token (only its SHA-256 hash) and what the status page shows
-- before the case file is consulted.
CREATE TABLE resident_access (
    case_number         VARCHAR(32)  NOT NULL PRIMARY KEY,
    token_hash          VARCHAR(64)  NOT NULL,
    process_instance_id VARCHAR(64)  NOT NULL,
    title               VARCHAR(150) NOT NULL,
    neighbourhood       VARCHAR(64)  NOT NULL,
    received_at         TIMESTAMP    NOT NULL,
    CONSTRAINT uq_resident_access_token UNIQUE (token_hash)
);

-- Idempotency-Key of public submissions. The key is stored hashed; the status token is kept only masked
-- with a pad derived from the raw key and the request, so a replay can answer the same link while the
-- table alone reveals no token.
CREATE TABLE resident_idempotency (
    key_hash     VARCHAR(64) NOT NULL PRIMARY KEY,
    request_hash VARCHAR(64) NOT NULL,
    case_number  VARCHAR(32) NOT NULL,
    masked_token VARCHAR(64) NOT NULL,
    created_at   TIMESTAMP   NOT NULL
);
