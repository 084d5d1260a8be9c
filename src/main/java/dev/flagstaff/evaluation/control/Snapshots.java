package dev.flagstaff.evaluation.control;

import dev.flagstaff.persistence.NamespaceChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One immutable {@link NamespaceState} per namespace, built on first use and rebuilt after every committed
 * transaction that wrote to the namespace (a transactional observer of {@link NamespaceChanged}, fired once per
 * transaction), inside the writing request, before it answers; a transaction that wrote only a few flags
 * rebuilds only those flags, so a write costs about the same in a namespace of 10 or 10,000 flags. An
 * evaluation that starts after a
 * write's 200 sees the write. Evaluations read one volatile field and never wait for a rebuild; a rebuild
 * replaces the state in one step, and a state read before a later write never replaces a newer one.
 */
@ApplicationScoped
public class Snapshots {

    private static final Logger LOG = Logger.getLogger(Snapshots.class.getName());

    private final ConcurrentMap<String, Holder> holders = new ConcurrentHashMap<>();

    @Inject
    NamespaceLoader loader;

    /** The current state of {@code namespace}, built now if none is in use. */
    public NamespaceState of(String namespace) {
        Holder holder = holders.computeIfAbsent(namespace, k -> new Holder());
        NamespaceState state = holder.state;
        if (state != null) {
            return state;
        }
        synchronized (holder) {
            // first use, or the last rebuild failed: one thread reads the database, the others wait for it
            return holder.state != null ? holder.state : build(namespace, holder);
        }
    }

    /**
     * After a write to the namespace committed: runs in the committing thread, when the service's business
     * method returns and before the resource answers, so the writer's next evaluation sees the write. A write
     * that names its flags reads and compiles only those ({@link #update}); any other is a full rebuild.
     */
    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) NamespaceChanged change) {
        Holder holder = holders.computeIfAbsent(change.namespace(), k -> new Holder());
        if (change.wholeNamespace()) {
            rebuild(change.namespace(), holder, true);
        } else {
            update(change.namespace(), holder, change.flagKeys());
        }
    }

    /**
     * After a committed write to the flags {@code keys} through this instance: reads only those flags and
     * derives the next state from the current one. That is right only when the current state has every
     * earlier change (its generation is the one just before this change's); when another change's rebuild is
     * under way or came in between, or the state was dropped, the whole namespace is read as before.
     */
    private void update(String namespace, Holder holder, Set<String> keys) {
        long generation;
        synchronized (holder) {
            generation = ++holder.generation;
            holder.busy++;
        }
        try {
            if (holder.state == null) {
                return; // nobody evaluates here yet: the first evaluation builds it
            }
            NamespaceLoader.LoadedFlags loaded = loader.loadFlags(namespace, keys);
            NamespaceState current = holder.state;
            // One committed transaction raises the namespace's revision by one
            // (namespaces.control.NamespaceService#lockForWrite): a revision one above the state's means that no
            // other write, through another instance either, came in between, so deriving is exact.
            if (current != null && current.exists() && loaded.revision() == current.revision() + 1
                    && current.generation() == generation - 1) {
                NamespaceState next = current.withFlags(generation, keys, loaded);
                synchronized (holder) {
                    if (holder.state == current && generation >= holder.minimum) {
                        holder.state = next;
                        return;
                    }
                }
            }
            if (holder.state != null) {
                build(namespace, holder);
            }
        } catch (RuntimeException e) {
            dropAfterFailure(namespace, holder, e);
        } finally {
            synchronized (holder) {
                holder.busy--;
            }
        }
    }

    /**
     * Rebuilds every state whose namespace has a newer revision in the database than the state was built
     * from: writes made through another Flagstaff instance. Runs off the evaluation path ({@link SnapshotRefresher}).
     */
    public void refreshStale() {
        Map<String, Long> generations = new HashMap<>();
        holders.forEach((namespace, holder) -> {
            synchronized (holder) {
                if (holder.state != null && holder.busy == 0) {
                    generations.put(namespace, holder.generation);
                }
            }
        });
        Map<String, Long> revisions = loader.revisions(generations.keySet());
        for (Map.Entry<String, Long> checked : generations.entrySet()) {
            String namespace = checked.getKey();
            Holder holder = holders.get(namespace);
            NamespaceState state;
            synchronized (holder) {
                // A write through this instance that began since the revisions were read (one under way then was
                // left out above) brings its own state, which may be newer than what was read: leave the
                // namespace to the next check.
                if (holder.generation != checked.getValue()) {
                    continue;
                }
                state = holder.state;
            }
            if (state != null && state.revision() != revisions.getOrDefault(namespace, -1L)) {
                rebuild(namespace, holder, false);
            }
        }
    }

    /**
     * Rebuilds the states of {@code namespaces} that are in use here: another instance announced a committed
     * write to them (PostgreSQL {@code NOTIFY}), so no revision check is needed first.
     */
    public void refresh(java.util.Collection<String> namespaces) {
        for (String namespace : namespaces) {
            Holder holder = holders.get(namespace);
            if (holder != null && holder.state != null) {
                rebuild(namespace, holder, false);
            }
        }
    }

    /**
     * {@code local}: a write through this instance, whose writer must see it; a failed rebuild then drops the
     * state. A write through another instance keeps the state it has when the rebuild fails (the database
     * went away, say): evaluations go on from memory, and the next check or notice tries again.
     */
    private void rebuild(String namespace, Holder holder, boolean local) {
        synchronized (holder) {
            holder.generation++;
            holder.busy += local ? 1 : 0;
        }
        try {
            if (holder.state == null) {
                return; // nobody evaluates here yet: the first evaluation builds it
            }
            build(namespace, holder);
        } catch (RuntimeException e) {
            if (!local) {
                throw e; // the caller reports it and tries again later; the state in use stays
            }
            dropAfterFailure(namespace, holder, e);
        } finally {
            synchronized (holder) {
                holder.busy -= local ? 1 : 0;
            }
        }
    }

    /** A rebuild after a write through this instance failed: never serve a state from before that write. */
    private static void dropAfterFailure(String namespace, Holder holder, RuntimeException e) {
        synchronized (holder) {
            // the next evaluation rebuilds
            holder.state = null;
            holder.minimum = holder.generation;
        }
        LOG.log(Level.WARNING, "Rebuilding the evaluation snapshot of namespace " + namespace
                + " failed; the next evaluation there rebuilds it", e);
    }

    private NamespaceState build(String namespace, Holder holder) {
        long generation;
        synchronized (holder) {
            generation = holder.generation;
        }
        NamespaceState fresh = new NamespaceState(namespace, generation, loader.load(namespace));
        synchronized (holder) {
            NamespaceState current = holder.state;
            if (generation >= holder.minimum && (current == null || generation >= current.generation())) {
                holder.state = fresh;
            }
            return holder.state != null ? holder.state : fresh;
        }
    }

    /**
     * A namespace's state, how many writes it has seen, and the oldest generation a state may come from
     * (raised when a rebuild fails, so an older build still under way cannot put back what the write
     * changed). Guarded by its own monitor; {@code state} is also read without it.
     */
    private static final class Holder {
        volatile NamespaceState state;
        long generation;
        long minimum;
        /** Writes through this instance whose {@link #update} is under way (the revision check skips them). */
        int busy;
    }
}
