package dev.flagstaff.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The request limits of {@link Limits}, with their messages, on the defaults. */
class LimitsTest {

    private final Limits limits = Limits.DEFAULTS;

    @Test
    void nestingIsCountedOutsideStringsOnly() {
        String deep100 = "[".repeat(100) + "]".repeat(100);
        assertDoesNotThrow(() -> limits.checkDepth(deep100, "request body"));
        ApiException tooDeep = assertThrows(ApiException.class,
                () -> limits.checkDepth("{\"a\":" + "[".repeat(101) + "]".repeat(101) + "}", "request body"));
        assertEquals(Code.INVALID_ARGUMENT, tooDeep.code());
        assertEquals("request body: JSON nested deeper than 100 levels", tooDeep.getMessage());
        // brackets inside strings, also after escaped quotes, do not count
        String inString = "{\"a\":\"" + "[".repeat(500) + "\\\"" + "{".repeat(500) + "\"}";
        assertDoesNotThrow(() -> limits.checkDepth(inString, "request body"));
        assertDoesNotThrow(() -> limits.checkDepth(inString.getBytes(StandardCharsets.UTF_8), "request body"));
        assertThrows(ApiException.class, () -> limits.checkDepth(
                ("[\"é\"," + "{\"a\":".repeat(101) + "1" + "}".repeat(101) + "]").getBytes(StandardCharsets.UTF_8), "x"));
    }

    @Test
    void aBodyOverTheLimitIsFliptsResourceExhausted() {
        ApiException tooLarge = limits.bodyTooLarge();
        assertEquals(8, tooLarge.code().grpc());
        assertEquals(429, tooLarge.code().http());
        assertEquals("request body too large: more than 1048576 bytes", tooLarge.getMessage());
    }

    @Test
    void batchesAndStrings() {
        assertDoesNotThrow(() -> limits.checkBatch(java.util.Collections.nCopies(1000, "x")));
        assertEquals("invalid field requests: must contain at most 1000 items", assertThrows(ApiException.class,
                () -> limits.checkBatch(java.util.Collections.nCopies(1001, "x"))).getMessage());
        assertEquals("invalid field name: must be at most 3 characters", assertThrows(ApiException.class,
                () -> Limits.checkString("name", "abcd", 3)).getMessage());
    }

    @Test
    void messagesRefuseTooLongStringsAndTooDeepBodies() {
        record Named(String name) {
        }
        String json = "{\"name\":\"" + "n".repeat(Limits.DEFAULTS.maxStringLength() + 1) + "\"}";
        ApiException tooLong = assertThrows(ApiException.class,
                () -> Messages.read(Named.class, MessageBodies.parse(json.getBytes(StandardCharsets.UTF_8))));
        assertEquals("invalid field name: must be at most 65536 characters", tooLong.getMessage());
        ApiException tooDeep = assertThrows(ApiException.class, () -> MessageBodies.parse(
                ("{\"k\":" + "[".repeat(5000) + "]".repeat(5000) + "}").getBytes(StandardCharsets.UTF_8)));
        assertEquals("request body: JSON nested deeper than 100 levels", tooDeep.getMessage());
    }
}
