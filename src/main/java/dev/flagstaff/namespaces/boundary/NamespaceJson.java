package dev.flagstaff.namespaces.boundary;

import dev.flagstaff.http.JsonOut;
import dev.flagstaff.http.JsonWritable;
import dev.flagstaff.http.Page;
import dev.flagstaff.namespaces.entity.Namespace;

/** {@code flipt.Namespace} and {@code flipt.NamespaceList} (contract section 2.1). */
public record NamespaceJson(Namespace namespace) implements JsonWritable {

    @Override
    public void writeTo(JsonOut out) {
        out.str("key", namespace.key())
                .str("name", namespace.name())
                .str("description", namespace.description())
                .bool("protected", namespace.isProtected())
                .timestampMicros("createdAt", namespace.createdAt())
                .timestampMicros("updatedAt", namespace.updatedAt());
    }

    public static JsonWritable list(Page.Slice<Namespace> page) {
        return out -> out.array("namespaces", page.items().stream().map(NamespaceJson::new).toList())
                .str("nextPageToken", page.nextPageToken())
                .int32("totalCount", (int) page.totalCount());
    }
}
