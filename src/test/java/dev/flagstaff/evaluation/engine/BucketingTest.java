package dev.flagstaff.evaluation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Contract 6.5 / 6.9: CRC-32 bucketing, bit-exact. */
class BucketingTest {

    /** The table of contract 6.9 (row 19 is the empty entity id). */
    @ParameterizedTest(name = "row {0}: {1} / ''{2}''")
    @CsvSource(delimiter = '|', value = {
        " 1 | test             | entity-1         | 1152456593 | 593 | 1229348360 | 60",
        " 2 | test             | user@example.com | 1652040200 | 200 | 1950479731 | 31",
        " 3 | foo              | 1                | 3476655244 | 244 |  451017963 | 63",
        " 4 | foo              | 2                | 1446042934 | 934 |  139744005 |  5",
        " 5 | foo              | 123              | 1614934253 | 253 |  883520817 | 17",
        " 6 | color            | alice            |  125630232 | 232 | 3931093373 | 73",
        " 7 | color            | bob              | 3914361797 | 797 | 1868190982 | 82",
        " 8 | color            | carol            | 1254934428 | 428 | 3733690582 | 82",
        " 9 | color            | user-1392        | 2189157999 | 999 | 4066424115 | 15",
        "10 | promo            | user-856         | 4004408006 |   6 | 1402706769 | 69",
        "11 | new-checkout     | user-3           | 3804872109 | 109 |  496603525 | 25",
        "12 | new-checkout     | user-7           | 3852761524 | 524 | 3709926163 | 63",
        "13 | boolean_disabled | fixed            | 1298571832 | 832 |  905904038 | 38",
        "14 | boolean_disabled | beover50         | 4236371407 | 407 | 2629241899 | 99",
        "15 | dark_mode        | user-1           | 2204470802 | 802 | 1834295829 | 29",
        "16 | dark_mode        | user-2           |  443342760 | 760 | 2254608662 | 62",
        "17 | dark_mode        | user-4           | 4077877917 | 917 | 2340219217 | 17",
        "18 | test             | jürgen           | 2686829432 | 432 | 3275811624 | 24",
        "19 | checkout         | ''               | 2939694414 | 414 | 2939694414 | 14",
    })
    void workedBucketExamples(int row, String flagKey, String entityId, long variantCrc, int variantBucket,
                              long booleanCrc, int booleanHash) {
        long v = Crc32.finish(Crc32.update(Crc32.update(Crc32.START, flagKey), entityId));
        assertEquals(variantCrc, v);
        assertEquals(variantBucket, v % 1000);
        long b = Crc32.finish(Crc32.update(Crc32.update(Crc32.START, entityId), flagKey.getBytes(StandardCharsets.UTF_8)));
        assertEquals(booleanCrc, b);
        assertEquals(booleanHash, b % 100);
        // and the same as java.util.zip.CRC32 over the concatenation, as the contract states
        assertEquals(variantCrc, jdk(flagKey + entityId));
        assertEquals(booleanCrc, jdk(entityId + flagKey));
    }

    @Test
    void incrementalUtf8CrcEqualsJdkCrcOverGetBytesForRandomStrings() {
        Random random = new Random(42);
        char[] alphabet = "abcXYZ0189-_@. äöü€日本\uD83D\uDE00\uD800\uDC00\uDBFF\uDFFF".toCharArray();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder a = new StringBuilder();
            StringBuilder b = new StringBuilder();
            // the first part plays the flag key: never ends inside a surrogate pair (real keys are ASCII)
            for (int k = random.nextInt(12); k > 0; k--) {
                char ch = alphabet[random.nextInt(alphabet.length)];
                a.append(Character.isSurrogate(ch) ? 'q' : ch);
            }
            for (int k = random.nextInt(40); k > 0; k--) {
                // includes unpaired surrogates, which getBytes(UTF_8) encodes as '?'
                b.append(random.nextInt(10) == 0 ? (char) (0xD800 + random.nextInt(0x800))
                        : alphabet[random.nextInt(alphabet.length)]);
            }
            String s = a.toString() + b;
            assertEquals(jdk(s), Crc32.finish(Crc32.update(Crc32.update(Crc32.START, a.toString()), b.toString())),
                    () -> "crc of " + s);
        }
    }

    private static long jdk(String s) {
        CRC32 crc = new CRC32();
        crc.update(s.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
