package dev.flagstaff.persistence;

import dev.flagstaff.auth.entity.Authentication;
import dev.flagstaff.flags.entity.Flag;
import dev.flagstaff.flags.entity.Variant;
import dev.flagstaff.namespaces.entity.Namespace;
import dev.flagstaff.rollouts.entity.Rollout;
import dev.flagstaff.rules.entity.Distribution;
import dev.flagstaff.rules.entity.Rule;
import dev.flagstaff.segments.entity.Constraint;
import dev.flagstaff.segments.entity.Segment;

import java.util.List;

/** Every JPA entity of the persistence unit; a new entity is added here and to a Flyway migration. */
final class Entities {

    static final List<Class<?>> ALL = List.of(
            Namespace.class,
            Flag.class,
            Variant.class,
            Segment.class,
            Constraint.class,
            Rule.class,
            Distribution.class,
            Rollout.class,
            Authentication.class);

    private Entities() {
    }
}
