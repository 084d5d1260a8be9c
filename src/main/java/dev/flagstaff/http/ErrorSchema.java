package dev.flagstaff.http;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The error body every route except OFREP answers with (contract section 1.5), as the OpenAPI document
 * describes it: the schema {@code Status} (the name of the gRPC message it is, {@code google.rpc.Status}).
 * Nothing instantiates it; {@link ErrorMapper} writes the body. Referenced by the {@code Error} response that
 * {@code dev.flagstaff.OpenApiConventions} gives every operation.
 */
@Schema(name = "Status", description = "An error: the gRPC code, its message and an always empty `details`. "
        + "HTTP status by code: 3 → 400, 16 → 401, 7 → 403, 5 → 404, 12 → 501 (wrong method on a known path), "
        + "13 → 500.")
public final class ErrorSchema {

    private ErrorSchema() {
    }

    @Schema(required = true, format = "int32", enumeration = {"1", "2", "3", "4", "5", "7", "12", "13", "14", "16"},
            description = "gRPC status code, e.g. 3 INVALID_ARGUMENT, 5 NOT_FOUND, 16 UNAUTHENTICATED")
    public int code;

    @Schema(required = true, description = "e.g. `invalid field key: must not be empty`, `flag \"default/foo\" not found`")
    public String message;

    @Schema(required = true, description = "always empty")
    public List<Object> details;
}
