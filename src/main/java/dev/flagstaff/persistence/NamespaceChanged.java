package dev.flagstaff.persistence;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The writes of one transaction to {@code namespace}: fired once per transaction and namespace, at the
 * transaction's first write there ({@code namespaces.control.NamespaceService#lockForWrite}), and observed
 * {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}, so observers (the evaluation snapshots) hear
 * only of committed writes, once, however many rows the transaction wrote (an import, a copy). The container
 * commits when the service's business method returns and runs those observers then, in the same thread,
 * before the resource that called the service writes its response: a client sees its own write.
 *
 * <p>The later writes of the same transaction are {@link #note noted} in this event after it was fired: an
 * {@code AFTER_SUCCESS} observer sees everything the transaction changed; an observer that runs during the
 * transaction sees only the first write (it should use only {@link #namespace()}).
 */
public final class NamespaceChanged {

    /**
     * The most flags a change names one by one; a transaction that writes more is a change of the whole
     * namespace (reading that many flags one by one costs about what reading them all does).
     */
    public static final int MAX_FLAGS = 32;

    private final String namespace;
    private final Set<String> flags = new LinkedHashSet<>();
    private boolean whole;
    private boolean locked;

    /** A change of one flag ({@code flagKey}), or of the whole namespace when {@code flagKey} is null. */
    public NamespaceChanged(String namespace, String flagKey) {
        this.namespace = namespace;
        note(flagKey);
    }

    public String namespace() {
        return namespace;
    }

    /**
     * True when the change may reach beyond single flags: a segment, constraint or namespace write, or more
     * than {@link #MAX_FLAGS} flags.
     */
    public synchronized boolean wholeNamespace() {
        return whole;
    }

    /** The keys of the flags changed (created, updated or deleted); meaningful only when not {@link #wholeNamespace()}. */
    public synchronized Set<String> flagKeys() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(flags));
    }

    /** Adds a write of the same transaction: to one flag, or (null) to something that is not one flag's. */
    public synchronized void note(String flagKey) {
        if (whole) {
            return;
        }
        if (flagKey == null || (!flags.contains(flagKey) && flags.size() >= MAX_FLAGS)) {
            whole = true;
            flags.clear();
        } else {
            flags.add(flagKey);
        }
    }

    /**
     * Whether this transaction already locked the namespace's row (raised its revision). A write to a
     * namespace that does not exist yet (its creation) locks nothing, so the next write locks again.
     */
    public synchronized boolean locked() {
        return locked;
    }

    public synchronized void markLocked() {
        locked = true;
    }

    @Override
    public synchronized String toString() {
        return "NamespaceChanged[" + namespace + (whole ? ", whole namespace]" : ", flags " + flags + "]");
    }
}
