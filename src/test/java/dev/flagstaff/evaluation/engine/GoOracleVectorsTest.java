package dev.flagstaff.evaluation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Differential test against reference vectors produced by the real Go standard library
 * ({@code tools/go-oracle}, go1.19.8; see that program for what each vector kind means). Each test
 * checks every vector of one kind and reports all mismatches at once.
 */
class GoOracleVectorsTest {

    private static final List<String[]> VECTORS = new ArrayList<>();

    @BeforeAll
    static void load() throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                GoOracleVectorsTest.class.getResourceAsStream("go-oracle-vectors.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                VECTORS.add(line.split("\t", -1));
            }
        }
    }

    private static String str(String hex) {
        return hex.equals("-") ? "" : new String(HexFormat.of().parseHex(hex), StandardCharsets.UTF_8);
    }

    private static List<String[]> of(String kind) {
        List<String[]> out = new ArrayList<>();
        for (String[] v : VECTORS) {
            if (v[0].equals(kind)) {
                out.add(v);
            }
        }
        return out;
    }

    private static void check(List<String> failures, int checked, int minimum) {
        assertTrue(checked >= minimum, "only " + checked + " vectors checked");
        assertEquals(List.of(), failures.subList(0, Math.min(20, failures.size())), failures.size() + " mismatches");
    }

    @Test
    void parseFloatMatchesGoStrconv() {
        List<String> failures = new ArrayList<>();
        int accepted = 0;
        for (String[] v : of("float")) {
            String in = str(v[1]);
            double got = GoStrconv.parseFloat(in);
            boolean ok = !Double.isNaN(got) || GoStrconv.isNaNLiteral(in);
            if (v[2].equals("ERR")) {
                if (ok) {
                    failures.add("'" + in + "' should be rejected, got " + got);
                }
                continue;
            }
            accepted++;
            double want = Double.longBitsToDouble(Long.parseUnsignedLong(v[2], 16));
            boolean same = Double.isNaN(want) ? ok && Double.isNaN(got)
                    : ok && Double.doubleToRawLongBits(got) == Double.doubleToRawLongBits(want);
            if (!same) {
                failures.add("'" + in + "' want " + want + " got " + (ok ? got : "rejected"));
            }
        }
        assertTrue(accepted > 1000, "accepted vectors: " + accepted);
        check(failures, of("float").size(), 5000);
    }

    @Test
    void parseBoolMatchesGoStrconv() {
        List<String> failures = new ArrayList<>();
        for (String[] v : of("bool")) {
            String in = str(v[1]);
            int want = switch (v[2]) {
                case "true" -> GoStrconv.BOOL_TRUE;
                case "false" -> GoStrconv.BOOL_FALSE;
                default -> GoStrconv.BOOL_INVALID;
            };
            if (GoStrconv.parseBool(in) != want) {
                failures.add("'" + in + "' want " + v[2]);
            }
        }
        check(failures, of("bool").size(), 20);
    }

    @Test
    void dateTimeParsingMatchesFliptTryParseDateTime() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        int accepted = 0;
        for (String[] v : of("time")) {
            if (v[2].equals("DIVERGENT")) {
                // go1.19 accepts these (zone offsets read with atoi and no range check; a missing seconds
                // field before a fraction); go1.20+, which Flipt v1.59.3 is built with, rejects them all.
                if (GoTime.parseEpochSecond(str(v[1])) != GoTime.INVALID) {
                    failures.add("'" + str(v[1]) + "' should be rejected (go1.20+ rules)");
                }
                continue;
            }
            checked++;
            String in = str(v[1]);
            long got = GoTime.parseEpochSecond(in);
            if (v[2].equals("ERR")) {
                if (got != GoTime.INVALID) {
                    failures.add("'" + in + "' should be rejected");
                }
                continue;
            }
            accepted++;
            long wantSeconds = Long.parseLong(v[2]);
            int wantNanos = Integer.parseInt(v[3]);
            if (got != wantSeconds || (got != GoTime.INVALID && GoTime.nanos(in) != wantNanos)) {
                failures.add("'" + in + "' want " + wantSeconds + "." + wantNanos + " got " + got
                        + (got == GoTime.INVALID ? "" : "." + GoTime.nanos(in)));
            }
        }
        assertTrue(accepted > 300, "accepted vectors: " + accepted);
        check(failures, checked, 4000);
    }

    @Test
    void stringArraysMatchEncodingJson() {
        List<String> failures = new ArrayList<>();
        for (String[] v : of("strs")) {
            String in = str(v[1]);
            List<String> got = GoJson.parseStringArray(in);
            if (v[2].equals("ERR")) {
                if (got != null) {
                    failures.add("'" + in + "' should be rejected, got " + got);
                }
                continue;
            }
            List<String> want = new ArrayList<>();
            if (!v[3].isEmpty()) {
                for (String e : v[3].split(",", -1)) {
                    want.add(str(e));
                }
            }
            if (!want.equals(got)) {
                failures.add("'" + in + "' want " + want + " got " + got);
            }
        }
        check(failures, of("strs").size(), 3000);
    }

    @Test
    void numberArraysMatchEncodingJson() {
        List<String> failures = new ArrayList<>();
        for (String[] v : of("nums")) {
            String in = str(v[1]);
            double[] got = GoJson.parseNumberArray(in);
            if (v[2].equals("ERR")) {
                if (got != null) {
                    failures.add("'" + in + "' should be rejected");
                }
                continue;
            }
            List<Long> want = new ArrayList<>();
            if (!v[3].isEmpty()) {
                for (String e : v[3].split(",", -1)) {
                    want.add(Long.parseUnsignedLong(e, 16));
                }
            }
            List<Long> gotBits = new ArrayList<>();
            if (got != null) {
                for (double d : got) {
                    gotBits.add(Double.doubleToRawLongBits(d));
                }
            }
            if (got == null || !want.equals(gotBits)) {
                failures.add("'" + in + "' want " + want + " got " + gotBits);
            }
        }
        check(failures, of("nums").size(), 3000);
    }

    @Test
    void compactMatchesJsonCompact() {
        List<String> failures = new ArrayList<>();
        for (String[] v : of("compact")) {
            String in = str(v[1]);
            if (!GoJson.compact(in).equals(str(v[2]))) {
                failures.add("'" + in + "' want '" + str(v[2]) + "' got '" + GoJson.compact(in) + "'");
            }
        }
        check(failures, of("compact").size(), 5);
    }

    @Test
    void crc32MatchesChecksumIeee() {
        List<String> failures = new ArrayList<>();
        for (String[] v : of("crc")) {
            String in = str(v[1]);
            long want = Long.parseLong(v[2]);
            CRC32 jdk = new CRC32();
            jdk.update(in.getBytes(StandardCharsets.UTF_8));
            if (Crc32.checksum(in) != want || jdk.getValue() != want) {
                failures.add("'" + in + "' want " + want + " got " + Crc32.checksum(in));
            }
        }
        check(failures, of("crc").size(), 200);
    }

    @Test
    void trimSpaceSetIsGoUnicodeIsSpace() {
        String[] spaces = of("spaces").get(0)[1].split(",");
        Set<Integer> want = new TreeSet<>();
        for (String s : spaces) {
            want.add(Integer.parseInt(s, 16));
        }
        assertEquals(25, want.size());
        Set<Integer> got = new TreeSet<>();
        for (int c = 0; c <= 0xFFFF; c++) {
            if (GoStrings.isSpace((char) c)) {
                got.add(c);
            }
        }
        assertEquals(want, got);
        for (String[] v : of("trim")) {
            assertEquals(str(v[2]), GoStrings.trimSpace(str(v[1])), "TrimSpace of " + v[1]);
        }
    }
}
