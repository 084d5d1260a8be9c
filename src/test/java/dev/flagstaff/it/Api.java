package dev.flagstaff.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A plain HTTP client for the API, as an SDK would use it: JSON in, status and JSON out. */
final class Api {

    /** HTTP/1.1 as Flipt's SDKs speak it: the JDK client's default h2c upgrade confuses Payara (lost headers,
     *  answers read as HTTP/2 frames), which no real client of Flagstaff does. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI base;

    /** Headers every request of this client carries (e.g. a credential), as name, value pairs. */
    private final String[] defaults;

    Api(URL base) {
        this(base, new String[0]);
    }

    private Api(URL base, String[] defaults) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.defaults = defaults;
    }

    /** The same client with {@code headers} (name, value pairs) on every request. */
    Api withHeaders(String... headers) {
        try {
            return new Api(base.toURL(), headers.clone());
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    Reply get(String path) {
        return send("GET", path, null, null);
    }

    Reply post(String path, String json) {
        return send("POST", path, json, "application/json");
    }

    Reply put(String path, String json) {
        return send("PUT", path, json, "application/json");
    }

    Reply delete(String path) {
        return send("DELETE", path, null, null);
    }

    /** Any request; a null content type sends none. Extra headers come as name, value pairs. */
    Reply send(String method, String path, String body, String contentType, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < defaults.length; i += 2) {
            request.header(defaults[i], defaults[i + 1]);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One response header of a request (null when absent). */
    String header(String method, String path, String name, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).headers()
                    .firstValue(name).orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response: status, raw body and content type. */
    record Reply(int status, String body, String contentType) {

        JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        /** The body after asserting the status, for readable failures. */
        JsonObject ok() {
            assertEquals(200, status, () -> "status of a call that should succeed; body: " + body);
            return json();
        }

        /** Asserts the contract's error shape exactly. */
        void assertError(int httpStatus, int code, String message) {
            assertEquals(httpStatus, status, () -> "status; body: " + body);
            assertEquals("application/json", contentType.replaceAll(";.*", ""), "error content type");
            JsonObject json = json();
            assertEquals(code, json.getInt("code"), () -> "code; body: " + body);
            assertEquals(message, json.getString("message"), () -> "message; body: " + body);
            assertEquals(JsonValue.EMPTY_JSON_ARRAY, json.getJsonArray("details"));
            assertEquals(3, json.size(), () -> "error body has exactly code, message, details: " + body);
        }
    }

    static List<String> keys(JsonArray items) {
        return items.stream().map(v -> v.asJsonObject().getString("key")).collect(Collectors.toList());
    }
}
