package dev.flagstaff.audit.control;

/**
 * An audit event recorded in the writing transaction: fired there and observed
 * {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}, so the sinks and the SSE streams hear only of
 * committed writes, after the commit, and never hold up or fail the write.
 *
 * @param id        the event's id
 * @param namespace the namespace it is about, null for tokens
 * @param json      the event as the API shows it (one line of JSON)
 */
public record AuditRecorded(long id, String namespace, String json) {
}
