package dev.flagstaff.evaluation.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The two uses Flipt makes of Go's {@code encoding/json} during evaluation, re-implemented exactly:
 * decoding an {@code isoneof}/{@code isnotoneof} constraint value into {@code []string} or
 * {@code []float64}, and {@code json.Compact} for variant attachments. Runs at compile time only.
 *
 * <p>Decoding rules (Go's): the text must be a JSON array or {@code null} (→ empty), surrounded only by
 * JSON whitespace; an element {@code null} leaves the zero value ({@code ""} or {@code 0}); any element of
 * another type, any syntax error, or a number that overflows float64 is an error. Invalid surrogate escapes
 * decode to U+FFFD as in Go.
 *
 * <p>{@link #compact} is public: it is the one implementation of {@code json.Compact}, also for the HTTP layer's
 * attachment check ({@code dev.flagstaff.http.JsonText}).
 */
public final class GoJson {

    private GoJson() {
    }

    /** {@code json.Unmarshal(text, &[]string{})}; {@code null} on error. */
    static List<String> parseStringArray(String text) {
        Parser p = new Parser(text);
        List<String> out = new ArrayList<>();
        return p.array(out, true) ? out : null;
    }

    /** {@code json.Unmarshal(text, &[]float64{})}; {@code null} on error. */
    static double[] parseNumberArray(String text) {
        Parser p = new Parser(text);
        List<Double> out = new ArrayList<>();
        if (!p.array(out, false)) {
            return null;
        }
        double[] values = new double[out.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = out.get(i);
        }
        return values;
    }

    /**
     * {@code json.Compact} for valid JSON: removes the whitespace (space, tab, CR, LF) outside strings and
     * changes nothing else. Text that is not valid JSON is returned unchanged.
     */
    public static String compact(String text) {
        if (text.isEmpty()) {
            return text;
        }
        StringBuilder b = null;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    if (b != null) {
                        b.append(c);
                    }
                    i++;
                    if (i >= text.length()) {
                        return text;
                    }
                    c = text.charAt(i);
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                if (b == null) {
                    b = new StringBuilder(text.length()).append(text, 0, i);
                }
                continue;
            }
            if (b != null) {
                b.append(c);
            }
        }
        if (inString) {
            return text;
        }
        return b == null ? text : b.toString();
    }

    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        @SuppressWarnings("unchecked")
        boolean array(List<?> out, boolean strings) {
            ws();
            if (s.startsWith("null", i)) {
                i += 4;
                ws();
                return i == s.length();
            }
            if (!eat('[')) {
                return false;
            }
            ws();
            if (eat(']')) {
                ws();
                return i == s.length();
            }
            while (true) {
                ws();
                if (s.startsWith("null", i)) {
                    i += 4;
                    if (strings) {
                        ((List<String>) out).add("");
                    } else {
                        ((List<Double>) out).add(0.0);
                    }
                } else if (strings) {
                    String v = string();
                    if (v == null) {
                        return false;
                    }
                    ((List<String>) out).add(v);
                } else {
                    int start = i;
                    if (!number()) {
                        return false;
                    }
                    double d = Double.parseDouble(s.substring(start, i));
                    if (Double.isInfinite(d)) {
                        return false;
                    }
                    ((List<Double>) out).add(d);
                }
                ws();
                if (eat(',')) {
                    continue;
                }
                if (!eat(']')) {
                    return false;
                }
                ws();
                return i == s.length();
            }
        }

        private void ws() {
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                i++;
            }
        }

        private boolean eat(char c) {
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        /** JSON number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
        private boolean number() {
            eat('-');
            if (eat('0')) {
                // no further integer digits allowed
            } else if (digit()) {
                while (digit()) {
                    // consume
                }
            } else {
                return false;
            }
            if (eat('.')) {
                if (!digit()) {
                    return false;
                }
                while (digit()) {
                    // consume
                }
            }
            if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                i++;
                if (!eat('+')) {
                    eat('-');
                }
                if (!digit()) {
                    return false;
                }
                while (digit()) {
                    // consume
                }
            }
            return true;
        }

        private boolean digit() {
            if (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                return true;
            }
            return false;
        }

        private String string() {
            if (!eat('"')) {
                return null;
            }
            StringBuilder b = new StringBuilder();
            while (i < s.length()) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c < 0x20) {
                    return null;
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                if (i >= s.length()) {
                    return null;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case '"', '\\', '/' -> b.append(e);
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        int r = hex4(i);
                        if (r < 0) {
                            return null;
                        }
                        i += 4;
                        if (Character.isSurrogate((char) r)) {
                            int r2 = (i + 1 < s.length() && s.charAt(i) == '\\' && s.charAt(i + 1) == 'u')
                                    ? hex4(i + 2) : -1;
                            if (Character.isHighSurrogate((char) r) && r2 >= 0
                                    && Character.isLowSurrogate((char) r2)) {
                                b.append((char) r).append((char) r2);
                                i += 6;
                            } else {
                                b.append('\uFFFD');
                            }
                        } else {
                            b.append((char) r);
                        }
                    }
                    default -> {
                        return null;
                    }
                }
            }
            return null;
        }

        private int hex4(int at) {
            if (at + 4 > s.length()) {
                return -1;
            }
            int v = 0;
            for (int k = 0; k < 4; k++) {
                int d = Character.digit(s.charAt(at + k), 16);
                if (d < 0 || s.charAt(at + k) > 'f') {
                    return -1;
                }
                v = v * 16 + d;
            }
            return v;
        }
    }
}
