package dev.flagstaff.evaluation.engine;

/**
 * Go's {@code strconv.ParseFloat(s, 64)} and {@code strconv.ParseBool}, re-implemented bit-exactly.
 *
 * <p>ParseFloat syntax (Go's, not Java's): optional sign; decimal digits with at most one '.', optional
 * exponent {@code e/E[+-]digits}; or hexadecimal {@code 0x} mantissa with mandatory {@code p/P} exponent;
 * underscores between digits ({@code 1_000}); {@code inf}/{@code infinity} (signed) and {@code nan}
 * (unsigned), case-insensitive. No surrounding whitespace and no Java {@code d/f} suffixes. A finite
 * literal that overflows float64 is an error (Go returns {@code ErrRange}); underflow to zero is not.
 */
final class GoStrconv {

    private GoStrconv() {
    }

    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
    };

    /**
     * Parses {@code s} like Go's {@code strconv.ParseFloat(s, 64)}.
     *
     * @return the value, or NaN when {@code s} is not accepted by Go. Because {@code "nan"} itself parses
     *     to NaN, callers that must tell the two apart use {@link #isNaNLiteral(String)}.
     */
    static double parseFloat(String s) {
        int n = s.length();
        if (n == 0) {
            return Double.NaN;
        }
        int i = 0;
        boolean neg = false;
        char c = s.charAt(0);
        if (c == '+' || c == '-') {
            neg = c == '-';
            i = 1;
            if (n == 1) {
                return Double.NaN;
            }
            c = s.charAt(1);
        }
        if (c == 'i' || c == 'I' || c == 'n' || c == 'N') {
            return special(s, i, neg);
        }

        boolean hex = false;
        if (i + 2 < n && s.charAt(i) == '0' && (s.charAt(i + 1) | 0x20) == 'x') {
            hex = true;
            i += 2;
        }
        boolean underscores = false;
        boolean sawDot = false;
        boolean sawDigits = false;
        // Fast-path state (decimal only): up to 18 significant digits in a long, exact power-of-ten scaling.
        long mantissa = 0;
        int significant = 0;
        int fracDigits = 0;
        boolean exactMantissa = true;
        for (; i < n; i++) {
            c = s.charAt(i);
            if (c == '_') {
                underscores = true;
            } else if (c == '.') {
                if (sawDot) {
                    break;
                }
                sawDot = true;
            } else if (c >= '0' && c <= '9') {
                sawDigits = true;
                if (!hex) {
                    if (mantissa != 0 || c != '0') {
                        if (significant < 18) {
                            mantissa = mantissa * 10 + (c - '0');
                            significant++;
                        } else {
                            exactMantissa = false;
                        }
                    }
                    if (sawDot) {
                        fracDigits++;
                    }
                }
            } else if (hex && ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')) {
                sawDigits = true;
            } else {
                break;
            }
        }
        if (!sawDigits) {
            return Double.NaN;
        }
        long exp10 = 0;
        if (i < n && (s.charAt(i) | 0x20) == (hex ? 'p' : 'e')) {
            i++;
            if (i >= n) {
                return Double.NaN;
            }
            boolean expNeg = false;
            c = s.charAt(i);
            if (c == '+' || c == '-') {
                expNeg = c == '-';
                i++;
            }
            if (i >= n || s.charAt(i) < '0' || s.charAt(i) > '9') {
                return Double.NaN;
            }
            long e = 0;
            for (; i < n; i++) {
                c = s.charAt(i);
                if (c == '_') {
                    underscores = true;
                } else if (c >= '0' && c <= '9') {
                    if (e < 10000) {
                        e = e * 10 + (c - '0');
                    }
                } else {
                    break;
                }
            }
            exp10 = expNeg ? -e : e;
        } else if (hex) {
            return Double.NaN; // a hex mantissa requires a 'p' exponent
        }
        if (i != n) {
            return Double.NaN;
        }
        if (underscores && !underscoreOk(s)) {
            return Double.NaN;
        }

        if (!hex && !underscores && exactMantissa) {
            long scale = exp10 - fracDigits;
            if (mantissa == 0) {
                return neg ? -0.0 : 0.0;
            }
            if (mantissa < (1L << 53) && scale >= -22 && scale <= 22) {
                double v = scale >= 0 ? mantissa * POW10[(int) scale] : mantissa / POW10[(int) -scale];
                return neg ? -v : v;
            }
        }
        // Everything left is valid Go syntax that is also valid Java syntax once underscores are removed.
        String text = underscores ? s.replace("_", "") : s;
        double v = Double.parseDouble(text);
        if (Double.isInfinite(v)) {
            return Double.NaN; // Go: ErrRange
        }
        return v;
    }

    /** Whether {@code s} is Go's NaN literal (the only accepted input for which {@link #parseFloat} yields NaN). */
    static boolean isNaNLiteral(String s) {
        return asciiEqualsIgnoreCase(s, 0, "nan");
    }

    /** Whether {@code s.substring(start)} equals the lower-case ASCII {@code word}, ASCII case-insensitively
     * (Go folds only A-Z; Java's equalsIgnoreCase would also accept e.g. dotless U+0131 for 'i'). */
    private static boolean asciiEqualsIgnoreCase(String s, int start, String word) {
        if (s.length() - start != word.length()) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            char c = s.charAt(start + k);
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Go's {@code special}: "inf"/"infinity" with optional sign, "nan" without sign; case-insensitive. */
    private static double special(String s, int start, boolean neg) {
        if (asciiEqualsIgnoreCase(s, start, "inf") || asciiEqualsIgnoreCase(s, start, "infinity")) {
            return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        // "nan" is only accepted unsigned; an invalid input also yields NaN (see isNaNLiteral).
        return Double.NaN;
    }

    /**
     * Go's {@code underscoreOK}: underscores may only separate digits (or follow a base prefix), and the
     * literal may not end with one.
     */
    private static boolean underscoreOk(String s) {
        char saw = '^';
        int i = 0;
        int n = s.length();
        if (n >= 1 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            i = 1;
        }
        boolean hex = false;
        if (n - i >= 2 && s.charAt(i) == '0') {
            char p = (char) (s.charAt(i + 1) | 0x20);
            if (p == 'b' || p == 'o' || p == 'x') {
                i += 2;
                saw = '0';
                hex = p == 'x';
            }
        }
        for (; i < n; i++) {
            char c = s.charAt(i);
            char lower = (char) (c | 0x20);
            if ((c >= '0' && c <= '9') || (hex && lower >= 'a' && lower <= 'f')) {
                saw = '0';
                continue;
            }
            if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
                continue;
            }
            if (saw == '_') {
                return false;
            }
            saw = '!';
        }
        return saw != '_';
    }

    /** Result codes of {@link #parseBool}. */
    static final int BOOL_FALSE = 0;
    static final int BOOL_TRUE = 1;
    static final int BOOL_INVALID = -1;

    /**
     * Go's {@code strconv.ParseBool}: {@code 1 t T TRUE true True} are true, {@code 0 f F FALSE false False}
     * are false, anything else is an error.
     */
    static int parseBool(String s) {
        switch (s) {
            case "1", "t", "T", "TRUE", "true", "True":
                return BOOL_TRUE;
            case "0", "f", "F", "FALSE", "false", "False":
                return BOOL_FALSE;
            default:
                return BOOL_INVALID;
        }
    }
}
