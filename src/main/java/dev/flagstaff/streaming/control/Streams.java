package dev.flagstaff.streaming.control;

import dev.flagstaff.evaluation.control.NamespaceState;
import dev.flagstaff.evaluation.control.SnapshotDocuments;
import dev.flagstaff.evaluation.control.Snapshots;
import dev.flagstaff.persistence.NamespaceChanged;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The open snapshot streams of Flipt v2's {@code …/namespaces/{key}/stream}, by namespace. Each committed change
 * of a namespace reaches its streams as one new {@link ClientSnapshot}: the {@link NamespaceChanged} observer
 * (after {@link Snapshots} rebuilt the state in the same thread) hands the namespace to a managed executor, so the
 * write never waits for a stream; a check every {@code flagstaff.streams.check-millis} (default 200) also picks up
 * states that {@code SnapshotRefresher} rebuilt for writes made through another instance. A stream only ever
 * takes the newest snapshot (see {@link Sink}), so a slow or dead client holds at most one pending message and
 * never delays the others. Streams idle for {@code flagstaff.streams.keepalive-seconds} (default 15) get a
 * keep-alive.
 */
@ApplicationScoped
public class Streams {

    private static final Logger LOG = Logger.getLogger(Streams.class.getName());

    /**
     * One open stream. {@link #offer} never blocks: it replaces whatever the stream has not yet started writing
     * and returns; the stream writes when its connection can take more.
     */
    public interface Sink {
        /** Queue {@code snapshot} unless the client already has that digest; drops an unsent older one. */
        void offer(ClientSnapshot snapshot);

        /** Queue a keep-alive when nothing was written for {@code idleNanos} and nothing is waiting. */
        void keepAlive(long idleNanos);

        /** Ends the stream (the server is stopping). */
        void close();
    }

    private final Map<String, Set<Sink>> sinks = new ConcurrentHashMap<>();
    /** The last snapshot built for each namespace, and the state it was built from. */
    private final Map<String, Built> built = new ConcurrentHashMap<>();
    private final Map<String, NamespaceState> publishedFrom = new ConcurrentHashMap<>();

    private record Built(NamespaceState state, ClientSnapshot snapshot) {
    }

    @Inject
    Snapshots snapshots;

    /**
     * The server's default managed executors, looked up when the application has started: this bean may be
     * created earlier, by a write during the start (the start-up import of {@code flagstaff.import.path} fires
     * {@code NamespaceChanged}), when {@code @Resource} fields would not be injected on Payara.
     */
    private volatile ManagedExecutorService executor;
    private volatile ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "flagstaff.streams.keepalive-seconds", defaultValue = "15")
    long keepAliveSeconds;

    @Inject
    @ConfigProperty(name = "flagstaff.streams.check-millis", defaultValue = "200")
    long checkMillis;

    private ScheduledFuture<?> checks;
    private volatile long lastKeepAlive = System.nanoTime();

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) throws NamingException {
        executor = InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
        scheduler = InitialContext.doLookup("java:comp/DefaultManagedScheduledExecutorService");
        if (checkMillis > 0) {
            checks = scheduler.scheduleWithFixedDelay(this::check, checkMillis, checkMillis, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The current snapshot of {@code namespace}, empty while the namespace does not exist. Built once per
     * namespace state and shared by every stream and snapshot request.
     */
    public java.util.Optional<ClientSnapshot> current(String namespace) {
        NamespaceState state = snapshots.of(namespace);
        if (!state.exists()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(snapshotOf(state));
    }

    /**
     * Adds a stream of {@code namespace} and offers it the current snapshot (which the sink skips when the client
     * has its digest). A change published while this runs reaches the sink too: it is added first, and a sink
     * never replaces a newer snapshot by an older one.
     */
    public void subscribe(String namespace, Sink sink) {
        sinks.compute(namespace, (k, set) -> {
            Set<Sink> into = set != null ? set : ConcurrentHashMap.newKeySet();
            into.add(sink);
            return into;
        });
        current(namespace).ifPresent(sink::offer);
    }

    public void unsubscribe(String namespace, Sink sink) {
        sinks.computeIfPresent(namespace, (k, set) -> {
            set.remove(sink);
            return set.isEmpty() ? null : set;
        });
    }

    /** How many streams are open, over all namespaces. */
    public int open() {
        return sinks.values().stream().mapToInt(Set::size).sum();
    }

    /**
     * After a write to the namespace committed, and after {@link Snapshots} rebuilt it (this observer's priority
     * is later than the default one there): publish off the writer's thread.
     */
    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) @Priority(Interceptor.Priority.APPLICATION + 900)
                 NamespaceChanged change) {
        if (!sinks.containsKey(change.namespace())) {
            return;
        }
        try {
            executor.execute(() -> publish(change.namespace()));
        } catch (RejectedExecutionException e) {
            // the periodic check publishes it
            LOG.log(Level.FINE, "Publishing of namespace " + change.namespace() + " deferred to the next check", e);
        }
    }

    /** Sends the namespace's current state to its streams, unless they already had it. */
    void publish(String namespace) {
        Set<Sink> targets = sinks.get(namespace);
        if (targets == null || targets.isEmpty()) {
            return;
        }
        NamespaceState state = snapshots.of(namespace);
        if (!state.exists() || publishedFrom.get(namespace) == state) {
            return;
        }
        ClientSnapshot snapshot = snapshotOf(state);
        publishedFrom.put(namespace, state);
        for (Sink sink : targets) {
            sink.offer(snapshot);
        }
    }

    private ClientSnapshot snapshotOf(NamespaceState state) {
        Built cached = built.get(state.namespace());
        if (cached != null && cached.state() == state) {
            return cached.snapshot();
        }
        ClientSnapshot fresh = ClientSnapshot.of(state.generation(), state.document(SnapshotDocuments.Shape.CURRENT),
                state.etag());
        built.merge(state.namespace(), new Built(state, fresh),
                (old, neu) -> neu.state().generation() >= old.state().generation() ? neu : old);
        return fresh;
    }

    private void check() {
        try {
            for (String namespace : List.copyOf(sinks.keySet())) {
                publish(namespace);
            }
            long now = System.nanoTime();
            long idle = TimeUnit.SECONDS.toNanos(keepAliveSeconds);
            if (keepAliveSeconds > 0 && now - lastKeepAlive >= Math.min(idle, TimeUnit.SECONDS.toNanos(1))) {
                lastKeepAlive = now;
                for (Set<Sink> set : sinks.values()) {
                    for (Sink sink : set) {
                        sink.keepAlive(idle);
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Checking the snapshot streams for changes failed; retrying in " + checkMillis + " ms", e);
        }
    }

    @PreDestroy
    void stop() {
        if (checks != null) {
            checks.cancel(false);
        }
        for (Set<Sink> set : sinks.values()) {
            for (Sink sink : set) {
                sink.close();
            }
        }
        sinks.clear();
    }
}
