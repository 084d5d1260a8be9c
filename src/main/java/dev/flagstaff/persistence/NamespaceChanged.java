package dev.flagstaff.persistence;

/**
 * A write to {@code namespace}: fired inside the writing transaction
 * ({@code namespaces.control.NamespaceService#lockForWrite}) and observed
 * {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}, so observers (the evaluation snapshots) hear
 * only of committed writes. The container commits when the service's business method returns and runs
 * those observers then, in the same thread, before the resource that called the service writes its
 * response: a client sees its own write.
 */
public record NamespaceChanged(String namespace) {
}
