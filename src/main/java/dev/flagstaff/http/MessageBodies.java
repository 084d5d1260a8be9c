package dev.flagstaff.http;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * The JAX-RS side of {@link Messages}: every request body that a resource takes as a Flagstaff record is read
 * here, whatever the Content-Type says (Flipt SDKs send {@code application/json}, {@code text/plain} or nothing;
 * zero bytes mean "all fields default", anything but a JSON object is a 400), and every record a resource returns
 * is written here as compact UTF-8 JSON. Being the application's own provider, it is chosen over the server's
 * JSON-B on Payara and on Open Liberty alike, so both send the same bytes.
 */
@Provider
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
public class MessageBodies implements MessageBodyReader<Record>, MessageBodyWriter<Record> {

    private static final JsonReaderFactory READERS = JsonP.PROVIDER.createReaderFactory(Map.of());

    private static boolean ours(Class<?> type) {
        return type.isRecord() && type.getName().startsWith("dev.flagstaff.");
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return ours(type);
    }

    @Override
    public Record readFrom(Class<Record> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> headers, InputStream stream) throws IOException {
        // the servlet filter limits the stream already; this keeps the limit where a server bypasses it
        long max = Limits.current().maxBodyBytes();
        byte[] bytes = read(stream, (int) Math.min(Integer.MAX_VALUE - 8, max + 1), declaredLength(headers));
        if (bytes.length > max) {
            throw Limits.current().bodyTooLarge();
        }
        return Messages.read(type, parse(bytes));
    }

    /** The request's Content-Length, or -1 (chunked, absent or unreadable). */
    private static int declaredLength(MultivaluedMap<String, String> headers) {
        String length = headers == null ? null : headers.getFirst("Content-Length");
        if (length == null) {
            return -1;
        }
        try {
            return Integer.parseInt(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * At most {@code limit} bytes of {@code stream}, to its end. The buffer starts at the declared length (a small
     * body costs one array of its size, where {@link InputStream#readNBytes(int)} took 8 KB per call) and grows
     * when the stream holds more than declared.
     */
    static byte[] read(InputStream stream, int limit, int declared) throws IOException {
        byte[] buffer = new byte[Math.min(limit, declared >= 0 ? declared + 1 : 1024)];
        int size = 0;
        while (size < limit) {
            if (size == buffer.length) {
                buffer = Arrays.copyOf(buffer, (int) Math.min(limit, buffer.length * 2L));
            }
            int n = stream.read(buffer, size, buffer.length - size);
            if (n < 0) {
                break;
            }
            size += n;
        }
        return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
    }

    /** A request body as a JSON object: the empty object for a blank body; otherwise Flipt's 400s. */
    public static JsonObject parse(byte[] bytes) {
        if (isBlank(bytes)) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        Limits.current().checkDepth(bytes, "request body");
        JsonValue value;
        // decoded here in one step: a reader over the bytes would allocate a stream decoder and its buffers per body
        String text = new String(bytes, StandardCharsets.UTF_8);
        try (JsonReader reader = READERS.createReader(new StringReader(text))) {
            value = reader.readValue();
        } catch (JsonParsingException e) {
            throw ApiException.invalid(firstLine(e.getMessage()));
        } catch (jakarta.json.JsonException e) {
            throw ApiException.invalid("unexpected EOF");
        } catch (RuntimeException e) { // a parser's own limits (e.g. Parsson's nesting depth): still the client's JSON
            throw ApiException.invalid("invalid JSON: " + firstLine(e.getMessage()));
        }
        if (value instanceof JsonObject object) {
            return object;
        }
        throw ApiException.badJsonTypes();
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return ours(type);
    }

    @Override
    public void writeTo(Record value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream stream) throws IOException {
        // Written to memory first, then handed to the entity stream in one write and not flushed (the container
        // owns the stream; flushing it per response cost a stream encoder and a servlet flush on Open Liberty).
        TextBuffer text = new TextBuffer();
        try (JsonGenerator generator = Messages.GENERATORS.createGenerator(text)) {
            Messages.write(generator, value);
        }
        stream.write(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A {@link java.io.Writer} into a {@link StringBuilder}, without {@link java.io.StringWriter}'s locking. */
    private static final class TextBuffer extends Writer {
        private final StringBuilder text = new StringBuilder(512);

        @Override
        public void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
        }

        @Override
        public void write(String string, int offset, int length) {
            text.append(string, offset, offset + length);
        }

        @Override
        public void write(int c) {
            text.append((char) c);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return text.toString();
        }
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
