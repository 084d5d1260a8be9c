package dev.flagstaff.audit.control;

import dev.flagstaff.audit.entity.AuditEvent;
import dev.flagstaff.http.Messages;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The open Server-Sent Event streams of {@code GET /api/v1/namespaces/{namespaceKey}/events}, by namespace.
 * Each namespace with open streams has a feed that reads the namespace's new audit events from the table, in
 * id order (which within a namespace is the commit order: writes take the namespace's lock before their id),
 * when a write to it commits here and every {@code flagstaff.events.poll-millis} (default 1000) for the writes
 * of other instances on the same database, and queues them to each of its streams (the committing thread only
 * schedules that read); each stream sends its own queue on the managed scheduled executor, one send at a time, so no stream holds a
 * request thread, and a slow client delays only itself: once {@code QUEUE_LIMIT} events wait for it, its
 * stream is closed (it may reconnect with {@code Last-Event-ID} and be replayed what it missed). A stream
 * that asks to resume is first sent the stored events after that id, then the live ones, without
 * duplicates. Every {@code flagstaff.events.keepalive-seconds} each stream gets a comment line, which also
 * finds the streams of clients that left.
 */
@ApplicationScoped
public class EventStreams {

    private static final Logger LOG = Logger.getLogger(EventStreams.class.getName());
    static final int QUEUE_LIMIT = 1000;
    static final int REPLAY_LIMIT = 10_000;

    /**
     * The server's default managed scheduled executor, looked up when the application has started: this bean
     * may be created earlier, by a write during the start (the bootstrap token), when a {@code @Resource}
     * field would not be injected on Payara.
     */
    private volatile ManagedScheduledExecutorService scheduler;

    @Inject
    AuditEvents events;

    @Inject
    @ConfigProperty(name = "flagstaff.events.keepalive-seconds", defaultValue = "15")
    long keepAliveSeconds;

    @Inject
    @ConfigProperty(name = "flagstaff.events.poll-millis", defaultValue = "1000")
    long pollMillis;

    private final Map<String, Set<Stream>> byNamespace = new ConcurrentHashMap<>();
    private final Map<String, Feed> feeds = new ConcurrentHashMap<>();
    private ScheduledFuture<?> keepAlive;
    private ScheduledFuture<?> poll;

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) throws NamingException {
        scheduler = InitialContext.doLookup("java:comp/DefaultManagedScheduledExecutorService");
        long every = Math.max(1, keepAliveSeconds);
        keepAlive = scheduler.scheduleWithFixedDelay(this::keepAlive, every, every, TimeUnit.SECONDS);
        long pollEvery = Math.max(100, pollMillis);
        poll = scheduler.scheduleWithFixedDelay(() -> feeds.values().forEach(Feed::read), pollEvery, pollEvery,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Opens a stream of {@code namespace}'s events on {@code sink}; with {@code lastEventId} (not null) the
     * stored events after it come first. Returns at once.
     */
    public void open(String namespace, Long lastEventId, SseEventSink sink, Sse sse) {
        if (scheduler == null) {
            throw new IllegalStateException("the event streams have not started yet");
        }
        long latest = events.latestId(namespace);
        // without Last-Event-ID the stream starts after the newest stored event
        Stream stream = new Stream(namespace, sink, sse, lastEventId == null ? latest : lastEventId);
        Feed feed = feeds.computeIfAbsent(namespace, k -> new Feed(k, latest));
        Set<Stream> streams = byNamespace.computeIfAbsent(namespace, k -> ConcurrentHashMap.newKeySet());
        if (streams.isEmpty()) {
            feed.lastId = Math.max(feed.lastId, latest); // an idle feed need not read what nobody will get
        }
        streams.add(stream);
        stream.offer(new Item(0, sse.newEventBuilder().comment("flagstaff events of " + namespace).build()));
        if (lastEventId != null) {
            scheduler.execute(() -> stream.replay(lastEventId));
        } else {
            stream.live();
        }
    }

    /** How many streams are open (for tests and the log). */
    public int open() {
        return byNamespace.values().stream().mapToInt(Set::size).sum();
    }

    /** A write committed here: its namespace's feed reads now rather than at the next tick. */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) AuditRecorded event) {
        Feed feed = event.namespace() == null ? null : feeds.get(event.namespace());
        if (feed != null && scheduler != null) {
            try {
                scheduler.execute(feed::read);
            } catch (RuntimeException e) {
                // shutting down
            }
        }
    }

    /** The new events of one namespace, read from the table in id order and queued to its streams. */
    private final class Feed {
        final String namespace;
        final AtomicBoolean reading = new AtomicBoolean();
        final AtomicBoolean again = new AtomicBoolean();
        volatile long lastId;

        Feed(String namespace, long lastId) {
            this.namespace = namespace;
            this.lastId = lastId;
        }

        void read() {
            if (!reading.compareAndSet(false, true)) {
                again.set(true);
                return;
            }
            try {
                do {
                    again.set(false);
                    Set<Stream> streams = byNamespace.get(namespace);
                    if (streams == null || streams.isEmpty()) {
                        return; // idle until a stream opens again
                    }
                    List<AuditEvent> fresh;
                    do {
                        fresh = events.after(namespace, lastId, 500);
                        for (AuditEvent event : fresh) {
                            String json = Messages.text(dev.flagstaff.audit.boundary.AuditEvent.of(event));
                            for (Stream stream : streams) {
                                stream.offer(new Item(event.id(), stream.sse.newEventBuilder()
                                        .id(Long.toString(event.id()))
                                        .mediaType(MediaType.TEXT_PLAIN_TYPE)
                                        .data(String.class, json)
                                        .build()));
                            }
                            lastId = event.id();
                        }
                    } while (fresh.size() == 500);
                } while (again.get());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The events of namespace " + namespace + " could not be read for its "
                        + "streams; trying again at the next tick", e);
            } finally {
                reading.set(false);
            }
        }
    }

    private void keepAlive() {
        for (Set<Stream> streams : byNamespace.values()) {
            for (Stream stream : streams) {
                if (stream.sink.isClosed()) {
                    stream.close();
                } else {
                    stream.offer(new Item(0, stream.sse.newEventBuilder().comment("keep-alive").build()));
                }
            }
        }
    }

    @PreDestroy
    void stop() {
        if (keepAlive != null) {
            keepAlive.cancel(false);
        }
        if (poll != null) {
            poll.cancel(false);
        }
        byNamespace.values().forEach(streams -> streams.forEach(Stream::close));
    }

    /** An event to send; {@code id} 0 for comments, which are never skipped. */
    private record Item(long id, OutboundSseEvent event) {
    }

    private final class Stream {
        final String namespace;
        final SseEventSink sink;
        final Sse sse;
        final Queue<Item> queue = new ConcurrentLinkedQueue<>();
        final AtomicInteger queued = new AtomicInteger();
        final AtomicBoolean sending = new AtomicBoolean();
        final AtomicBoolean closed = new AtomicBoolean();
        volatile boolean replaying = true;
        /** The newest event id sent; live events up to it were replayed already. */
        volatile long sent;

        Stream(String namespace, SseEventSink sink, Sse sse, long sent) {
            this.namespace = namespace;
            this.sink = sink;
            this.sse = sse;
            this.sent = sent;
        }

        void offer(Item item) {
            if (closed.get()) {
                return;
            }
            if (queued.incrementAndGet() > QUEUE_LIMIT) {
                LOG.fine(() -> "An SSE client of namespace " + namespace + " fell " + QUEUE_LIMIT
                        + " events behind; closing its stream");
                close();
                return;
            }
            queue.add(item);
            schedule();
        }

        /** No replay asked: send live events from now on. */
        void live() {
            replaying = false;
            schedule();
        }

        /** Sends the stored events after {@code lastEventId}, then the live ones. Runs on the executor. */
        void replay(long lastEventId) {
            try {
                List<AuditEvent> stored = events.after(namespace, lastEventId, REPLAY_LIMIT);
                for (AuditEvent event : stored) {
                    if (closed.get()) {
                        return;
                    }
                    sink.send(sse.newEventBuilder()
                            .id(Long.toString(event.id()))
                            .mediaType(MediaType.TEXT_PLAIN_TYPE)
                            .data(String.class, Messages.text(dev.flagstaff.audit.boundary.AuditEvent.of(event)))
                            .build()).toCompletableFuture().join();
                    sent = event.id();
                }
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "An SSE stream of namespace " + namespace + " ended during its replay", e);
                close();
                return;
            }
            live();
        }

        private void schedule() {
            if (!replaying && !closed.get() && !queue.isEmpty() && sending.compareAndSet(false, true)) {
                try {
                    scheduler.execute(this::drain);
                } catch (RuntimeException e) {
                    sending.set(false);
                    close();
                }
            }
        }

        private void drain() {
            try {
                Item item;
                while (!closed.get() && (item = queue.poll()) != null) {
                    queued.decrementAndGet();
                    if (item.id() != 0 && item.id() <= sent) {
                        continue;
                    }
                    sink.send(item.event()).toCompletableFuture().join();
                    if (item.id() != 0) {
                        sent = item.id();
                    }
                }
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "An SSE client of namespace " + namespace + " left", e);
                close();
            } finally {
                sending.set(false);
            }
            schedule();
        }

        void close() {
            if (closed.compareAndSet(false, true)) {
                Set<Stream> streams = byNamespace.get(namespace);
                if (streams != null) {
                    streams.remove(this);
                }
                queue.clear();
                try {
                    sink.close();
                } catch (RuntimeException e) {
                    // already gone
                }
            }
        }
    }
}
