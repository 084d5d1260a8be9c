package dev.flagstaff.evaluation.engine;

/**
 * Summary of a compiled flag, e.g. for OFREP bulk evaluation ("every boolean flag and every enabled variant
 * flag, in creation order").
 *
 * @param key     flag key
 * @param name    flag name
 * @param type    flag type
 * @param enabled the flag's enabled field
 */
public record FlagInfo(String key, String name, FlagType type, boolean enabled) {
}
