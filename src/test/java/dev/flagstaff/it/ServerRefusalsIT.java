package dev.flagstaff.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Malformed requests sent over a raw socket (an HTTP client would correct or refuse most of them), and what
 * Payara Micro answers: the ones that reach Flagstaff are answered in the contract's error shape (what the servlet
 * container itself refuses goes to {@code http.ErrorPageServlet}); the ones Payara's HTTP layer refuses before it
 * picks an application get its own answer with an empty body, listed here (and in the README) so that a change
 * of Payara's behaviour shows.
 */
@FlagstaffIT
@Tag("embedded-only") // what the HTTP layer answers does not depend on the database: checked once, in the H2 run
class ServerRefusalsIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL base;

    /** One raw request and what it must get: a status, and whether the body is the contract's error. */
    record Case(String name, String request, int status, int code, boolean shaped) {
    }

    private static String get(String target, String... headers) {
        return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + String.join("", headers) + "Connection: close\r\n\r\n";
    }

    @Test
    void refusalsOfTheServerItself() throws IOException {
        List<Case> cases = List.of(
                // these reach Flagstaff, which answers in the contract's shape
                new Case("encoded slash", get("/api/v1/flags/a%2Fb"), 404, 5, true),
                new Case("dot segments, resolved", get("/api/v1/../../etc/passwd"), 404, 5, true),
                new Case("unknown path", get("/nothing/here"), 404, 5, true),
                new Case("the error page itself", get("/flagstaff-error-page"), 404, 5, true),
                // refused by Payara's HTTP layer (Grizzly) before it picks an application, so no error page of the
                // application applies: the server's own answer with an empty body
                new Case("percent escape that is not hex", get("/api/v1/flags/%ZZ"), 200, 0, false), // sic: Payara
                new Case("percent escape that is not UTF-8", get("/api/v1/flags/%C3%28"), 400, 0, false),
                new Case("encoded NUL", get("/api/v1/flags/a%00b"), 400, 0, false),
                new Case("segment of dots only", get("/api/v1/flags/..."), 400, 0, false),
                new Case("dot segments above the root", get("/api/v1/../../../etc/passwd"), 400, 0, false),
                new Case("body on a GET", "GET /api/v1/flags HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\n"
                        + "Connection: close\r\n\r\n{}", 400, 0, false),
                new Case("body on a DELETE", "DELETE /api/v1/flags/nothing HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Length: 2\r\nConnection: close\r\n\r\n{}", 400, 0, false),
                new Case("Content-Length not a number", "POST /api/v1/flags HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Length: abc\r\nConnection: close\r\n\r\n", 400, 0, false),
                new Case("request line over 8 KB", get("/api/v1/flags/" + "a".repeat(10_000)), 400, 0, false),
                new Case("header over 8 KB", get("/api/v1/flags", "X-Big: " + "b".repeat(10_000) + "\r\n"), 400, 0, false));
        List<String> seen = new ArrayList<>();
        for (Case c : cases) {
            String[] answer = send(c.request());
            int status = Integer.parseInt(answer[0].split(" ")[1]);
            System.out.printf("[refusals] %-34s %s %s%n", c.name(), answer[0], abbreviate(answer[1]));
            seen.add(c.name() + ": " + status + " " + (c.shaped() ? shape(answer[1]) : answer[1].isEmpty() ? "empty" : "a body"));
        }
        List<String> expected = cases.stream()
                .map(c -> c.name() + ": " + c.status() + " " + (c.shaped() ? "code " + c.code() : "empty")).toList();
        assertEquals(expected, seen);
    }

    /** The status line and the body of the answer to {@code request}. */
    private String[] send(String request) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    received.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // the server may close without reading the rest of the request
            }
            String text = received.toString(StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String body = end < 0 ? "" : text.substring(end + 4);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            return new String[]{head.lines().findFirst().orElse("no answer 0"), body};
        }
    }

    private static String unchunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(chunked, lineEnd + 2, Math.min(chunked.length(), lineEnd + 2 + size));
            at = lineEnd + 2 + size + 2;
        }
        return out.toString();
    }

    /** "code N" when {@code body} is the contract's error body, else what it is. */
    private static String shape(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonObject error = reader.readObject();
            boolean shaped = error.size() == 3 && error.containsKey("code") && error.containsKey("message")
                    && error.getJsonArray("details").isEmpty();
            return shaped ? "code " + error.getInt("code") : "not the error shape: " + abbreviate(body);
        } catch (RuntimeException e) {
            return "not JSON: " + abbreviate(body);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }
}
