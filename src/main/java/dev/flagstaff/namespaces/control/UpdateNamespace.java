package dev.flagstaff.namespaces.control;

import dev.flagstaff.http.Validate;

/** {@code UpdateNamespaceRequest}: name and description are replaced. */
public record UpdateNamespace(String name, String description) {

    public UpdateNamespace {
        Validate.name(name);
        Validate.maxLength("name", name, Validate.MAX_KEY_LENGTH);
    }
}
