-- Flagstaff schema, version 60: scheduled changes of a flag (issue 13, point 4). A row is one change that runs
-- once at run_at (microseconds since the Unix epoch): state PENDING until an instance applies it, then DONE
-- (executed_at set) or FAILED (reason set). Whichever instance claims the row with
-- UPDATE ... WHERE id = ? AND state = 'PENDING' in the transaction that applies the change runs it; the others
-- update no row. The change itself is its JSON body (change_type repeats its type for the console and queries).
-- A schedule belongs to its flag: deleting the flag (or its namespace) deletes its schedules.
CREATE TABLE scheduled_changes (
    id            VARCHAR(36) NOT NULL,
    flag_id       VARCHAR(36) NOT NULL,
    namespace_key VARCHAR(255) NOT NULL,
    flag_key      VARCHAR(255) NOT NULL,
    run_at        BIGINT NOT NULL,
    change_type   VARCHAR(32) NOT NULL,
    change_body   ${text_type} NOT NULL,
    state         VARCHAR(16) NOT NULL,
    reason        ${text_type},
    executed_at   BIGINT,
    created_at    BIGINT NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_scheduled_changes_flag FOREIGN KEY (flag_id) REFERENCES flags (id) ON DELETE CASCADE
) ${table_options};

CREATE INDEX ix_scheduled_changes_flag ON scheduled_changes (flag_id, run_at, id);
CREATE INDEX ix_scheduled_changes_due ON scheduled_changes (state, run_at);
