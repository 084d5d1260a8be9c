package dev.flagstaff.evaluation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Hand-picked cases for the Go re-implementations (the exhaustive comparison is GoOracleVectorsTest). */
class GoPrimitivesTest {

    private static boolean accepted(String s) {
        return !Double.isNaN(GoStrconv.parseFloat(s)) || GoStrconv.isNaNLiteral(s);
    }

    @ParameterizedTest(name = "ParseFloat rejects ''{0}''")
    @ValueSource(strings = {" 1", "1 ", "\t1", "1d", "1f", "1D", "1F", "0x1", "0x", "0x1p", "1_", "_1", "1__0",
        "+nan", "-nan", "nanx", "infinit", "infınity", "\u0131nf", "naN\u0301", "1e400", "-1e309", "0x1p1024", "", "+", ".", "1e", "1..2", "１", "1\u00a0"})
    void parseFloatRejects(String s) {
        assertFalse(accepted(s), s);
    }

    @ParameterizedTest(name = "ParseFloat ''{0}'' = {1}")
    @CsvSource({
        "0x1p3, 8", "0X1P3, 8", "0x1.8p1, 3", "0x_1p3, 8", "-0x1p-2, -0.25", "Inf, Infinity", "inf, Infinity",
        "+INFINITY, Infinity", "-Inf, -Infinity", "1_000, 1000", "1e1_0, 1e10", "1., 1", ".5, 0.5", "+1, 1",
        "1e-400, 0", "4.9e-324, 4.9e-324", "0.1, 0.1", "9007199254740993, 9007199254740992",
        "1.7976931348623157e308, 1.7976931348623157e308", "123456789012345678901234567890, 1.2345678901234568e29",
    })
    void parseFloatAccepts(String s, double expected) {
        assertEquals(expected, GoStrconv.parseFloat(s), s);
    }

    @Test
    void parseFloatNaNLiteralIsCaseInsensitiveAndUnsigned() {
        for (String s : List.of("nan", "NaN", "NAN", "nAn")) {
            assertTrue(Double.isNaN(GoStrconv.parseFloat(s)) && GoStrconv.isNaNLiteral(s), s);
        }
        assertFalse(accepted("+NaN"));
        assertEquals(-0.0, GoStrconv.parseFloat("-0"));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(GoStrconv.parseFloat("-0")));
    }

    @Test
    void parseFloatFastPathAgreesWithDoubleParseDouble() {
        Random r = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            long m = r.nextLong() % 100_000_000_000_000L;
            int e = r.nextInt(50) - 25;
            String s = r.nextBoolean() ? m + "e" + e : insertDot(Long.toString(m), r);
            assertEquals(Double.parseDouble(s), GoStrconv.parseFloat(s), s);
        }
    }

    private static String insertDot(String digits, Random r) {
        int sign = digits.startsWith("-") ? 1 : 0;
        int at = sign + r.nextInt(digits.length() - sign + 1);
        return digits.substring(0, at) + "." + digits.substring(at) + (at == digits.length() && at == sign ? "0" : "");
    }

    @ParameterizedTest(name = "datetime ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
        "2024-01-01T00:00:00+24:00    | 2023-12-31T00:00:00Z",   // Go accepts offset hour 24
        "2024-01-01T00:00:00+00:60    | 2023-12-31T23:00:00Z",   // and offset minute 60
        "2024-01-01T00:00:00-24:60    | 2024-01-02T01:00:00Z",
        "2024-01-01T10:00:00.5+02:00  | 2024-01-01T08:00:00.5Z",
        "2024-01-01T10:00:00,25Z      | 2024-01-01T10:00:00.25Z",
        "2024-01-01T10:00:00.1234567899Z | 2024-01-01T10:00:00.123456789Z", // digits past 9 ignored
        "2024-01-01T1:02:03Z          | 2024-01-01T01:02:03Z",
        "0000-01-01                   | 0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59Z         | 9999-12-31T23:59:59Z",
        "2000-02-29                   | 2000-02-29T00:00:00Z",
    })
    void dateTimeAccepts(String in, String expected) {
        Instant want = Instant.parse(expected);
        assertEquals(want.getEpochSecond(), GoTime.parseEpochSecond(in), in);
        assertEquals(want.getNano(), GoTime.nanos(in), in);
    }

    @ParameterizedTest(name = "datetime rejects ''{0}''")
    @ValueSource(strings = {"2024-01-01T00:00:00+25:00", "2024-01-01T00:00:00+00:61", "2024-01-01T00:00:00+-1:00",
        "2024-01-01T00:00:00+1a:00", "2024-01-01T23:59:.9Z", "2024-01-01T24:00:00Z", "2024-01-01T00:00:60Z",
        "2100-02-29", "2024-01-01T00:00:00", "2024-01-01t00:00:00Z", "2024-01-01T00:00:00z", "20240101",
        "2024-01-01T00:00:00.Z", "2024-01-01T00:00:00+0200", " 2024-01-01", "2024-01-01 ", "+2024-01-01"})
    void dateTimeRejects(String in) {
        assertEquals(GoTime.INVALID, GoTime.parseEpochSecond(in), in);
    }

    @Test
    void daysFromCivilMatchesJavaTime() {
        for (int y = 0; y <= 9999; y += 7) {
            for (int m = 1; m <= 12; m++) {
                assertEquals(LocalDate.of(y, m, 28).toEpochDay(), GoTime.daysFromCivil(y, m, 28), y + "-" + m);
            }
        }
    }

    @Test
    void trimSpaceDiffersFromJavaStrip() {
        assertEquals("x", GoStrings.trimSpace("\u0085\u00a0\u202fx\u2000\u3000"));
        assertEquals("\u001cx\u001f", GoStrings.trimSpace("\u001cx\u001f"));
        assertEquals("x", "\u001cx\u001f".strip(), "Java strips U+001C..U+001F; Go does not");
        assertEquals("\u00a0x", "\u00a0x".strip(), "Java does not strip U+00A0; Go does");
        assertTrue(GoStrings.isBlank(" \t\n\u000b\f\r\u0085\u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000"));
        assertFalse(GoStrings.isBlank("\u200b"));
        assertFalse(GoStrings.isBlank("\u180e"));
    }

    @Test
    void parseBoolAcceptsExactlyGoSpellings() {
        for (String t : List.of("1", "t", "T", "TRUE", "true", "True")) {
            assertEquals(GoStrconv.BOOL_TRUE, GoStrconv.parseBool(t), t);
        }
        for (String f : List.of("0", "f", "F", "FALSE", "false", "False")) {
            assertEquals(GoStrconv.BOOL_FALSE, GoStrconv.parseBool(f), f);
        }
        for (String x : List.of("tRUE", "yes", "on", "", " true", "FaLsE")) {
            assertEquals(GoStrconv.BOOL_INVALID, GoStrconv.parseBool(x), x);
        }
    }

    @Test
    void pathJoinIsGoPathJoin() {
        assertEquals("default/foo", GoStrings.pathJoin("default", "foo"));
        assertEquals("default", GoStrings.pathJoin("default", ""));
        assertEquals("", GoStrings.pathJoin("", ""));
        assertEquals("default/a/b", GoStrings.pathJoin("default", "./a//b/"));
        assertEquals("x", GoStrings.pathJoin("default", "../x"));
        assertEquals("..", GoStrings.pathJoin("default", "../.."));
        assertEquals("../x", GoStrings.pathJoin("default", "/../../x"));
        assertEquals("default/x", GoStrings.pathJoin("default", "/x"));
    }

    @Test
    void compactRemovesOnlyInsignificantWhitespace() {
        assertEquals("{\"a\":[1,2],\"b\":\"x y\\\" z\"}", GoJson.compact("{ \"a\" : [1, 2],\n \"b\": \"x y\\\" z\" }"));
        assertEquals("", GoJson.compact(""));
        assertEquals("{\"a\": \"unterminated", GoJson.compact("{\"a\": \"unterminated"));
    }
}
