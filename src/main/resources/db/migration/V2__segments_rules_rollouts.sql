-- Flagstaff schema, version 2: segments and their constraints, rules with their distributions, and the
-- rollouts of boolean flags. Placeholders as in V1.
-- A segment that a rule or rollout uses cannot be deleted: the application refuses it (400 "is in use")
-- while holding the segment's row lock; the foreign keys below cascade only when the whole namespace goes.

CREATE TABLE segments (
    id            VARCHAR(36) NOT NULL,
    namespace_key VARCHAR(255) NOT NULL,
    segment_key   VARCHAR(255) NOT NULL,
    name          VARCHAR(255) NOT NULL,
    description   ${text_type} NOT NULL,
    match_type    VARCHAR(32) NOT NULL,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_segments_key UNIQUE (namespace_key, segment_key),
    CONSTRAINT fk_segments_namespace FOREIGN KEY (namespace_key) REFERENCES namespaces (namespace_key) ON DELETE CASCADE
) ${table_options};

CREATE TABLE segment_constraints (
    id               VARCHAR(36) NOT NULL,
    segment_id       VARCHAR(36) NOT NULL,
    namespace_key    VARCHAR(255) NOT NULL,
    comparison_type  VARCHAR(32) NOT NULL,
    property         VARCHAR(255) NOT NULL,
    operator         VARCHAR(32) NOT NULL,
    constraint_value ${text_type} NOT NULL,
    description      ${text_type} NOT NULL,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_constraints_segment FOREIGN KEY (segment_id) REFERENCES segments (id) ON DELETE CASCADE
) ${table_options};

CREATE TABLE rules (
    id               VARCHAR(36) NOT NULL,
    flag_id          VARCHAR(36) NOT NULL,
    namespace_key    VARCHAR(255) NOT NULL,
    segment_operator VARCHAR(32) NOT NULL,
    rule_rank        INTEGER NOT NULL,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_rules_flag FOREIGN KEY (flag_id) REFERENCES flags (id) ON DELETE CASCADE
) ${table_options};

CREATE TABLE rule_segments (
    rule_id    VARCHAR(36) NOT NULL,
    segment_id VARCHAR(36) NOT NULL,
    segment_index INTEGER NOT NULL,
    PRIMARY KEY (rule_id, segment_id),
    CONSTRAINT fk_rule_segments_rule FOREIGN KEY (rule_id) REFERENCES rules (id) ON DELETE CASCADE,
    CONSTRAINT fk_rule_segments_segment FOREIGN KEY (segment_id) REFERENCES segments (id) ON DELETE CASCADE
) ${table_options};

CREATE TABLE distributions (
    id         VARCHAR(36) NOT NULL,
    rule_id    VARCHAR(36) NOT NULL,
    variant_id VARCHAR(36) NOT NULL,
    rollout    REAL NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_distributions_rule FOREIGN KEY (rule_id) REFERENCES rules (id) ON DELETE CASCADE,
    CONSTRAINT fk_distributions_variant FOREIGN KEY (variant_id) REFERENCES variants (id) ON DELETE CASCADE
) ${table_options};

CREATE TABLE rollouts (
    id                   VARCHAR(36) NOT NULL,
    flag_id              VARCHAR(36) NOT NULL,
    namespace_key        VARCHAR(255) NOT NULL,
    rollout_type         VARCHAR(32) NOT NULL,
    rollout_rank         INTEGER NOT NULL,
    description          ${text_type} NOT NULL,
    -- THRESHOLD_ROLLOUT_TYPE
    threshold_percentage REAL,
    -- SEGMENT_ROLLOUT_TYPE
    segment_operator     VARCHAR(32),
    -- the value the rollout returns, for either type
    rollout_value        BOOLEAN NOT NULL,
    created_at           BIGINT NOT NULL,
    updated_at           BIGINT NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_rollouts_flag FOREIGN KEY (flag_id) REFERENCES flags (id) ON DELETE CASCADE
) ${table_options};

CREATE TABLE rollout_segments (
    rollout_id VARCHAR(36) NOT NULL,
    segment_id VARCHAR(36) NOT NULL,
    segment_index INTEGER NOT NULL,
    PRIMARY KEY (rollout_id, segment_id),
    CONSTRAINT fk_rollout_segments_rollout FOREIGN KEY (rollout_id) REFERENCES rollouts (id) ON DELETE CASCADE,
    CONSTRAINT fk_rollout_segments_segment FOREIGN KEY (segment_id) REFERENCES segments (id) ON DELETE CASCADE
) ${table_options};

CREATE INDEX ix_segments_created ON segments (namespace_key, created_at, segment_key);
CREATE INDEX ix_constraints_segment ON segment_constraints (segment_id, created_at);
CREATE INDEX ix_rules_flag ON rules (flag_id, rule_rank);
CREATE INDEX ix_rule_segments_segment ON rule_segments (segment_id);
CREATE INDEX ix_distributions_rule ON distributions (rule_id, created_at);
CREATE INDEX ix_rollouts_flag ON rollouts (flag_id, rollout_rank);
CREATE INDEX ix_rollout_segments_segment ON rollout_segments (segment_id);
