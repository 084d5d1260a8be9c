package dev.flagstaff.streaming.boundary;

import dev.flagstaff.streaming.control.ClientSnapshot;
import dev.flagstaff.streaming.control.Streams;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

import java.io.IOException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One open stream, written with the Servlet API's non-blocking output ({@link WriteListener}): no thread waits for
 * the client. It holds at most one message that has not been handed to the connection yet, always the newest
 * (an older snapshot not yet started is dropped for a newer one), so a client that reads slowly or not at all
 * costs one shared frame and delays nobody; when its connection fails or closes, it is removed.
 * <p>
 * A keep-alive is one space: the official SDKs (flipt-client-sdks' engine) read the stream line by line and parse
 * each line as {@code {"result":…}}, so an extra line would be an error for them, while a space is leading
 * whitespace of the next line's JSON.
 */
final class StreamConnection implements Streams.Sink, WriteListener, AsyncListener {

    private static final Logger LOG = Logger.getLogger(StreamConnection.class.getName());
    private static final byte[] KEEP_ALIVE = {' '};

    private final AsyncContext context;
    private final ServletOutputStream out;
    private final Consumer<StreamConnection> onClose;

    /** Guarded by this. */
    private byte[] pending;
    private long offeredGeneration = Long.MIN_VALUE;
    private String offeredDigest;
    private long lastWrite = System.nanoTime();
    private boolean closed;
    private boolean listening;

    StreamConnection(AsyncContext context, ServletOutputStream out, String clientDigest,
                     Consumer<StreamConnection> onClose) {
        this.context = context;
        this.out = out;
        this.offeredDigest = clientDigest;
        this.onClose = onClose;
    }

    /** Starts writing: the container calls {@link #onWritePossible} once the connection can take data. */
    synchronized void start() {
        listening = true;
        out.setWriteListener(this);
    }

    @Override
    public synchronized void offer(ClientSnapshot snapshot) {
        if (closed || snapshot.generation() < offeredGeneration) {
            return;
        }
        offeredGeneration = snapshot.generation();
        if (snapshot.digest().equals(offeredDigest)) {
            return; // the client has it, or is about to
        }
        offeredDigest = snapshot.digest();
        pending = snapshot.frame();
        drain();
    }

    @Override
    public synchronized void keepAlive(long idleNanos) {
        if (!closed && pending == null && System.nanoTime() - lastWrite >= idleNanos) {
            pending = KEEP_ALIVE;
            drain();
        }
    }

    @Override
    public synchronized void onWritePossible() {
        drain();
    }

    /** Hands the pending message to the connection while it takes data without blocking. */
    private void drain() {
        if (closed || !listening) {
            return;
        }
        try {
            while (out.isReady()) {
                byte[] next = pending;
                if (next == null) {
                    return;
                }
                pending = null;
                out.write(next);
                lastWrite = System.nanoTime();
                if (!out.isReady()) {
                    return; // the container finishes this write and calls onWritePossible
                }
                out.flush();
            }
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "A snapshot stream's client went away", e);
            close();
        }
    }

    @Override
    public void onError(Throwable t) {
        LOG.log(Level.FINE, "A snapshot stream's connection failed", t);
        close();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            pending = null;
        }
        onClose.accept(this);
        try {
            context.complete();
        } catch (IllegalStateException e) {
            // already completed by the container (the connection closed)
        }
    }

    @Override
    public void onComplete(AsyncEvent event) {
        close();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        close();
    }

    @Override
    public void onError(AsyncEvent event) {
        onError(event.getThrowable());
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // streams are started once
    }
}
