package dev.flagstaff.namespaces.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The JSON of the namespace routes as the OpenAPI document at {@code /openapi} describes it (contract sections
 * 2.1, 3.2), under Flipt's schema names. Nothing instantiates these classes: {@link NamespaceJson} writes the
 * responses and {@code JsonBody} reads the requests; {@link NamespacesResource}'s annotations reference them.
 */
public final class NamespaceSchemas {

    private NamespaceSchemas() {
    }

    @Schema(name = "Namespace")
    public static final class Namespace {
        @Schema(required = true) public String key;
        @Schema(required = true) public String name;
        @Schema(required = true) public String description;
        @Schema(name = "protected", required = true, description = "true only for `default`")
        public boolean isProtected;
        @Schema(required = true, format = "date-time") public String createdAt;
        @Schema(required = true, format = "date-time") public String updatedAt;
    }

    @Schema(name = "NamespaceList")
    public static final class NamespaceList {
        @Schema(required = true) public List<Namespace> namespaces;
        @Schema(required = true, description = "empty on the last page") public String nextPageToken;
        @Schema(required = true, format = "int32") public int totalCount;
    }

    @Schema(name = "CreateNamespaceRequest")
    public static final class CreateNamespaceRequest {
        @Schema(required = true) public String key;
        @Schema(required = true) public String name;
        public String description;
    }

    @Schema(name = "UpdateNamespaceRequest")
    public static final class UpdateNamespaceRequest {
        @Schema(description = "ignored: the key is the path's") public String key;
        @Schema(required = true) public String name;
        public String description;
    }
}
