package dev.flagstaff.streaming.boundary;

import dev.flagstaff.streaming.control.ClientSnapshot;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-stream queue: never more than one unsent snapshot, always the newest; keep-alives only when idle. */
class StreamConnectionTest {

    private static final String V1 = "{\"namespace\":{\"key\":\"ns\"},\"flags\":[]}";

    /** A connection that takes data only while {@code ready}, like a non-blocking servlet output. */
    static class Output extends ServletOutputStream {
        boolean ready = true;
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        WriteListener listener;

        @Override
        public boolean isReady() {
            return ready;
        }

        @Override
        public void setWriteListener(WriteListener writeListener) {
            listener = writeListener;
        }

        @Override
        public void write(int b) {
            written.write(b);
        }

        List<String> lines() {
            String text = written.toString(StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (!line.isBlank()) {
                    lines.add(line.trim());
                }
            }
            return lines;
        }
    }

    static final class Context implements AsyncContext {
        boolean completed;

        @Override public ServletRequest getRequest() { return null; }
        @Override public ServletResponse getResponse() { return null; }
        @Override public boolean hasOriginalRequestAndResponse() { return true; }
        @Override public void dispatch() { }
        @Override public void dispatch(String path) { }
        @Override public void dispatch(ServletContext context, String path) { }
        @Override public void complete() { completed = true; }
        @Override public void start(Runnable run) { run.run(); }
        @Override public void addListener(AsyncListener listener) { }
        @Override public void addListener(AsyncListener listener, ServletRequest request, ServletResponse response) { }
        @Override public <T extends AsyncListener> T createListener(Class<T> clazz) { return null; }
        @Override public void setTimeout(long timeout) { }
        @Override public long getTimeout() { return 0; }
    }

    private static ClientSnapshot snapshot(long generation) {
        return ClientSnapshot.of(generation, V1.getBytes(StandardCharsets.UTF_8),
                String.format("%040d", generation));
    }

    private static String digestOf(String line) {
        return line.replaceAll(".*\"digest\":\"([0-9]+)\".*", "$1");
    }

    @Test
    void aClientThatCannotTakeMoreGetsOnlyTheNewestSnapshotWhenItCan() throws Exception {
        Output out = new Output();
        List<StreamConnection> closed = new ArrayList<>();
        StreamConnection connection = new StreamConnection(new Context(), out, null, closed::add);
        connection.start();
        connection.offer(snapshot(1));
        assertEquals(List.of(String.format("%040d", 1)), out.lines().stream().map(StreamConnectionTest::digestOf).toList());

        out.ready = false; // the client stopped reading
        for (int generation = 2; generation <= 50; generation++) {
            connection.offer(snapshot(generation));
        }
        assertEquals(1, out.lines().size(), "nothing is written while the connection is not ready");
        out.ready = true;
        out.listener.onWritePossible();
        assertEquals(List.of(String.format("%040d", 1), String.format("%040d", 50)),
                out.lines().stream().map(StreamConnectionTest::digestOf).toList(), "2 to 49 were dropped");
    }

    @Test
    void anOlderSnapshotNeverReplacesANewerOneAndAKnownDigestIsNotSent() {
        Output out = new Output();
        StreamConnection connection = new StreamConnection(new Context(), out, String.format("%040d", 3), c -> { });
        connection.start();
        connection.offer(snapshot(3));
        assertEquals(List.of(), out.lines(), "the client has digest 3");
        connection.offer(snapshot(5));
        connection.offer(snapshot(4));
        assertEquals(List.of(String.format("%040d", 5)), out.lines().stream().map(StreamConnectionTest::digestOf).toList());
    }

    @Test
    void keepAlivesOnlyWhenIdleAndNeverInsteadOfASnapshot() throws Exception {
        Output out = new Output();
        StreamConnection connection = new StreamConnection(new Context(), out, null, c -> { });
        connection.start();
        connection.keepAlive(Long.MAX_VALUE);
        assertEquals(0, out.written.size(), "not idle long enough");
        Thread.sleep(5);
        connection.keepAlive(1);
        assertEquals(" ", out.written.toString(StandardCharsets.UTF_8));
        out.ready = false;
        connection.keepAlive(0);
        connection.offer(snapshot(1));
        out.ready = true;
        out.listener.onWritePossible();
        String text = out.written.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith(" {\"result\":") && text.endsWith("}\n"), text);
    }

    @Test
    void aFailedConnectionIsClosedAndLeavesTheStreams() {
        Output out = new Output() {
            @Override
            public void write(byte[] b, int off, int len) throws java.io.IOException {
                throw new java.io.IOException("Broken pipe");
            }
        };
        Context context = new Context();
        List<StreamConnection> closed = new ArrayList<>();
        StreamConnection connection = new StreamConnection(context, out, null, closed::add);
        connection.start();
        connection.offer(snapshot(1));
        assertEquals(List.of(connection), closed);
        assertTrue(context.completed);
        connection.offer(snapshot(2));
        assertEquals(1, closed.size(), "closed once");
    }
}
