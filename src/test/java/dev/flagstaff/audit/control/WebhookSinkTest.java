package dev.flagstaff.audit.control;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WebhookSinkTest {

    /** RFC 4231 test case 2, written as Flipt writes the signature: lower-case hex of the HMAC-SHA256. */
    @Test
    void signsTheBodyAsFliptDoes() {
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                WebhookSink.sign("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)));
    }
}
