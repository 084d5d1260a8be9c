package dev.flagstaff.auth.boundary;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OfrepErrorTest {

    @Test
    void theSingleFlagRoutesKeyIsDecodedOnce() {
        assertTrue(OfrepError.applies("/ofrep/v1/evaluate/flags/dark%20mode"));
        assertFalse(OfrepError.applies("/api/v1/flags"));
        assertEquals("dark mode", OfrepError.body("/ofrep/v1/evaluate/flags/dark%20mode", "x").key());
        // a key that decodes to a '%' must not be decoded a second time (HostileInputIT: was a 500)
        assertEquals("\uD83D\uDE429%", OfrepError.body("ofrep/v1/evaluate/flags/%F0%9F%99%829%25", "x").key());
        assertEquals("50%", OfrepError.body("ofrep/v1/evaluate/flags/50%", "x").key());
        assertNull(OfrepError.body("/ofrep/v1/evaluate/flags", "x").key());
    }
}
