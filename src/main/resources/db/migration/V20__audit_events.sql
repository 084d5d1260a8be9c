-- Flagstaff schema, version 20: the audit history (issue 12). One row per successful write, inserted in the
-- writing transaction. id comes from the sequence audit_event_ids: within one namespace, writes take the
-- namespace's lock before their id, so ids there follow the commit order (the SSE stream and its Last-Event-ID
-- resume rely on it). namespace_key is NULL for tokens; resource_key is the key of the flag, segment or
-- namespace the resource belongs to (a rule's flag, a constraint's segment) or the token's id.
-- actor_id is the token id or the IdP subject. payload / previous are the resource after / before the write
-- as JSON text. occurred_at is microseconds since the Unix epoch. No foreign key to namespaces: the history
-- outlives what it describes.
CREATE SEQUENCE audit_event_ids START WITH 1 INCREMENT BY 1;

CREATE TABLE audit_events (
    id             BIGINT NOT NULL,
    event_type     VARCHAR(32) NOT NULL,
    action         VARCHAR(16) NOT NULL,
    namespace_key  VARCHAR(255),
    resource_key   VARCHAR(255),
    actor_method   VARCHAR(32),
    actor_id       VARCHAR(255),
    actor_name     VARCHAR(255),
    actor_email    VARCHAR(255),
    payload        ${text_type},
    previous       ${text_type},
    occurred_at    BIGINT NOT NULL,
    PRIMARY KEY (id)
) ${table_options};

CREATE INDEX ix_audit_events_namespace ON audit_events (namespace_key, id);
CREATE INDEX ix_audit_events_occurred ON audit_events (occurred_at);

-- Webhook deliveries still to make: one row per event while the webhook sink is on, inserted with the event,
-- deleted once delivered (or given up). next_attempt_at (microseconds) is also the claim: an instance that
-- moves it forward by a lease owns the attempt, so several instances never send one event twice at once.
-- No foreign key to audit_events: JPA may insert the two rows of one write in either order; retention deletes
-- the deliveries of the events it deletes, and a delivery whose event is gone is dropped.
CREATE TABLE audit_deliveries (
    event_id        BIGINT NOT NULL,
    attempts        INTEGER NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    PRIMARY KEY (event_id)
) ${table_options};

CREATE INDEX ix_audit_deliveries_due ON audit_deliveries (next_attempt_at);
