package dev.flagstaff.evaluation.engine;

import java.util.Map;

/** A segment with compiled constraints (contract 6.3). Shared by every rule and rollout that uses it. */
final class CompiledSegment {

    final String key;
    private final boolean matchAll;
    private final CompiledConstraint[] constraints;
    /** Holds a constraint of unknown type: evaluating this segment fails, as in Flipt. */
    final boolean unknownConstraintType;

    CompiledSegment(SegmentDefinition definition) {
        this.key = definition.key();
        this.matchAll = definition.matchType() == MatchType.ALL_MATCH_TYPE;
        this.constraints = definition.constraints().stream()
                .map(CompiledConstraint::compile)
                .toArray(CompiledConstraint[]::new);
        boolean unknown = false;
        for (CompiledConstraint c : constraints) {
            unknown |= c.unknownType;
        }
        this.unknownConstraintType = unknown;
    }

    /**
     * ALL: every constraint matches; ANY: at least one does; zero constraints match either way. Short-circuits
     * (constraints have no side effects; the caller has already rejected segments with unknown types).
     */
    boolean matches(Map<String, String> context, String entityId) {
        CompiledConstraint[] cs = constraints;
        if (cs.length == 0) {
            return true;
        }
        if (matchAll) {
            for (CompiledConstraint c : cs) {
                if (!c.matches(context, entityId)) {
                    return false;
                }
            }
            return true;
        }
        for (CompiledConstraint c : cs) {
            if (c.matches(context, entityId)) {
                return true;
            }
        }
        return false;
    }
}
