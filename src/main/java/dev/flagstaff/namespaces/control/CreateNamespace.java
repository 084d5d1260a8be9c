package dev.flagstaff.namespaces.control;

import dev.flagstaff.http.Validate;

/** {@code CreateNamespaceRequest}, validated in Flipt's order on construction. */
public record CreateNamespace(String key, String name, String description) {

    public CreateNamespace {
        Validate.newKey(key);
        Validate.name(name);
        Validate.maxLength("key", key, Validate.MAX_KEY_LENGTH);
        Validate.maxLength("name", name, Validate.MAX_KEY_LENGTH);
    }
}
