package dev.flagstaff.http;

import dev.flagstaff.persistence.Outage;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where failures become responses: always {@code {"code","message","details":[]}} with the
 * HTTP status grpc-gateway uses for the code (contract section 1.5). Client errors are not logged;
 * anything unexpected is logged once, with the request it broke, and answered with a generic 500 so no
 * internals (SQL, stack traces) reach the client.
 */
@Provider
public class ErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());

    @Context
    UriInfo uriInfo;

    @Context
    Request request;

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof ApiException api) {
            return error(api.code(), api.getMessage());
        }
        if (failure instanceof JsonParsingException parsing) {
            return error(Code.INVALID_ARGUMENT, parsing.getMessage());
        }
        if (failure instanceof NotAllowedException) {
            return error(Code.UNIMPLEMENTED, "Method Not Allowed");
        }
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            if (status < 500) {
                return error(Code.forHttpStatus(status), Response.Status.fromStatusCode(status) != null
                        ? Response.Status.fromStatusCode(status).getReasonPhrase() : "request failed");
            }
        }
        ApiException cause = apiCause(failure);
        if (cause != null) {
            return error(cause.code(), cause.getMessage());
        }
        if (Outage.unavailable(failure)) {
            Outage.answered(describeRequest(), failure);
            return error(Code.UNAVAILABLE, Outage.MESSAGE);
        }
        LOG.log(Level.SEVERE, "Unexpected failure on " + describeRequest(), failure);
        return error(Code.INTERNAL, "internal error");
    }

    /** The error body every route uses. */
    public static Response error(Code code, String message) {
        Response.ResponseBuilder response = Response.status(code.http())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(code.grpc(), message));
        if (code == Code.UNAUTHENTICATED) {
            response.header("WWW-Authenticate", message); // as Flipt: the header carries the message
        }
        return response.build();
    }

    private static ApiException apiCause(Throwable failure) {
        for (Throwable t = failure.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api;
            }
        }
        return null;
    }

    private String describeRequest() {
        try {
            return request.getMethod() + " " + uriInfo.getRequestUri().getRawPath();
        } catch (RuntimeException e) {
            return "a request";
        }
    }

    /**
     * The contract's error body; {@code details} is always empty. In the OpenAPI document it is the schema
     * {@code Status} (the gRPC message it is, {@code google.rpc.Status}), the {@code default} response that
     * {@code dev.flagstaff.OpenApiConventions} gives every operation.
     */
    @Schema(name = "Status", description = "An error: the gRPC code, its message and an always empty `details`. "
            + "HTTP status by code: 3 → 400, 16 → 401, 7 → 403, 5 → 404, 8 → 429 (request body too large), "
            + "9 → 412 (an `If-Match` that does not hold), 12 → 501 (wrong method on a known path), 13 → 500.")
    public record ErrorBody(
            @Schema(required = true, format = "int32", enumeration = {"1", "2", "3", "4", "5", "7", "8", "9", "12", "13", "14", "16"},
                    description = "gRPC status code, e.g. 3 INVALID_ARGUMENT, 5 NOT_FOUND, 9 FAILED_PRECONDITION, 16 UNAUTHENTICATED")
            int code,
            @Schema(required = true, description = "e.g. `invalid field key: must not be empty`, "
                    + "`flag \"default/foo\" not found`")
            String message,
            @Schema(required = true, description = "always empty") List<String> details) {

        public ErrorBody(int code, String message) {
            this(code, message, List.of());
        }
    }
}
