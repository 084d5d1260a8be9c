package dev.flagstaff.evaluation.engine;

import static dev.flagstaff.evaluation.engine.Defs.BOOLEAN;
import static dev.flagstaff.evaluation.engine.Defs.DATETIME;
import static dev.flagstaff.evaluation.engine.Defs.ENTITY_ID;
import static dev.flagstaff.evaluation.engine.Defs.NUMBER;
import static dev.flagstaff.evaluation.engine.Defs.STRING;
import static dev.flagstaff.evaluation.engine.Defs.c;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Contract 6.2: every operator of every constraint type, including the missing-key and empty-value rules. */
class ConstraintMatchingTest {

    /** Evaluates one constraint against context {@code {"p": value}} ({@code value == null}: key absent). */
    static boolean match(ConstraintType type, String operator, String constraintValue, String value) {
        Map<String, String> context = new HashMap<>();
        if (value != null) {
            context.put("p", value);
        }
        return CompiledConstraint.compile(c(type, "p", operator, constraintValue)).matches(context, "entity-1");
    }

    static boolean entity(String operator, String constraintValue, String entityId) {
        return CompiledConstraint.compile(c(ENTITY_ID, "entityId", operator, constraintValue))
                .matches(Map.of("entityId", "not-the-entity"), entityId);
    }

    @Nested
    class StringType {

        @ParameterizedTest(name = "{0} {1} vs ''{2}'' -> {3}")
        @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "eq          | pro      | pro       | true",
            "eq          | pro      | Pro       | false",
            "eq          | pro      | ' pro'    | false",   // no trimming for eq
            "neq         | pro      | free      | true",
            "neq         | pro      | pro       | false",
            "prefix      | ab       | abc       | true",
            "prefix      | ab       | ' abc '   | true",    // context value is trimmed
            "prefix      | ab       | xab       | false",
            "prefix      | ' ab'    | ' abc'    | false",   // constraint value is not trimmed
            "suffix      | bc       | abc       | true",
            "suffix      | bc       | 'abc\t'   | true",
            "suffix      | bc       | abcd      | false",
            "contains    | b        | abc       | true",
            "contains    | z        | abc       | false",
            "notcontains | z        | abc       | true",
            "notcontains | b        | abc       | false",
            "empty       | ''       | ''        | true",
            "empty       | ''       | '  '      | true",
            "empty       | ''       | x         | false",
            "notempty    | ''       | x         | true",
            "notempty    | ''       | ' '       | false",
            "notempty    | ''       | ''        | false",
            "isoneof     | '[\"a\",\"b\"]' | b  | true",
            "isoneof     | '[\"a\",\"b\"]' | c  | false",
            "isoneof     | '[\"a\",\"b\"]' | ' a' | false",
            "isnotoneof  | '[\"a\",\"b\"]' | c  | true",
            "isnotoneof  | '[\"a\",\"b\"]' | a  | false",
            "isoneof     | 'not json'      | a  | false",
            "isnotoneof  | 'not json'      | a  | false",   // unparsable array: false for isnotoneof too
            "isoneof     | '[1,2]'         | 1  | false",   // not an array of strings: unparsable
            "isnotoneof  | '[1,2]'         | 3  | false",
            "isnotoneof  | null            | a  | true",    // JSON null decodes to an empty list
            "isoneof     | '[]'            | a  | false",
            "present     | ''       | x         | false",   // not a STRING operator
            "gt          | a        | b         | false",   // not a STRING operator
            "EQ          | pro      | pro       | false",   // operators are compared as stored (lower-case)
        })
        void operators(String operator, String constraintValue, String value, boolean expected) {
            assertEquals(expected, match(STRING, operator, constraintValue, value));
        }

        @ParameterizedTest(name = "missing key: {0} -> {2}")
        @CsvSource(delimiter = '|', value = {
            "eq          | x        | false",
            "neq         | x        | false",   // empty value: false even for neq
            "prefix      | x        | false",
            "suffix      | x        | false",
            "contains    | x        | false",
            "notcontains | x        | false",   // ...and notcontains
            "isoneof     | '[\"x\"]' | false",
            "isnotoneof  | '[\"x\"]' | false",  // ...and isnotoneof
            "empty       | ''       | true",
            "notempty    | ''       | false",
        })
        void missingKeyBehavesAsEmptyString(String operator, String constraintValue, boolean expected) {
            assertEquals(expected, match(STRING, operator, constraintValue, null), "absent");
            assertEquals(expected, match(STRING, operator, constraintValue, ""), "empty");
        }

        @Test
        void neqWithEmptyConstraintValueNeedsNonEmptyContext() {
            assertEquals(true, match(STRING, "neq", "", "x"));
            assertEquals(false, match(STRING, "neq", "", ""));
        }

        @Test
        void trimSpaceUsesGoSetNotJavaStrip() {
            // U+0085 and U+00A0 are trimmed by Go but not by String.strip(); U+001C is the reverse.
            assertEquals(true, match(STRING, "empty", "", "\u0085\u00a0\u2000\u3000"));
            assertEquals(true, match(STRING, "prefix", "ab", "\u00a0abc"));
            assertEquals(false, match(STRING, "empty", "", "\u001c"));
            assertEquals(false, match(STRING, "empty", "", "\u200b")); // zero-width space is not a space
        }
    }

    @Nested
    class NumberType {

        @ParameterizedTest(name = "{0} {1} vs ''{2}'' -> {3}")
        @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "eq         | 42       | 42        | true",
            "eq         | 42       | 42.0      | true",
            "eq         | 42       | 4.2e1     | true",
            "eq         | 42       | 43        | false",
            "neq        | 42       | 43        | true",
            "neq        | 42       | 42        | false",
            "lt         | 10       | 9.99      | true",
            "lt         | 10       | 10        | false",
            "lte        | 10       | 10        | true",
            "lte        | 10       | 10.01     | false",
            "gt         | 10       | 10.01     | true",
            "gt         | 10       | 10        | false",
            "gte        | 10       | 10        | true",
            "gte        | 10       | 9         | false",
            "gt         | -1       | -0.5      | true",
            "eq         | 0        | -0        | true",      // float64 == : -0 == 0
            "eq         | 8        | 0x1p3     | true",      // Go hex float
            "eq         | 1000     | 1_000     | true",      // Go digit separators
            "gt         | 1e308    | Inf       | true",
            "lt         | -1e308   | -infinity | true",
            "eq         | 1        | ' 1'      | false",     // no surrounding whitespace
            "neq        | 1        | ' 1'      | false",     // unparsable context value: false even for neq
            "eq         | 1        | 1d        | false",     // no Java suffixes
            "neq        | 1        | 1f        | false",
            "eq         | 1        | abc       | false",
            "neq        | 1        | abc       | false",
            "neq        | 1        | 1e400     | false",     // overflow is a parse error in Go
            "eq         | 0        | 1e-400    | true",      // underflow is not
            "eq         | 1        | nan       | false",
            "neq        | 1        | nan       | true",      // NaN != 1
            "neq        | 1        | +nan      | false",     // signed NaN is not Go syntax
            "lt         | 1        | NaN       | false",
            "eq         | abc      | 1         | false",     // unparsable constraint value never matches
            "neq        | abc      | 1         | false",
            "neq        | ''       | 1         | false",
            "isoneof    | '[1, 2.5, 3]'   | 2.5   | true",
            "isoneof    | '[1, 2.5, 3]'   | 2.50  | true",
            "isoneof    | '[1, 2.5, 3]'   | 4     | false",
            "isoneof    | '[0]'           | -0    | true",
            "isoneof    | '[1, null]'     | 0     | true",      // null element decodes to 0
            "isnotoneof | '[1, 2.5, 3]'   | 4     | true",
            "isnotoneof | '[1, 2.5, 3]'   | 3     | false",
            "isnotoneof | null            | 3     | true",
            "isnotoneof | '[1]'           | nan   | true",
            "isoneof    | '[\"1\"]'       | 1     | false",     // strings are not numbers: unparsable
            "isnotoneof | '[\"1\"]'       | 2     | false",
            "isnotoneof | '[1]'           | x     | false",     // unparsable context value
            "isoneof    | '[1e400]'       | 1     | false",
            "present    | ''       | 0         | true",
            "present    | ''       | abc       | true",      // present only checks non-blank
            "present    | ''       | ' '       | false",
            "notpresent | ''       | ' '       | true",
            "notpresent | ''       | 1         | false",
            "prefix     | 1        | 12        | false",     // not a NUMBER operator
        })
        void operators(String operator, String constraintValue, String value, boolean expected) {
            assertEquals(expected, match(NUMBER, operator, constraintValue, value));
        }

        @ParameterizedTest(name = "missing key: {0} -> {2}")
        @CsvSource(delimiter = '|', value = {
            "eq         | 1     | false",
            "neq        | 1     | false",
            "lt         | 1     | false",
            "gte        | 1     | false",
            "isoneof    | '[1]' | false",
            "isnotoneof | '[1]' | false",
            "present    | ''    | false",
            "notpresent | ''    | true",
        })
        void missingKey(String operator, String constraintValue, boolean expected) {
            assertEquals(expected, match(NUMBER, operator, constraintValue, null), "absent");
            assertEquals(expected, match(NUMBER, operator, constraintValue, ""), "empty");
        }
    }

    @Nested
    class BooleanType {

        @ParameterizedTest(name = "{0} vs ''{1}'' -> {2}")
        @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "true       | 1      | true",
            "true       | t      | true",
            "true       | T      | true",
            "true       | TRUE   | true",
            "true       | true   | true",
            "true       | True   | true",
            "true       | tRUE   | false",
            "true       | yes    | false",
            "true       | 0      | false",
            "true       | false  | false",
            "false      | 0      | true",
            "false      | f      | true",
            "false      | F      | true",
            "false      | FALSE  | true",
            "false      | false  | true",
            "false      | False  | true",
            "false      | no     | false",     // unparsable: neither true nor false
            "false      | true   | false",
            "false      | ' false' | false",
            "present    | x      | true",
            "present    | ' '    | false",
            "notpresent | ' '    | true",
            "notpresent | true   | false",
            "eq         | true   | false",     // not a BOOLEAN operator
            "true       | NULL   | false",     // missing key
            "false      | NULL   | false",
            "present    | NULL   | false",
            "notpresent | NULL   | true",
        })
        void operators(String operator, String value, boolean expected) {
            assertEquals(expected, match(BOOLEAN, operator, "", value));
        }
    }

    @Nested
    class DateTimeType {

        @ParameterizedTest(name = "{0} {1} vs ''{2}'' -> {3}")
        @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "eq   | 2024-01-01           | 2024-01-01T00:00:00Z       | true",
            "eq   | 2024-01-01           | 2024-01-01T02:00:00+02:00  | true",
            "eq   | 2024-01-01           | 2024-01-01                 | true",
            "eq   | 2024-01-01T00:00:00Z | 2024-01-01T00:00:00.000000001Z | false",
            "neq  | 2024-01-01T00:00:00Z | 2024-01-01T00:00:00.000000001Z | true",
            "neq  | 2024-01-01           | 2024-01-02                 | true",
            "neq  | 2024-01-01           | 2024-01-01T00:00:00Z       | false",
            "lt   | 2024-01-01T08:00:00Z | 2024-01-01T07:59:59.999Z   | true",
            "lt   | 2024-01-01T08:00:00Z | 2024-01-01T08:00:00Z       | false",
            "lte  | 2024-01-01T08:00:00Z | 2024-01-01T10:00:00+02:00  | true",
            "lte  | 2024-01-01T08:00:00Z | 2024-01-01T08:00:00.1Z     | false",
            "gt   | 2024-01-01T08:00:00Z | 2024-01-01T08:00:00,5Z     | true",   // comma fraction (Go accepts)
            "gt   | 2024-01-01T08:00:00Z | 2024-01-01T08:00:00Z       | false",
            "gte  | 2024-01-01T08:00:00Z | 2024-01-01T08:00:00Z       | true",
            "gte  | 2024-01-01T08:00:00Z | 2023-12-31                 | false",
            "gt   | 2024-01-01           | 2024-01-01T00:00:00-00:01  | true",
            "eq   | 2024-01-01T00:00:00Z | 2024-01-01T0:00:00Z        | true",   // Go: 1-digit hour accepted
            "eq   | 2024-01-01T00:00:00Z | 2024-01-01t00:00:00z       | false",  // lower-case T/Z rejected
            "neq  | 2024-01-01           | 2024-13-01                 | false",  // unparsable context: false
            "neq  | 2024-01-01           | 2023-02-29                 | false",  // no such day
            "neq  | 2024-01-01           | 1704067200                 | false",  // epoch seconds are not accepted
            "neq  | 2024-01-01           | ' 2024-01-01'              | false",
            "eq   | not-a-date           | 2024-01-01                 | false",  // unparsable constraint value
            "neq  | not-a-date           | 2024-01-01                 | false",
            "present    | ''             | anything                   | true",
            "present    | ''             | ' '                        | false",
            "notpresent | ''             | ''                         | true",
            "notpresent | ''             | 2024-01-01                 | false",
            "eq         | 2024-01-01     | NULL                       | false",
            "neq        | 2024-01-01     | NULL                       | false",
            "notpresent | ''             | NULL                       | true",
            "prefix     | 2024           | 2024-01-01                 | false",  // not a DATETIME operator
        })
        void operators(String operator, String constraintValue, String value, boolean expected) {
            assertEquals(expected, match(DATETIME, operator, constraintValue, value));
        }
    }

    @Nested
    class EntityIdType {

        @ParameterizedTest(name = "{0} {1} vs entity ''{2}'' -> {3}")
        @CsvSource(delimiter = '|', value = {
            "eq          | user-1           | user-1  | true",
            "eq          | user-1           | user-2  | false",
            "neq         | user-1           | user-2  | true",
            "neq         | user-1           | ''      | false",   // empty entity id: false even for neq
            "contains    | ser              | user-1  | true",
            "notcontains | ser              | user-1  | false",
            "notcontains | xyz              | user-1  | true",
            "notcontains | xyz              | ''      | false",
            "isoneof     | '[\"a\",\"b\"]'  | b       | true",
            "isnotoneof  | '[\"a\",\"b\"]'  | c       | true",
            "isnotoneof  | '[\"a\",\"b\"]'  | ''      | false",
            "prefix      | user             | user-1  | true",
        })
        void operatorsUseTheEntityIdAndIgnoreTheProperty(String operator, String constraintValue, String entityId,
                                                         boolean expected) {
            assertEquals(expected, entity(operator, constraintValue, entityId));
        }
    }
}
