-- Flagstaff schema, version 1: namespaces, flags and variants.
-- Runs unchanged on H2, PostgreSQL and MariaDB/MySQL; ${text_type} is the vendor's type for long text and
-- ${table_options} makes MariaDB compare keys byte for byte (case-sensitive, as PostgreSQL does).
-- Timestamps are microseconds since the Unix epoch (BIGINT), the precision Flipt keeps; ${now_micros} is the
-- time the migration runs.

CREATE TABLE namespaces (
    namespace_key VARCHAR(255) NOT NULL,
    name          VARCHAR(255) NOT NULL,
    description   ${text_type} NOT NULL,
    is_protected  BOOLEAN NOT NULL,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL,
    PRIMARY KEY (namespace_key)
) ${table_options};

-- The default namespace exists from the start, protected.
INSERT INTO namespaces (namespace_key, name, description, is_protected, created_at, updated_at)
VALUES ('default', 'Default', 'Default namespace', TRUE, ${now_micros}, ${now_micros});

CREATE TABLE flags (
    id                 VARCHAR(36) NOT NULL,
    namespace_key      VARCHAR(255) NOT NULL,
    flag_key           VARCHAR(255) NOT NULL,
    name               VARCHAR(255) NOT NULL,
    description        ${text_type} NOT NULL,
    enabled            BOOLEAN NOT NULL,
    flag_type          VARCHAR(32) NOT NULL,
    -- the id of one of this flag's variants; kept consistent by the application (a foreign key here would
    -- form a cycle with variants.flag_id that MariaDB cannot cascade through)
    default_variant_id VARCHAR(36),
    metadata           ${text_type},
    created_at         BIGINT NOT NULL,
    updated_at         BIGINT NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_flags_key UNIQUE (namespace_key, flag_key),
    CONSTRAINT fk_flags_namespace FOREIGN KEY (namespace_key) REFERENCES namespaces (namespace_key) ON DELETE CASCADE
) ${table_options};

CREATE TABLE variants (
    id            VARCHAR(36) NOT NULL,
    flag_id       VARCHAR(36) NOT NULL,
    namespace_key VARCHAR(255) NOT NULL,
    variant_key   VARCHAR(255) NOT NULL,
    name          VARCHAR(255) NOT NULL,
    description   ${text_type} NOT NULL,
    attachment    ${text_type} NOT NULL,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_variants_key UNIQUE (flag_id, variant_key),
    CONSTRAINT fk_variants_flag FOREIGN KEY (flag_id) REFERENCES flags (id) ON DELETE CASCADE
) ${table_options};

CREATE INDEX ix_flags_created ON flags (namespace_key, created_at, flag_key);
CREATE INDEX ix_variants_flag ON variants (flag_id, created_at);
