package dev.flagstaff.auth.boundary;

import dev.flagstaff.auth.control.StoredToken;
import dev.flagstaff.auth.control.Tokens;
import dev.flagstaff.http.ApiException;
import dev.flagstaff.http.Code;
import dev.flagstaff.http.Messages;
import dev.flagstaff.http.NamespaceScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /auth/v1/session}: Flagstaff's browser session over a client token, for the web console. A browser
 * script cannot set an {@code HttpOnly} cookie, so the console hands the token to {@code POST} once; the
 * answer sets Flipt's session cookie {@code flipt_client_token} ({@code HttpOnly; SameSite=Strict; Path=/},
 * {@code Secure} over HTTPS), which the authentication filter then reads on every request, as Flipt's UI
 * session does. {@code GET} says whose session the cookie is (also for a namespace-scoped token, which
 * {@code /auth/v1/self} refuses), {@code DELETE} ends the browser session by clearing the cookie; the token
 * itself stays valid ({@code PUT /auth/v1/self/expire} expires it).
 * <p>
 * These routes are public and read the cookie themselves: the authentication filter leaves them alone, so a
 * stale cookie never locks a browser out of logging in again.
 */
@ApplicationScoped
@Path("auth/v1/session")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    @Inject
    Tokens tokens;

    /** Starts a browser session: checks the client token, answers with its authentication and the cookie. */
    @POST
    @Operation(operationId = "createSession", summary = "Log a browser in with a client token",
            description = "Sets the `flipt_client_token` cookie (HttpOnly, SameSite=Strict) when the token is "
                    + "valid; 401 otherwise. Flagstaff's addition for its web console.")
    @Tag(name = "AuthenticationService")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CreateSessionRequest.class)))
    @APIResponse(responseCode = "200", description = "OK: the token's authentication; the cookie is set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Authentication.class)))
    public Response create(CreateSessionRequest body, @Context HttpServletRequest request) {
        // no login from another site's page (login CSRF: signing the browser in with the attacker's token)
        AuthenticationFilter.crossOrigin(request).ifPresent(why -> {
            throw new ApiException(Code.PERMISSION_DENIED, "permission denied: " + why);
        });
        String clientToken = body.clientToken();
        StoredToken token = tokens.authenticate(clientToken).orElseThrow(NamespaceScope::unauthenticated);
        StringBuilder cookie = new StringBuilder(AuthenticationFilter.COOKIE).append('=').append(clientToken)
                .append("; Path=/; HttpOnly; SameSite=Strict");
        if (token.expiresAt() != null) {
            long seconds = Math.max(0, token.expiresAt() / 1_000_000 - System.currentTimeMillis() / 1000);
            cookie.append("; Max-Age=").append(seconds);
        }
        if (request.isSecure()) {
            cookie.append("; Secure");
        }
        return Response.ok(Authentication.of(token)).header("Set-Cookie", cookie.toString())
                .header(SessionCookies.CSRF_HEADER, SessionCookies.csrfToken(clientToken)).build();
    }

    /** The authentication of the session cookie; 401 without a cookie or for one that is no longer valid. */
    @GET
    @Operation(operationId = "getSession", summary = "The browser session's authentication",
            description = "Reads the `flipt_client_token` cookie. Flagstaff's addition for its web console.")
    @Tag(name = "AuthenticationService")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Authentication.class)))
    public Response get(@CookieParam(AuthenticationFilter.COOKIE) String clientToken) {
        if (clientToken == null || clientToken.isEmpty()) {
            throw NamespaceScope.unauthenticated();
        }
        Authentication authentication = Authentication.of(tokens.authenticate(clientToken)
                .orElseThrow(NamespaceScope::unauthenticated));
        // the session's CSRF token, which the console sends back as X-CSRF-Token on writes
        return Response.ok(authentication).header(SessionCookies.CSRF_HEADER, SessionCookies.csrfToken(clientToken))
                .build();
    }

    /** Ends the browser session: clears the cookie. Always {@code {}}. */
    @DELETE
    @Operation(operationId = "deleteSession", summary = "Log a browser out",
            description = "Clears the `flipt_client_token` cookie; the token itself stays valid. Flagstaff's "
                    + "addition for its web console.")
    @Tag(name = "AuthenticationService")
    @APIResponse(responseCode = "200", description = "OK: an empty object",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public Response delete() {
        return Response.ok(Messages.Empty.INSTANCE)
                .header("Set-Cookie", AuthenticationFilter.COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict")
                .build();
    }
}
