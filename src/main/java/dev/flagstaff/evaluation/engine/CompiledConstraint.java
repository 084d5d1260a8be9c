package dev.flagstaff.evaluation.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One constraint, pre-compiled into an opcode plus pre-parsed operand (contract 6.2). Everything that
 * depends only on the stored constraint is decided at compile time: the operator, the constraint value as
 * float64 / instant / JSON array, and whether the constraint can match at all ({@link #NEVER}).
 */
final class CompiledConstraint {

    // Opcodes. BLANK/NOT_BLANK implement empty/notempty (STRING) and notpresent/present (NUMBER, BOOLEAN,
    // DATETIME), which are all "len(strings.TrimSpace(v)) == 0 / != 0".
    static final int NEVER = 0;
    static final int BLANK = 1;
    static final int NOT_BLANK = 2;
    static final int STR_EQ = 3;
    static final int STR_NEQ = 4;
    static final int STR_PREFIX = 5;
    static final int STR_SUFFIX = 6;
    static final int STR_CONTAINS = 7;
    static final int STR_NOTCONTAINS = 8;
    static final int STR_ISONEOF = 9;
    static final int STR_ISNOTONEOF = 10;
    static final int NUM_EQ = 11;
    static final int NUM_NEQ = 12;
    static final int NUM_LT = 13;
    static final int NUM_LTE = 14;
    static final int NUM_GT = 15;
    static final int NUM_GTE = 16;
    static final int NUM_ISONEOF = 17;
    static final int NUM_ISNOTONEOF = 18;
    static final int BOOL_TRUE = 19;
    static final int BOOL_FALSE = 20;
    static final int DT_EQ = 21;
    static final int DT_NEQ = 22;
    static final int DT_LT = 23;
    static final int DT_LTE = 24;
    static final int DT_GT = 25;
    static final int DT_GTE = 26;

    final int op;
    final String property;
    /** ENTITY_ID constraint: compares the entity id instead of a context value. */
    final boolean entityId;
    /** UNKNOWN_COMPARISON_TYPE: evaluation reaching it fails with "unknown constraint type". */
    final boolean unknownType;
    private final String text;
    private final Set<String> strings;
    private final double number;
    /** Sorted, with -0.0 normalised to 0.0 (Go compares float64 with ==). */
    private final double[] numbers;
    private final long epochSecond;
    private final int nanos;

    private CompiledConstraint(int op, String property, boolean entityId, boolean unknownType, String text,
                               Set<String> strings, double number, double[] numbers, long epochSecond, int nanos) {
        this.op = op;
        this.property = property;
        this.entityId = entityId;
        this.unknownType = unknownType;
        this.text = text;
        this.strings = strings;
        this.number = number;
        this.numbers = numbers;
        this.epochSecond = epochSecond;
        this.nanos = nanos;
    }

    private static CompiledConstraint of(int op, ConstraintDefinition d) {
        return new CompiledConstraint(op, d.property(), false, false, d.value(), null, 0, null, 0, 0);
    }

    static CompiledConstraint compile(ConstraintDefinition d) {
        String operator = d.operator();
        String value = d.value();
        switch (d.type()) {
            case STRING_COMPARISON_TYPE:
                return compileString(d, false);
            case ENTITY_ID_COMPARISON_TYPE:
                return compileString(d, true);
            case NUMBER_COMPARISON_TYPE: {
                switch (operator) {
                    case "present":
                        return of(NOT_BLANK, d);
                    case "notpresent":
                        return of(BLANK, d);
                    case "isoneof":
                    case "isnotoneof": {
                        double[] values = GoJson.parseNumberArray(value);
                        if (values == null) {
                            return of(NEVER, d);
                        }
                        for (int i = 0; i < values.length; i++) {
                            values[i] = values[i] + 0.0; // -0.0 -> 0.0
                        }
                        Arrays.sort(values);
                        int op = operator.equals("isoneof") ? NUM_ISONEOF : NUM_ISNOTONEOF;
                        return new CompiledConstraint(op, d.property(), false, false, value, null, 0, values, 0, 0);
                    }
                    default: {
                        int op = comparison(operator, NUM_EQ);
                        double n = GoStrconv.parseFloat(value);
                        if (op == NEVER || (Double.isNaN(n) && !GoStrconv.isNaNLiteral(value))) {
                            return of(NEVER, d);
                        }
                        return new CompiledConstraint(op, d.property(), false, false, value, null, n, null, 0, 0);
                    }
                }
            }
            case BOOLEAN_COMPARISON_TYPE:
                switch (operator) {
                    case "present":
                        return of(NOT_BLANK, d);
                    case "notpresent":
                        return of(BLANK, d);
                    case "true":
                        return of(BOOL_TRUE, d);
                    case "false":
                        return of(BOOL_FALSE, d);
                    default:
                        return of(NEVER, d);
                }
            case DATETIME_COMPARISON_TYPE: {
                switch (operator) {
                    case "present":
                        return of(NOT_BLANK, d);
                    case "notpresent":
                        return of(BLANK, d);
                    default: {
                        int op = comparison(operator, DT_EQ);
                        long seconds = GoTime.parseEpochSecond(value);
                        if (op == NEVER || seconds == GoTime.INVALID) {
                            return of(NEVER, d);
                        }
                        return new CompiledConstraint(op, d.property(), false, false, value, null, 0, null, seconds,
                                GoTime.nanos(value));
                    }
                }
            }
            default:
                return new CompiledConstraint(NEVER, d.property(), false, true, value, null, 0, null, 0, 0);
        }
    }

    private static CompiledConstraint compileString(ConstraintDefinition d, boolean entityId) {
        String value = d.value();
        int op;
        Set<String> set = null;
        switch (d.operator()) {
            case "empty" -> op = BLANK;
            case "notempty" -> op = NOT_BLANK;
            case "eq" -> op = STR_EQ;
            case "neq" -> op = STR_NEQ;
            case "prefix" -> op = STR_PREFIX;
            case "suffix" -> op = STR_SUFFIX;
            case "contains" -> op = STR_CONTAINS;
            case "notcontains" -> op = STR_NOTCONTAINS;
            case "isoneof", "isnotoneof" -> {
                List<String> values = GoJson.parseStringArray(value);
                if (values == null) {
                    op = NEVER; // unparsable array: false for both operators
                } else {
                    set = Set.copyOf(values);
                    op = d.operator().equals("isoneof") ? STR_ISONEOF : STR_ISNOTONEOF;
                }
            }
            default -> op = NEVER;
        }
        return new CompiledConstraint(op, d.property(), entityId, false, value, set, 0, null, 0, 0);
    }

    /** eq/neq/lt/lte/gt/gte mapped onto the opcode block starting at {@code base}, else NEVER. */
    private static int comparison(String operator, int base) {
        switch (operator) {
            case "eq":
                return base;
            case "neq":
                return base + 1;
            case "lt":
                return base + 2;
            case "lte":
                return base + 3;
            case "gt":
                return base + 4;
            case "gte":
                return base + 5;
            default:
                return NEVER;
        }
    }

    /** Contract 6.2 for this constraint. */
    boolean matches(Map<String, String> context, String entity) {
        String v;
        if (entityId) {
            v = entity;
        } else {
            v = context.get(property);
            if (v == null) {
                v = "";
            }
        }
        switch (op) {
            case NEVER:
                return false;
            case BLANK:
                return GoStrings.isBlank(v);
            case NOT_BLANK:
                return !GoStrings.isBlank(v);
            default:
                break;
        }
        if (v.isEmpty()) {
            return false;
        }
        switch (op) {
            case STR_EQ:
                return v.equals(text);
            case STR_NEQ:
                return !v.equals(text);
            case STR_PREFIX:
                return GoStrings.trimmedHasPrefix(v, text);
            case STR_SUFFIX:
                return GoStrings.trimmedHasSuffix(v, text);
            case STR_CONTAINS:
                return v.contains(text);
            case STR_NOTCONTAINS:
                return !v.contains(text);
            case STR_ISONEOF:
                return strings.contains(v);
            case STR_ISNOTONEOF:
                return !strings.contains(v);
            case BOOL_TRUE:
                return GoStrconv.parseBool(v) == GoStrconv.BOOL_TRUE;
            case BOOL_FALSE:
                return GoStrconv.parseBool(v) == GoStrconv.BOOL_FALSE;
            default:
                break;
        }
        if (op <= NUM_ISNOTONEOF) {
            double n = GoStrconv.parseFloat(v);
            if (Double.isNaN(n) && !GoStrconv.isNaNLiteral(v)) {
                return false;
            }
            switch (op) {
                case NUM_EQ:
                    return n == number;
                case NUM_NEQ:
                    return n != number;
                case NUM_LT:
                    return n < number;
                case NUM_LTE:
                    return n <= number;
                case NUM_GT:
                    return n > number;
                case NUM_GTE:
                    return n >= number;
                case NUM_ISONEOF:
                    return containsNumber(n);
                default:
                    return !containsNumber(n);
            }
        }
        long seconds = GoTime.parseEpochSecond(v);
        if (seconds == GoTime.INVALID) {
            return false;
        }
        int cmp = Long.compare(seconds, epochSecond);
        if (cmp == 0) {
            cmp = Integer.compare(GoTime.nanos(v), nanos);
        }
        switch (op) {
            case DT_EQ:
                return cmp == 0;
            case DT_NEQ:
                return cmp != 0;
            case DT_LT:
                return cmp < 0;
            case DT_LTE:
                return cmp <= 0;
            case DT_GT:
                return cmp > 0;
            default:
                return cmp >= 0;
        }
    }

    /** {@code slices.Contains(values, n)} with float64 {@code ==} semantics (NaN never, -0 == 0). */
    private boolean containsNumber(double n) {
        if (n != n) {
            return false;
        }
        double key = n + 0.0;
        int lo = 0;
        int hi = numbers.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            double m = numbers[mid];
            if (m < key) {
                lo = mid + 1;
            } else if (m > key) {
                hi = mid - 1;
            } else {
                return true;
            }
        }
        return false;
    }
}
