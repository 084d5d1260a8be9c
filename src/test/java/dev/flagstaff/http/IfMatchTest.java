package dev.flagstaff.http;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link IfMatch}, {@link ETags} and {@link Precondition}: RFC 9110's If-Match with strong comparison. */
class IfMatchTest {

    record Thing(String key, String name) {
    }

    @Test
    void absentMatchesEverythingEvenAMissingResource() {
        assertSame(IfMatch.ABSENT, IfMatch.parse(null));
        assertSame(IfMatch.ABSENT, IfMatch.parse(List.of()));
        assertFalse(IfMatch.ABSENT.present());
        assertTrue(IfMatch.ABSENT.matches("\"a\""));
        assertTrue(IfMatch.ABSENT.matches(null));
    }

    @Test
    void starMatchesAnyExistingResource() {
        IfMatch any = IfMatch.parse(List.of("*"));
        assertTrue(any.present());
        assertTrue(any.matches("\"whatever\""));
        assertFalse(any.matches(null));
        assertTrue(IfMatch.parse(List.of("  * ")).matches("\"x\""));
    }

    @Test
    void aListOfTagsOverOneOrSeveralLines() {
        IfMatch list = IfMatch.parse(List.of("\"a\", \"b\"", "\"c,d\""));
        assertTrue(list.matches("\"a\""));
        assertTrue(list.matches("\"b\""));
        assertTrue(list.matches("\"c,d\""));
        assertFalse(list.matches("\"d\""));
        assertFalse(list.matches("a"));
        assertFalse(list.matches(null));
        assertTrue(IfMatch.parse(List.of(",\"a\",,")).matches("\"a\""));
    }

    @Test
    void weakTagsAreAcceptedButNeverMatch() {
        IfMatch weak = IfMatch.parse(List.of("W/\"a\""));
        assertTrue(weak.present());
        assertFalse(weak.matches("\"a\""));
        IfMatch mixed = IfMatch.parse(List.of("W/\"a\", \"b\""));
        assertFalse(mixed.matches("\"a\""));
        assertTrue(mixed.matches("\"b\""));
    }

    @Test
    void malformedHeadersAreA400() {
        for (String bad : List.of("", " ", "a", "\"a", "\"a\" \"b\"", "W/a", "*, \"a\"", "\"a\", *", "**",
                "\"a\"b", "\"a b\"", "w/\"a\"")) {
            ApiException e = assertThrows(ApiException.class, () -> IfMatch.parse(List.of(bad)), bad);
            assertEquals(Code.INVALID_ARGUMENT, e.code());
            assertEquals("invalid If-Match header", e.getMessage());
        }
    }

    @Test
    void etagsAreStrongQuotedAndFollowTheRepresentation() {
        String a = ETags.of(new Thing("k", "one"));
        assertTrue(a.matches("\"[A-Za-z0-9_-]{22}\""), a);
        assertEquals(a, ETags.of(new Thing("k", "one")));
        assertNotEquals(a, ETags.of(new Thing("k", "two")));
    }

    @Test
    void preconditionChecksTheCurrentStateAndNamesTheResource() {
        Thing current = new Thing("k", "one");
        String tag = ETags.of(current);
        IfMatch.parse(List.of(tag)).<Thing>on(t -> t).check(current, "flag", "default/k");
        IfMatch.parse(List.of("*")).<Thing>on(t -> t).check(current, "flag", "default/k");
        IfMatch.ABSENT.<Thing>on(t -> t).check(null, "flag", "default/k");
        Precondition.<Thing>none().check(null, "flag", "default/k");

        ApiException changed = assertThrows(ApiException.class, () -> IfMatch.parse(List.of(tag)).<Thing>on(t -> t)
                .check(new Thing("k", "two"), "flag", "default/k"));
        assertEquals(Code.FAILED_PRECONDITION, changed.code());
        assertEquals(412, changed.code().http());
        assertEquals(9, changed.code().grpc());
        assertEquals("flag \"default/k\" has changed", changed.getMessage());

        ApiException gone = assertThrows(ApiException.class,
                () -> IfMatch.parse(List.of("*")).<Thing>on(t -> t).check(null, "segment", "default/s"));
        assertEquals(Code.FAILED_PRECONDITION, gone.code());
        assertEquals("segment \"default/s\" does not exist", gone.getMessage());

        ApiException weak = assertThrows(ApiException.class, () -> IfMatch.parse(List.of("W/" + tag))
                .<Thing>on(t -> t).check(current, "flag", "default/k"));
        assertEquals("flag \"default/k\" has changed", weak.getMessage());
    }
}
