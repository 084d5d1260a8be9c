package dev.flagstaff.evaluation.engine;

import java.util.List;
import java.util.Map;

/** A boolean-flag rollout (contract 6.7 step 2); holds nothing flag-specific, so flags share them. */
final class CompiledRollout {

    final RolloutType type;
    final float percentage;
    final boolean value;
    private final CompiledSegment[] segments;
    private final boolean and;
    private final boolean unknownConstraintType;

    CompiledRollout(RolloutType type, float percentage, boolean value, CompiledSegment[] segments,
                    SegmentOperator operator) {
        this.type = type;
        this.percentage = percentage;
        this.value = value;
        this.segments = segments;
        this.and = operator == SegmentOperator.AND_SEGMENT_OPERATOR;
        boolean unknown = false;
        for (CompiledSegment s : segments) {
            unknown |= s.unknownConstraintType;
        }
        this.unknownConstraintType = unknown;
    }

    /** Segment rollout: OR = at least one segment matches, AND = all do. */
    boolean segmentsMatch(Map<String, String> context, String entityId) {
        if (unknownConstraintType) {
            throw new InvalidEvaluationException("unknown constraint type");
        }
        if (and) {
            for (CompiledSegment s : segments) {
                if (!s.matches(context, entityId)) {
                    return false;
                }
            }
            return true;
        }
        for (CompiledSegment s : segments) {
            if (s.matches(context, entityId)) {
                return true;
            }
        }
        return false;
    }

    /** Identity of a rollout for sharing: type, percentage, value, the same segment instances, operator. */
    record Shape(RolloutType type, float percentage, boolean value, List<CompiledSegment> segments, boolean and) {
    }

    /** The rollouts of one flag, in rank order. */
    static CompiledRollout[] compile(List<Shape> shapes) {
        CompiledRollout[] out = new CompiledRollout[shapes.size()];
        for (int i = 0; i < out.length; i++) {
            Shape s = shapes.get(i);
            out[i] = new CompiledRollout(s.type(), s.percentage(), s.value(),
                    s.segments().toArray(new CompiledSegment[0]),
                    s.and() ? SegmentOperator.AND_SEGMENT_OPERATOR : SegmentOperator.OR_SEGMENT_OPERATOR);
        }
        return out;
    }
}
