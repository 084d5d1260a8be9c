package dev.flagstaff.transfer.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.List;

/**
 * One document of Flipt's import/export format ({@code internal/ext/common.go} in Flipt v1.59.3) as read from a
 * file: every element keeps the line it starts on, so an import that fails names it. Absent strings are
 * {@code ""}, as Go's zero values; a {@code null} list entry is left out, as Flipt skips it.
 *
 * @param line      where the document starts (1-based)
 * @param version   {@code version}, {@code ""} when absent (only the first document of a stream carries it)
 * @param namespace {@code namespace}: a key alone or {@code key}/{@code name}/{@code description}; null when absent
 */
public record FliptDocument(int line, String version, Namespace namespace, List<Flag> flags, List<Segment> segments) {

    public record Namespace(int line, String key, String name, String description) {
    }

    /** @param metadata null when absent */
    public record Flag(int line, String key, String name, String type, String description, boolean enabled,
                       JsonObject metadata, List<Variant> variants, List<Rule> rules, List<Rollout> rollouts) {
    }

    /** @param attachment null when absent */
    public record Variant(int line, boolean isDefault, String key, String name, String description,
                          JsonValue attachment) {
    }

    /**
     * {@code segment} is either one key ({@code segmentKey}) or {@code keys} with {@code operator}.
     *
     * @param rank 0 when absent (implicit from version 1.1)
     */
    public record Rule(int line, String segmentKey, List<String> segmentKeys, String operator, long rank,
                       List<Distribution> distributions) {
    }

    public record Distribution(int line, String variant, float rollout) {
    }

    /** Exactly one of {@code segment} and {@code threshold} is expected; both or neither are refused on import. */
    public record Rollout(int line, String description, RolloutSegment segment, Threshold threshold) {
    }

    public record RolloutSegment(int line, String key, List<String> keys, String operator, boolean value) {
    }

    public record Threshold(int line, float percentage, boolean value) {
    }

    public record Segment(int line, String key, String name, String description, List<Constraint> constraints,
                          String matchType) {
    }

    public record Constraint(int line, String type, String property, String operator, String value,
                             String description) {
    }
}
