package dev.flagstaff.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Timestamps as Flipt writes them: RFC 3339 in UTC with {@code Z}, no fraction when the nanoseconds are
 * zero, otherwise the shortest of 3, 6 or 9 digits that is exact (contract section 1.2.5). Entities keep
 * microsecond precision, stored as microseconds since the epoch.
 */
public final class Timestamps {

    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** Now, truncated to what the database keeps, so a create returns exactly what a later read returns. */
    public static long nowMicros() {
        return toMicros(Instant.now());
    }

    public static long toMicros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant.truncatedTo(ChronoUnit.MICROS));
    }

    public static Instant fromMicros(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    /** The seconds part of the last second formatted, shared by all threads (an immutable pair, one volatile read). */
    private record Second(long epochSecond, String text) {
    }

    private static volatile Second last = new Second(Long.MIN_VALUE, "");

    public static String format(Instant instant) {
        long epochSecond = instant.getEpochSecond();
        Second second = last;
        if (second.epochSecond() != epochSecond) { // evaluation responses ask for "now": one format per second
            second = new Second(epochSecond, SECONDS.format(instant));
            last = second;
        }
        int nanos = instant.getNano();
        String seconds = second.text();
        if (nanos == 0) {
            return seconds + "Z";
        }
        int digits = nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
        int value = digits == 3 ? nanos / 1_000_000 : digits == 6 ? nanos / 1_000 : nanos;
        int length = seconds.length();
        char[] text = new char[length + 2 + digits];
        seconds.getChars(0, length, text, 0);
        text[length] = '.';
        for (int i = length + digits; i > length; i--) { // the fraction with its leading zeros, by hand
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        text[length + 1 + digits] = 'Z';
        return new String(text);
    }

    public static String formatMicros(long micros) {
        return format(fromMicros(micros));
    }
}
