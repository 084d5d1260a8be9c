package dev.flagstaff.evaluation.engine;

/** Segment match type; constant names are Flipt's management-API names ({@code flipt.MatchType}). */
public enum MatchType {
    /** Every constraint must match (a segment without constraints matches). */
    ALL_MATCH_TYPE,
    /** At least one constraint must match (a segment without constraints matches). */
    ANY_MATCH_TYPE
}
