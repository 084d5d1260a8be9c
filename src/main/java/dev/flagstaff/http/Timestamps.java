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

    public static String format(Instant instant) {
        String seconds = SECONDS.format(instant);
        int nanos = instant.getNano();
        if (nanos == 0) {
            return seconds + "Z";
        }
        String digits = String.format("%09d", nanos);
        if (nanos % 1_000_000 == 0) {
            digits = digits.substring(0, 3);
        } else if (nanos % 1_000 == 0) {
            digits = digits.substring(0, 6);
        }
        return seconds + "." + digits + "Z";
    }

    public static String formatMicros(long micros) {
        return format(fromMicros(micros));
    }
}
