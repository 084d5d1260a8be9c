package dev.flagstaff.audit.control;

import java.time.Instant;

/**
 * What {@code GET /api/v1/audit/events} asks for; null or empty fields do not filter.
 *
 * @param actor matches the actor's id (token id, IdP subject), name or email exactly
 * @param from  events at or after this instant
 * @param to    events before this instant
 * @param upTo  the newest event id of the page (from a page token), null for the newest overall
 */
public record AuditFilter(String namespaceKey, String type, String key, String actor, Instant from, Instant to,
                          Long upTo) {
}
