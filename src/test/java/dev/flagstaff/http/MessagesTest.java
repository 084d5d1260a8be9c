package dev.flagstaff.http;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The generic record mapping of {@link Messages}: the rules every Flipt message is read and written by. */
class MessagesTest {

    record Item(String key, int rank) { }

    record Outer(
            @Schema(name = "protected", required = true) boolean isProtected,
            @Schema(required = true) String always,
            String omittedWhenNull,
            @Schema(required = true) List<Item> items,
            Item nested,
            Instant at,
            Map<String, String> labels,
            JsonValue value) { }

    @Test
    void writesComponentsInOrderWithTheSchemaNameAndLeavesOutWhatIsNullAndNotRequired() {
        assertEquals("{\"protected\":true,\"always\":\"\",\"items\":[]}",
                Messages.text(new Outer(true, null, null, null, null, null, null, null)));
        assertEquals("{\"protected\":false,\"always\":\"a\",\"omittedWhenNull\":\"o\",\"items\":[{\"key\":\"k\","
                        + "\"rank\":2}],\"nested\":{\"rank\":0},\"at\":\"2024-05-02T09:15:27.400Z\","
                        + "\"labels\":{\"x\":\"y\"},\"value\":\"v\"}",
                Messages.text(new Outer(false, "a", "o", List.of(new Item("k", 2)), new Item(null, 0),
                        Instant.parse("2024-05-02T09:15:27.4Z"), Map.of("x", "y"), Json.createValue("v"))));
    }

    @Test
    void readsNestedMessagesListsAndTheSchemaName() {
        Outer read = read(Outer.class, "{\"protected\":true,\"items\":[{\"key\":\"a\",\"rank\":\"3\"}],"
                + "\"nested\":{\"key\":\"n\"},\"at\":\"2024-05-02T11:15:27+02:00\",\"labels\":{\"l\":null},"
                + "\"value\":[1],\"unknown\":{\"ignored\":true}}");
        assertEquals(true, read.isProtected());
        assertEquals("", read.always());
        assertEquals(List.of(new Item("a", 3)), read.items());
        assertEquals(new Item("n", 0), read.nested());
        assertEquals(Instant.parse("2024-05-02T09:15:27Z"), read.at());
        assertEquals(Map.of("l", ""), read.labels());
        assertEquals(Json.createArrayBuilder().add(1).build(), read.value());
        Outer empty = read(Outer.class, "{\"at\":\"\",\"nested\":null}");
        assertNull(empty.at());
        assertNull(empty.nested());
        assertEquals(List.of(), empty.items());
    }

    @Test
    void wrongTypesAnywhereAreTheOneTypeError() {
        for (String body : List.of("{\"items\":{}}", "{\"items\":[null]}", "{\"items\":[{\"rank\":1.5}]}",
                "{\"nested\":\"x\"}", "{\"at\":\"yesterday\"}", "{\"labels\":[]}", "{\"protected\":1}")) {
            ApiException e = assertThrows(ApiException.class, () -> read(Outer.class, body), body);
            assertEquals("invalid values for key(s) in json body", e.getMessage(), body);
        }
    }

    record Checked(String key) {
        Checked {
            Validate.notEmpty("key", key);
        }
    }

    @Test
    void aRecordsOwnValidationIsTheAnswer() {
        ApiException e = assertThrows(ApiException.class, () -> read(Checked.class, "{}"));
        assertEquals("invalid field key: must not be empty", e.getMessage());
        assertEquals(Code.INVALID_ARGUMENT, e.code());
    }

    private static <R extends Record> R read(Class<R> type, String json) {
        JsonObject object = MessageBodies.parse(json.getBytes(StandardCharsets.UTF_8));
        return Messages.read(type, object);
    }
}
