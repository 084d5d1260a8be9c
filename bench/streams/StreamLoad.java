import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Load for Flipt v2's snapshot stream ({@code GET /client/v2/environments/default/namespaces/{ns}/stream}): opens
 * --streams connections from one thread (NIO), waits for each one's first snapshot, lets them idle, reads the
 * server's memory and thread count (from /proc, --pid), then makes --changes writes one after another and
 * measures for every stream how long after the write was sent its next line arrived. Prints p50/p99/max.
 *
 *   java bench/streams/StreamLoad.java --port 18080 --pid PID [--streams 2000] [--changes 10] [--idle 20]
 */
public class StreamLoad {

    public static void main(String[] args) throws Exception {
        int port = 18080, streams = 2000, changes = 10, idle = 20;
        long pid = -1;
        String token = System.getenv().getOrDefault("BENCH_TOKEN", "");
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--streams" -> streams = Integer.parseInt(args[i + 1]);
                case "--changes" -> changes = Integer.parseInt(args[i + 1]);
                case "--idle" -> idle = Integer.parseInt(args[i + 1]);
                case "--pid" -> pid = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String base = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newHttpClient();
        String ns = "load" + UUID.randomUUID().toString().substring(0, 8);
        send(http, token, "POST", base + "/api/v1/namespaces", "{\"key\":\"" + ns + "\",\"name\":\"Load\"}");
        send(http, token, "POST", base + "/api/v1/namespaces/" + ns + "/flags",
                "{\"key\":\"dark\",\"name\":\"Dark\",\"type\":\"BOOLEAN_FLAG_TYPE\"}");
        send(http, token, "POST", base + "/api/v1/namespaces/" + ns + "/flags/dark/rollouts",
                "{\"rank\":1,\"threshold\":{\"percentage\":50,\"value\":true}}");

        System.out.println("before streams: " + memory(pid));
        Selector selector = Selector.open();
        Conn[] conns = new Conn[streams];
        byte[] request = ("GET /client/v2/environments/default/namespaces/" + ns + "/stream HTTP/1.1\r\n"
                + "Host: localhost\r\nAccept: application/json\r\n"
                + (token.isEmpty() ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        long openStart = System.nanoTime();
        for (int i = 0; i < streams; i++) {
            SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
            channel.write(ByteBuffer.wrap(request));
            channel.configureBlocking(false);
            conns[i] = new Conn();
            channel.register(selector, SelectionKey.OP_READ, conns[i]);
            if (i % 200 == 199) {
                pump(selector, 0);
            }
        }
        awaitLines(selector, conns, 1, 120_000);
        System.out.printf("opened %d streams, each got its first snapshot, in %d ms%n", streams,
                (System.nanoTime() - openStart) / 1_000_000);
        long idleEnd = System.currentTimeMillis() + idle * 1000L;
        while (System.currentTimeMillis() < idleEnd) {
            pump(selector, 200);
        }
        System.out.println("after " + idle + " s with " + streams + " idle streams: " + memory(pid));

        List<Long> latencies = new ArrayList<>();
        for (int c = 1; c <= changes; c++) {
            long sent = System.nanoTime();
            for (Conn conn : conns) {
                conn.since = sent;
            }
            send(http, token, "PUT", base + "/api/v1/namespaces/" + ns + "/flags/dark",
                    "{\"name\":\"Dark\",\"enabled\":" + (c % 2 == 1) + "}");
            awaitLines(selector, conns, 1 + c, 30_000);
            for (Conn conn : conns) {
                latencies.add(conn.lastLatency);
            }
            pump(selector, 500);
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("change to stream, %d deliveries (%d streams x %d changes): p50 %.1f ms, p99 %.1f ms, "
                        + "max %.1f ms%n", sorted.length, streams, changes, sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6, sorted[sorted.length - 1] / 1e6);
        System.out.println("at the end: " + memory(pid));
        for (SelectionKey key : selector.keys()) {
            key.channel().close();
        }
    }

    static final class Conn {
        final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        boolean headers;
        int lines;
        long since;
        long lastLatency;
    }

    private static void awaitLines(Selector selector, Conn[] conns, int lines, long timeoutMillis) throws IOException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (Arrays.stream(conns).anyMatch(c -> c.lines < lines)) {
            if (System.currentTimeMillis() > deadline) {
                long behind = Arrays.stream(conns).filter(c -> c.lines < lines).count();
                throw new IllegalStateException(behind + " streams did not get line " + lines + " in time");
            }
            pump(selector, 100);
        }
    }

    /** Reads what arrived; counts body lines per stream (newlines after the header block). */
    private static void pump(Selector selector, long waitMillis) throws IOException {
        if (waitMillis == 0 ? selector.selectNow() == 0 : selector.select(waitMillis) == 0) {
            return;
        }
        long now = System.nanoTime();
        for (SelectionKey key : selector.selectedKeys()) {
            Conn conn = (Conn) key.attachment();
            SocketChannel channel = (SocketChannel) key.channel();
            conn.buffer.clear();
            int read = channel.read(conn.buffer);
            if (read < 0) {
                key.cancel();
                throw new IllegalStateException("a stream was closed by the server");
            }
            byte[] data = Arrays.copyOf(conn.buffer.array(), read);
            String text = new String(data, StandardCharsets.ISO_8859_1);
            if (!conn.headers) {
                int end = text.indexOf("\r\n\r\n");
                if (end < 0) {
                    continue; // headers arrive in one read in practice on loopback
                }
                conn.headers = true;
                text = text.substring(end + 4);
            }
            // chunk-size lines end in CRLF; a message line ends in a bare LF followed by the chunk's CRLF
            for (int i = text.indexOf("}\n"); i >= 0; i = text.indexOf("}\n", i + 1)) {
                conn.lines++;
                conn.lastLatency = now - conn.since;
            }
        }
        selector.selectedKeys().clear();
    }

    private static String memory(long pid) throws IOException {
        if (pid <= 0) {
            return "(no --pid)";
        }
        long rss = 0, threads = 0;
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("\\D", ""));
            } else if (line.startsWith("Threads:")) {
                threads = Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return String.format("server RSS %d MB, %d threads", rss / 1024, threads);
    }

    private static void send(HttpClient http, String token, String method, String url, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        if (!token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(method + " " + url + ": " + response.statusCode() + " " + response.body());
        }
    }
}
