package dev.flagstaff.http;

import dev.flagstaff.evaluation.engine.GoJson;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/**
 * JSON carried as text inside a field (variant attachments): validated as any JSON value and compacted by
 * dropping insignificant whitespace only, so numbers and string escapes stay exactly as the client wrote
 * them (Go's json.Compact, the evaluation engine's {@link GoJson#compact}).
 */
public final class JsonText {

    /** Flipt's limit for an attachment: more than this many bytes is refused. */
    public static final int MAX_ATTACHMENT_BYTES = 1_024_000;

    private JsonText() {
    }

    /** Validates a variant attachment and returns it compacted; {@code ""} stays {@code ""}. */
    public static String attachment(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        Limits.current().checkDepth(text, "invalid field attachment");
        if (!isValid(text)) {
            throw ApiException.invalidField("attachment", "must be a json string");
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_ATTACHMENT_BYTES) {
            throw ApiException.invalidField("attachment", "must be less than 1000 KB");
        }
        return GoJson.compact(text); // the engine's json.Compact: one implementation
    }

    public static boolean isValid(String text) {
        try (JsonReader reader = JsonP.PROVIDER.createReader(new StringReader(text))) {
            reader.readValue();
            return true;
        } catch (RuntimeException e) { // JsonException, or a parser's own limit such as its nesting depth
            return false;
        }
    }

}
