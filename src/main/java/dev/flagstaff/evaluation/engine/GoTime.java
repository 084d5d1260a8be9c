package dev.flagstaff.evaluation.engine;

/**
 * Flipt's {@code tryParseDateTime}: Go's {@code time.Parse(time.RFC3339, v)}, else
 * {@code time.Parse(time.DateOnly, v)}, re-implemented bit-exactly and without allocation.
 *
 * <p>Accepted (Go 1.20+ general parser, which is a superset of its RFC 3339 fast path):
 * <ul>
 *   <li>{@code YYYY-MM-DDTHH:MM:SS[frac](Z|±hh:mm)}: 4-digit year; 2-digit month (01..12), day (valid for
 *       the month, proleptic Gregorian), minute and second (00..59); the hour may have 1 or 2 digits (0..23);
 *       {@code frac} is {@code .} or {@code ,} followed by one or more digits (digits beyond the ninth are
 *       ignored); the zone is {@code Z} or a sign, 2-digit hour up to 24, {@code :}, 2-digit minute up to 60.
 *       {@code T} and {@code Z} are upper-case only.</li>
 *   <li>{@code YYYY-MM-DD} (midnight UTC).</li>
 * </ul>
 * The instant is returned as epoch seconds ({@link #parseEpochSecond}) plus nanoseconds ({@link #nanos});
 * splitting it avoids allocating an {@code Instant} on the hot path (nanoseconds are only needed when two
 * instants share the same second).
 */
final class GoTime {

    private GoTime() {
    }

    /** Returned by {@link #parseEpochSecond} for an unparsable value. */
    static final long INVALID = Long.MIN_VALUE;

    /** Epoch seconds of {@code s}, or {@link #INVALID}. */
    static long parseEpochSecond(String s) {
        long v = parseRfc3339(s);
        return v != INVALID ? v : parseDateOnly(s);
    }

    /** Nanosecond-of-second of a value for which {@link #parseEpochSecond} succeeded. */
    static int nanos(String s) {
        int t = s.indexOf('T');
        if (t < 0) {
            return 0; // date-only
        }
        int p = t + 1;
        p += digit(s, p + 1) ? 2 : 1; // 1- or 2-digit hour
        p += 6; // ":MM:SS"
        if (p + 1 < s.length() && (s.charAt(p) == '.' || s.charAt(p) == ',') && digit(s, p + 1)) {
            return fraction(s, p + 1);
        }
        return 0;
    }

    private static long parseRfc3339(String s) {
        int n = s.length();
        if (n < 4 || !digits(s, 0, 4)) {
            return INVALID;
        }
        int year = num(s, 0, 4);
        if (!at(s, 4, '-') || !digits(s, 5, 2)) {
            return INVALID;
        }
        int month = num(s, 5, 2);
        if (month < 1 || month > 12 || !at(s, 7, '-') || !digits(s, 8, 2)) {
            return INVALID;
        }
        int day = num(s, 8, 2);
        if (!at(s, 10, 'T') || !digit(s, 11)) {
            return INVALID;
        }
        int p = 11;
        int hour;
        if (digit(s, 12)) {
            hour = num(s, 11, 2);
            p = 13;
        } else {
            hour = s.charAt(11) - '0';
            p = 12;
        }
        if (hour > 23 || !at(s, p, ':') || !digits(s, p + 1, 2)) {
            return INVALID;
        }
        int minute = num(s, p + 1, 2);
        if (minute > 59 || !at(s, p + 3, ':') || !digits(s, p + 4, 2)) {
            return INVALID;
        }
        int second = num(s, p + 4, 2);
        if (second > 59) {
            return INVALID;
        }
        p += 6;
        if (p + 1 < n && (s.charAt(p) == '.' || s.charAt(p) == ',') && digit(s, p + 1)) {
            p += 2;
            while (p < n && digit(s, p)) {
                p++;
            }
        }
        int offset;
        if (at(s, p, 'Z')) {
            offset = 0;
            p++;
        } else {
            if (n - p < 6 || s.charAt(p + 3) != ':' || !digits(s, p + 1, 2) || !digits(s, p + 4, 2)) {
                return INVALID;
            }
            int oh = num(s, p + 1, 2);
            int om = num(s, p + 4, 2);
            char sign = s.charAt(p);
            if (oh > 24 || om > 60 || (sign != '+' && sign != '-')) {
                return INVALID;
            }
            offset = (oh * 60 + om) * 60;
            if (sign == '-') {
                offset = -offset;
            }
            p += 6;
        }
        if (p != n || day < 1 || day > daysIn(month, year)) {
            return INVALID;
        }
        return daysFromCivil(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + second - offset;
    }

    private static long parseDateOnly(String s) {
        if (s.length() != 10 || !digits(s, 0, 4) || !at(s, 4, '-') || !digits(s, 5, 2) || !at(s, 7, '-')
                || !digits(s, 8, 2)) {
            return INVALID;
        }
        int year = num(s, 0, 4);
        int month = num(s, 5, 2);
        int day = num(s, 8, 2);
        if (month < 1 || month > 12 || day < 1 || day > daysIn(month, year)) {
            return INVALID;
        }
        return daysFromCivil(year, month, day) * 86_400L;
    }

    /** Nanoseconds from the fraction digits starting at {@code start} (first nine digits, scaled). */
    private static int fraction(String s, int start) {
        int ns = 0;
        int k = 0;
        for (int p = start; p < s.length() && digit(s, p); p++) {
            if (k < 9) {
                ns = ns * 10 + (s.charAt(p) - '0');
                k++;
            }
        }
        for (; k < 9; k++) {
            ns *= 10;
        }
        return ns;
    }

    private static boolean isLeap(int year) {
        return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    private static int daysIn(int month, int year) {
        switch (month) {
            case 2:
                return isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11:
                return 30;
            default:
                return 31;
        }
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    static long daysFromCivil(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    private static boolean at(String s, int i, char c) {
        return i < s.length() && s.charAt(i) == c;
    }

    private static boolean digit(String s, int i) {
        if (i >= s.length()) {
            return false;
        }
        char c = s.charAt(i);
        return c >= '0' && c <= '9';
    }

    private static boolean digits(String s, int i, int count) {
        for (int k = 0; k < count; k++) {
            if (!digit(s, i + k)) {
                return false;
            }
        }
        return true;
    }

    private static int num(String s, int i, int count) {
        int v = 0;
        for (int k = 0; k < count; k++) {
            v = v * 10 + (s.charAt(i + k) - '0');
        }
        return v;
    }
}
