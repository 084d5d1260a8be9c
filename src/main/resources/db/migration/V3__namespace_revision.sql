-- Flagstaff schema, version 3: a revision per namespace, raised by every write to the namespace in the same
-- transaction. Each Flagstaff instance compares it with the revision its evaluation snapshot was built from,
-- so writes made through one instance reach the others (flagstaff.snapshots.refresh-seconds).
ALTER TABLE namespaces ADD COLUMN revision BIGINT DEFAULT 0 NOT NULL;
