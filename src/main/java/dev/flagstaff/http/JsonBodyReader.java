package dev.flagstaff.http;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads every request body into a {@link JsonBody}, whatever the Content-Type says (Flipt SDKs send
 * {@code application/json}, {@code text/plain} or nothing). Zero bytes mean "all fields default";
 * anything but a JSON object is a 400.
 */
@Provider
@Consumes(MediaType.WILDCARD)
public class JsonBodyReader implements MessageBodyReader<JsonBody> {

    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == JsonBody.class;
    }

    @Override
    public JsonBody readFrom(Class<JsonBody> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                             MultivaluedMap<String, String> headers, InputStream stream) throws IOException {
        return parse(stream.readAllBytes());
    }

    public static JsonBody parse(byte[] bytes) {
        if (isBlank(bytes)) {
            return JsonBody.EMPTY;
        }
        JsonValue value;
        try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            value = reader.readValue();
        } catch (JsonParsingException e) {
            throw ApiException.invalid(firstLine(e.getMessage()));
        } catch (jakarta.json.JsonException e) {
            throw ApiException.invalid("unexpected EOF");
        }
        if (value instanceof JsonObject object) {
            return new JsonBody(object);
        }
        throw ApiException.badJsonTypes();
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "invalid JSON";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
