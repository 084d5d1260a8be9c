-- Flagstaff schema, version 4: authentications created through the token method (contract section 8.3).
-- Only the SHA-256 of a client token is kept (base64url, as Flipt keys it), never the token itself.
-- role is Flagstaff's (viewer, editor, admin); namespace_key is set for namespace-scoped tokens; metadata is a
-- JSON object of strings. Timestamps are microseconds since the Unix epoch; expires_at NULL = never expires.
CREATE TABLE authentications (
    id            VARCHAR(36) NOT NULL,
    method        VARCHAR(32) NOT NULL,
    token_hash    VARCHAR(64) NOT NULL,
    role          VARCHAR(16) NOT NULL,
    namespace_key VARCHAR(255),
    metadata      ${text_type} NOT NULL,
    expires_at    BIGINT,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_authentications_token_hash UNIQUE (token_hash)
) ${table_options};

CREATE INDEX ix_authentications_created ON authentications (created_at, id);
