package dev.flagstaff.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Graceful shutdown on Payara Micro, started as the README's run command starts it: a request that is running
 * when SIGTERM arrives (its body is still being uploaded) finishes with its normal answer, and a request that
 * arrives after SIGTERM is answered {@code 503 {"code":14,…}} while the server stops (or, once its listener is
 * closed, finds no server at all). The process then exits within the grace period plus its own stop time.
 */
@Tag("embedded-only")
class ShutdownDrainIT {

    private static final int GRACE_SECONDS = 6;

    @Test
    void runningRequestsFinishAndNewOnesGet503WhileTheServerStops() throws Exception {
        Path dataDir = TestDatabase.workDir().resolve("drain-data");
        TestDatabase.deleteTree(dataDir);
        try (PayaraProcess server = PayaraProcess.start("drain", Map.of("flagstaff.data-dir", dataDir.toString(),
                "flagstaff.shutdown.grace-seconds", Integer.toString(GRACE_SECONDS)), Map.of()).awaitReady()) {
            Api api = new Api(server.url());
            assertEquals(200, api.get("/api/v1/namespaces").status()); // deployed and serving

            byte[] body = "{\"key\":\"in_flight\",\"name\":\"In flight\",\"enabled\":true}".getBytes(StandardCharsets.UTF_8);
            try (Socket slow = new Socket("127.0.0.1", server.port())) {
                OutputStream out = slow.getOutputStream();
                out.write(("POST /api/v1/flags HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, 0, 10);
                out.flush();
                PayaraProcess.sleep(1000); // the request is in the application, reading its body

                long signalled = System.nanoTime();
                server.terminate();
                PayaraProcess.sleep(1000);

                String late = rawGet(server.port(), "/api/v1/namespaces");
                System.out.println("[drain] a new request 1 s after SIGTERM: " + late.replace("\r\n", " | "));
                if (late.startsWith("HTTP/")) {
                    assertTrue(late.startsWith("HTTP/1.1 503"), late);
                    JsonObject error = json(late.substring(late.indexOf("\r\n\r\n") + 4));
                    assertEquals(14, error.getInt("code"), late);
                    assertEquals("flagstaff is shutting down", error.getString("message"));
                    assertEquals(0, error.getJsonArray("details").size());
                } else {
                    assertEquals("refused", late, "no answer at all is only fine once the listener is closed");
                }

                PayaraProcess.sleep(1500);
                out.write(body, 10, body.length - 10); // the running request's upload completes 2.5 s after SIGTERM
                out.flush();
                String answer = readAll(slow.getInputStream());
                System.out.println("[drain] the request running at SIGTERM: " + answer.replace("\r\n", " | "));
                assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
                assertEquals("in_flight", json(answer.substring(answer.indexOf("\r\n\r\n") + 4)).getString("key"));

                assertTrue(server.awaitExit(GRACE_SECONDS + 60), "the server stops");
                System.out.printf("[drain] the process exited %.1f s after SIGTERM (grace %d s)%n",
                        (System.nanoTime() - signalled) / 1e9, GRACE_SECONDS);
            }
        }
    }

    /** A GET on a fresh connection: the raw response, or {@code refused} when nothing listens any more. */
    private static String rawGet(int port, String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return readAll(socket.getInputStream());
        } catch (ConnectException e) {
            return "refused";
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
