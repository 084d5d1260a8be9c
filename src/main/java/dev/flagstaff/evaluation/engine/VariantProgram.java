package dev.flagstaff.evaluation.engine;

/**
 * The rule structure of a variant flag: its rules in rank order and where each rule's results start in the
 * flag's result array. Holds nothing flag-specific, so one instance serves every flag of a namespace with the
 * same rules (same segments, operators and distribution boundaries): a namespace of many similar flags keeps
 * one hot copy in the CPU cache instead of one cold copy per flag.
 */
final class VariantProgram {

    static final VariantProgram EMPTY = new VariantProgram(new CompiledRule[0]);

    final CompiledRule[] rules;
    /** {@code offsets[r]}: index of rule {@code r}'s first result; {@code offsets[rules.length]}: total. */
    final int[] offsets;

    VariantProgram(CompiledRule[] rules) {
        this.rules = rules;
        this.offsets = new int[rules.length + 1];
        for (int r = 0; r < rules.length; r++) {
            offsets[r + 1] = offsets[r] + rules[r].groups * rules[r].width;
        }
    }

    int resultCount() {
        return offsets[rules.length];
    }
}
