package dev.flagstaff.persistence;

import dev.flagstaff.flags.entity.Flag;
import dev.flagstaff.flags.entity.Variant;
import dev.flagstaff.namespaces.entity.Namespace;

import java.util.List;

/** Every JPA entity of the persistence unit; a new entity is added here and to a Flyway migration. */
final class Entities {

    static final List<Class<?>> ALL = List.of(
            Namespace.class,
            Flag.class,
            Variant.class);

    private Entities() {
    }
}
