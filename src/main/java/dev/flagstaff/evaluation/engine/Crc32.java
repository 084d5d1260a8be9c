package dev.flagstaff.evaluation.engine;

import java.nio.charset.StandardCharsets;

/**
 * CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320): the same function as Go's
 * {@code crc32.ChecksumIEEE} and {@code java.util.zip.CRC32}, computed directly over the UTF-8 encoding of
 * Java strings so that evaluation allocates nothing (no concatenation, no {@code getBytes}, no
 * {@code CRC32} object). The encoding is exactly {@code String.getBytes(UTF_8)}'s: surrogate pairs become
 * 4 bytes and an unpaired surrogate becomes {@code '?'}.
 *
 * <p>Usage: {@code finish(update(update(START, a), b))} equals
 * {@code new CRC32().update((a + b).getBytes(UTF_8)).getValue()}.
 */
final class Crc32 {

    private Crc32() {
    }

    /** Initial register value. */
    static final int START = 0xFFFFFFFF;

    private static final int[] T0 = new int[256];
    private static final int[] T1 = new int[256];
    private static final int[] T2 = new int[256];
    private static final int[] T3 = new int[256];

    static {
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
            }
            T0[n] = c;
        }
        for (int n = 0; n < 256; n++) {
            T1[n] = (T0[n] >>> 8) ^ T0[T0[n] & 0xFF];
            T2[n] = (T1[n] >>> 8) ^ T0[T1[n] & 0xFF];
            T3[n] = (T2[n] >>> 8) ^ T0[T2[n] & 0xFF];
        }
    }

    /** The checksum of a finished register, as an unsigned 32-bit value. */
    static long finish(int crc) {
        return ~crc & 0xFFFF_FFFFL;
    }

    static int update(int crc, byte[] bytes) {
        for (byte b : bytes) {
            crc = T0[(crc ^ b) & 0xFF] ^ (crc >>> 8);
        }
        return crc;
    }

    /** Continues {@code crc} over the UTF-8 bytes of {@code s}. */
    static int update(int crc, String s) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            // Slicing-by-4 over runs of four ASCII characters.
            if (i + 4 <= n) {
                char c0 = s.charAt(i);
                char c1 = s.charAt(i + 1);
                char c2 = s.charAt(i + 2);
                char c3 = s.charAt(i + 3);
                if ((c0 | c1 | c2 | c3) < 0x80) {
                    int x = crc ^ (c0 | (c1 << 8) | (c2 << 16) | (c3 << 24));
                    crc = T3[x & 0xFF] ^ T2[(x >>> 8) & 0xFF] ^ T1[(x >>> 16) & 0xFF] ^ T0[x >>> 24];
                    i += 4;
                    continue;
                }
            }
            char c = s.charAt(i++);
            if (c < 0x80) {
                crc = T0[(crc ^ c) & 0xFF] ^ (crc >>> 8);
            } else if (c < 0x800) {
                crc = T0[(crc ^ (0xC0 | (c >> 6))) & 0xFF] ^ (crc >>> 8);
                crc = T0[(crc ^ (0x80 | (c & 0x3F))) & 0xFF] ^ (crc >>> 8);
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i < n && Character.isLowSurrogate(s.charAt(i))) {
                    int cp = Character.toCodePoint(c, s.charAt(i++));
                    crc = T0[(crc ^ (0xF0 | (cp >> 18))) & 0xFF] ^ (crc >>> 8);
                    crc = T0[(crc ^ (0x80 | ((cp >> 12) & 0x3F))) & 0xFF] ^ (crc >>> 8);
                    crc = T0[(crc ^ (0x80 | ((cp >> 6) & 0x3F))) & 0xFF] ^ (crc >>> 8);
                    crc = T0[(crc ^ (0x80 | (cp & 0x3F))) & 0xFF] ^ (crc >>> 8);
                } else {
                    crc = T0[(crc ^ '?') & 0xFF] ^ (crc >>> 8);
                }
            } else {
                crc = T0[(crc ^ (0xE0 | (c >> 12))) & 0xFF] ^ (crc >>> 8);
                crc = T0[(crc ^ (0x80 | ((c >> 6) & 0x3F))) & 0xFF] ^ (crc >>> 8);
                crc = T0[(crc ^ (0x80 | (c & 0x3F))) & 0xFF] ^ (crc >>> 8);
            }
        }
        return crc;
    }

    /** {@code crc32.ChecksumIEEE([]byte(s))}. */
    static long checksum(String s) {
        return finish(update(START, s));
    }

    /** The UTF-8 bytes {@link #update(int, String)} hashes (for tests and pre-computation). */
    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
