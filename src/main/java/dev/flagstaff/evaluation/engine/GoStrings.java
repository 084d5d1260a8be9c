package dev.flagstaff.evaluation.engine;

/**
 * Go string helpers re-implemented bit-exactly: {@code strings.TrimSpace} (as index arithmetic, no
 * allocation), {@code path.Join} and {@code strconv.Quote}. {@link #quote} is public: it is the one
 * implementation of Go's {@code %q}, also for the HTTP layer's error messages ({@code dev.flagstaff.http.GoQuote}).
 */
public final class GoStrings {

    private GoStrings() {
    }

    /**
     * Go's {@code unicode.IsSpace}, which is what {@code strings.TrimSpace} trims: ASCII {@code \t \n \v \f \r}
     * and space, U+0085, U+00A0, and the Unicode White_Space characters U+1680, U+2000..U+200A, U+2028,
     * U+2029, U+202F, U+205F, U+3000. (Java's {@code strip()}/{@code isWhitespace} use a different set.)
     */
    static boolean isSpace(char c) {
        if (c <= ' ') {
            return c == ' ' || (c >= '\t' && c <= '\r');
        }
        if (c < 0x85) {
            return false;
        }
        switch (c) {
            case 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
                return true;
            default:
                return c >= 0x2000 && c <= 0x200A;
        }
    }

    /** Index of the first character {@code strings.TrimSpace} keeps ({@code s.length()} if all are spaces). */
    static int trimStart(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** One past the last character {@code strings.TrimSpace} keeps, given the start from {@link #trimStart}. */
    static int trimEnd(String s, int start) {
        int e = s.length();
        while (e > start && isSpace(s.charAt(e - 1))) {
            e--;
        }
        return e;
    }

    /** {@code len(strings.TrimSpace(s)) == 0}. */
    static boolean isBlank(String s) {
        return trimStart(s) == s.length();
    }

    /** {@code strings.TrimSpace(s)}. */
    static String trimSpace(String s) {
        int start = trimStart(s);
        return s.substring(start, trimEnd(s, start));
    }

    /** {@code strings.HasPrefix(strings.TrimSpace(v), prefix)} without allocating. */
    static boolean trimmedHasPrefix(String v, String prefix) {
        int start = trimStart(v);
        int end = trimEnd(v, start);
        return end - start >= prefix.length() && v.startsWith(prefix, start);
    }

    /** {@code strings.HasSuffix(strings.TrimSpace(v), suffix)} without allocating. */
    static boolean trimmedHasSuffix(String v, String suffix) {
        int start = trimStart(v);
        int end = trimEnd(v, start);
        int n = suffix.length();
        return end - start >= n && v.regionMatches(end - n, suffix, 0, n);
    }

    /** Go's {@code path.Join(a, b)}: join the non-empty elements with '/', then {@code path.Clean}. */
    static String pathJoin(String a, String b) {
        if (a.isEmpty() && b.isEmpty()) {
            return "";
        }
        String joined = a.isEmpty() ? b : b.isEmpty() ? a : a + '/' + b;
        return pathClean(joined);
    }

    /** Go's {@code path.Clean}. */
    static String pathClean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.charAt(0) == '/';
        int n = path.length();
        StringBuilder out = new StringBuilder(n);
        int r = 0;
        int dotdot = 0;
        if (rooted) {
            out.append('/');
            r = 1;
            dotdot = 1;
        }
        while (r < n) {
            char c = path.charAt(r);
            if (c == '/') {
                r++;
            } else if (c == '.' && (r + 1 == n || path.charAt(r + 1) == '/')) {
                r++;
            } else if (c == '.' && path.charAt(r + 1) == '.' && (r + 2 == n || path.charAt(r + 2) == '/')) {
                r += 2;
                if (out.length() > dotdot) {
                    int w = out.length() - 1;
                    while (w > dotdot && out.charAt(w) != '/') {
                        w--;
                    }
                    out.setLength(w);
                } else if (!rooted) {
                    if (out.length() > 0) {
                        out.append('/');
                    }
                    out.append("..");
                    dotdot = out.length();
                }
            } else {
                if ((rooted && out.length() != 1) || (!rooted && out.length() != 0)) {
                    out.append('/');
                }
                while (r < n && path.charAt(r) != '/') {
                    out.append(path.charAt(r));
                    r++;
                }
            }
        }
        return out.length() == 0 ? "." : out.toString();
    }

    /**
     * Go's {@code strconv.Quote} (what {@code %q} prints for a string): double quotes, {@code \"} and
     * {@code \\} escaped, printable runes (Unicode L, M, N, P, S categories and ASCII space) kept, other
     * runes as {@code \a \b \f \n \r \t \v}, backslash-x HH (below U+0080), backslash-u HHHH or backslash-U HHHHHHHH.
     * A lone surrogate (impossible in Go, whose JSON decoding yields U+FFFD) is shown as U+FFFD.
     */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2);
        b.append('"');
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                cp = 0xFFFD;
            }
            if (cp == '"' || cp == '\\') {
                b.append('\\').appendCodePoint(cp);
            } else if (isPrint(cp)) {
                b.appendCodePoint(cp);
            } else {
                switch (cp) {
                    case 0x07 -> b.append("\\a");
                    case '\b' -> b.append("\\b");
                    case '\f' -> b.append("\\f");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    case 0x0B -> b.append("\\v");
                    default -> {
                        if (cp < ' ' || cp == 0x7F) {
                            b.append("\\x").append(hex(cp, 2));
                        } else if (cp < 0x10000) {
                            b.append("\\u").append(hex(cp, 4));
                        } else {
                            b.append("\\U").append(hex(cp, 8));
                        }
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static String hex(int v, int width) {
        String h = Integer.toHexString(v);
        return "0".repeat(Math.max(0, width - h.length())) + h;
    }

    /** Go's {@code strconv.IsPrint}: letters, marks, numbers, punctuation, symbols and ASCII space. */
    private static boolean isPrint(int cp) {
        if (cp < 0x80) {
            return cp >= 0x20 && cp < 0x7F;
        }
        switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                    Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
                    Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
                    Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION,
                    Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
                    Character.OTHER_SYMBOL:
                return true;
            default:
                return false;
        }
    }
}
