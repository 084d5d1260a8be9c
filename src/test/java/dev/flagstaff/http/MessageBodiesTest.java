package dev.flagstaff.http;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MessageBodiesTest {

    private static byte[] body(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) ('a' + i % 26);
        }
        return bytes;
    }

    /** A stream that hands out at most 7 bytes per read, as a socket may. */
    private static InputStream trickle(byte[] bytes) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 7));
            }
        };
    }

    @Test
    void readsTheWholeBodyWhateverTheDeclaredLengthSays() throws IOException {
        byte[] bytes = body(3000);
        assertArrayEquals(bytes, MessageBodies.read(trickle(bytes), 1 << 20, 3000));
        assertArrayEquals(bytes, MessageBodies.read(trickle(bytes), 1 << 20, -1)); // chunked
        assertArrayEquals(bytes, MessageBodies.read(trickle(bytes), 1 << 20, 10)); // more than declared
        assertArrayEquals(bytes, MessageBodies.read(trickle(bytes), 1 << 20, 5000)); // less than declared
        assertEquals(0, MessageBodies.read(trickle(new byte[0]), 1 << 20, 0).length);
    }

    @Test
    void stopsAtTheLimitSoTheCallerSeesTheBodyIsTooLarge() throws IOException {
        byte[] bytes = body(3000);
        assertEquals(1001, MessageBodies.read(trickle(bytes), 1001, -1).length);
        assertEquals(1001, MessageBodies.read(trickle(bytes), 1001, 3000).length);
        assertEquals(1001, MessageBodies.read(trickle(bytes), 1001, 20).length);
    }
}
