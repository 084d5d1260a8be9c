package dev.flagstaff.flags.entity;

/** {@code flipt.FlagType}, in proto number order. */
public enum FlagType {
    VARIANT_FLAG_TYPE,
    BOOLEAN_FLAG_TYPE;

    public static final String PROTO_NAME = "flipt.FlagType";
}
