package dev.flagstaff.persistence;

/**
 * Fired synchronously after a transaction that wrote to {@code namespace} committed, before the request
 * that made the write answers: observers (the evaluation snapshots) see every write its client has seen.
 */
public record NamespaceChanged(String namespace) {
}
