package dev.flagstaff.segments.entity;

/** {@code flipt.MatchType}: whether all or any of a segment's constraints must match. */
public enum MatchType {
    ALL_MATCH_TYPE,
    ANY_MATCH_TYPE;

    public static final String PROTO_NAME = "flipt.MatchType";
}
