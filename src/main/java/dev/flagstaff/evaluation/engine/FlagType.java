package dev.flagstaff.evaluation.engine;

/** Flag type; constant names are Flipt's ({@code flipt.FlagType}). */
public enum FlagType {
    VARIANT_FLAG_TYPE,
    BOOLEAN_FLAG_TYPE
}
