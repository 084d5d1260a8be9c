package dev.flagstaff.flags.boundary;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * The JSON of the flag and variant routes as the OpenAPI document at {@code /openapi} describes it (contract
 * sections 2.2, 2.3, 3.3, 3.4). Nothing instantiates these classes: {@link FlagJson} and {@link VariantJson}
 * write the responses and {@code JsonBody} reads the requests; these only give the schemas their names (Flipt's)
 * and fields, referenced from the {@code @RequestBody} and {@code @APIResponse} annotations of
 * {@link FlagsResource}.
 */
public final class FlagSchemas {

    private FlagSchemas() {
    }

    static final String VARIANT_FLAG_TYPE = "VARIANT_FLAG_TYPE";

    @Schema(name = "Flag", description = "A flag. `defaultVariant` is left out when the flag has none; `metadata` "
            + "is always in a list, and elsewhere only when the flag has metadata.")
    public static final class Flag {
        @Schema(required = true) public String key;
        @Schema(required = true) public String name;
        @Schema(required = true) public String description;
        @Schema(required = true) public boolean enabled;
        @Schema(required = true, format = "date-time") public String createdAt;
        @Schema(required = true, format = "date-time") public String updatedAt;
        @Schema(required = true, description = "in creation order") public List<Variant> variants;
        @Schema(required = true) public String namespaceKey;
        @Schema(required = true, enumeration = {"VARIANT_FLAG_TYPE", "BOOLEAN_FLAG_TYPE"}) public String type;
        public Variant defaultVariant;
        @Schema(type = SchemaType.OBJECT, description = "any JSON object") public Map<String, Object> metadata;
    }

    @Schema(name = "FlagList")
    public static final class FlagList {
        @Schema(required = true) public List<Flag> flags;
        @Schema(required = true, description = "empty on the last page") public String nextPageToken;
        @Schema(required = true, format = "int32") public int totalCount;
    }

    @Schema(name = "Variant")
    public static final class Variant {
        @Schema(required = true) public String id;
        @Schema(required = true) public String flagKey;
        @Schema(required = true) public String key;
        @Schema(required = true) public String name;
        @Schema(required = true) public String description;
        @Schema(required = true, format = "date-time") public String createdAt;
        @Schema(required = true, format = "date-time") public String updatedAt;
        @Schema(required = true, description = "JSON text, compacted; empty when none") public String attachment;
        @Schema(required = true) public String namespaceKey;
    }

    @Schema(name = "CreateFlagRequest")
    public static final class CreateFlagRequest {
        @Schema(required = true) public String key;
        @Schema(required = true) public String name;
        public String description;
        public boolean enabled;
        @Schema(description = "the namespace on the routes without one in the path; `default` when absent")
        public String namespaceKey;
        @Schema(enumeration = {"VARIANT_FLAG_TYPE", "BOOLEAN_FLAG_TYPE"}, defaultValue = VARIANT_FLAG_TYPE)
        public String type;
        @Schema(type = SchemaType.OBJECT, description = "any JSON object") public Map<String, Object> metadata;
    }

    @Schema(name = "UpdateFlagRequest")
    public static final class UpdateFlagRequest {
        @Schema(description = "ignored: the key is the path's") public String key;
        @Schema(required = true) public String name;
        public String description;
        public boolean enabled;
        @Schema(description = "the namespace on the routes without one in the path; `default` when absent")
        public String namespaceKey;
        @Schema(description = "id of one of the flag's variants; empty clears the default variant")
        public String defaultVariantId;
        @Schema(type = SchemaType.OBJECT, description = "any JSON object") public Map<String, Object> metadata;
    }

    @Schema(name = "CreateVariantRequest")
    public static final class CreateVariantRequest {
        @Schema(description = "ignored: the flag is the path's") public String flagKey;
        @Schema(required = true) public String key;
        public String name;
        public String description;
        @Schema(description = "JSON text; stored compacted") public String attachment;
        @Schema(description = "the namespace on the routes without one in the path; `default` when absent")
        public String namespaceKey;
    }

    @Schema(name = "UpdateVariantRequest")
    public static final class UpdateVariantRequest {
        @Schema(description = "ignored: the id is the path's") public String id;
        @Schema(description = "ignored: the flag is the path's") public String flagKey;
        @Schema(required = true) public String key;
        public String name;
        public String description;
        @Schema(description = "JSON text; stored compacted") public String attachment;
        @Schema(description = "the namespace on the routes without one in the path; `default` when absent")
        public String namespaceKey;
    }
}
