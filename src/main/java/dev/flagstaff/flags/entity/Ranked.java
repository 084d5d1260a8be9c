package dev.flagstaff.flags.entity;

/** What a flag orders by rank: the rules of a variant flag, the rollouts of a boolean flag. */
public interface Ranked {

    String id();

    int rank();

    /** Moves the item; returns whether its rank changed. */
    boolean rank(int rank, long now);
}
