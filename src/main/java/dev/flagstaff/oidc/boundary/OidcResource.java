package dev.flagstaff.oidc.boundary;

import dev.flagstaff.auth.boundary.Authentication;
import dev.flagstaff.auth.boundary.SessionCookies;
import dev.flagstaff.oidc.control.OidcLogin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Collections;

/**
 * {@code /auth/v1/method/oidc/{provider}}: Flipt's OIDC login routes (AuthenticationMethodOIDCService). Public
 * and credential-free (the authentication filter looks at no cookie here, so a stale session never blocks a new
 * login). {@code authorize} answers the provider's URL and sets the state cookie; {@code callback} starts the
 * Flagstaff session: as Flipt's HTTP gateway, it answers 302 to {@code /} (under {@code X-Forwarded-Prefix}) with
 * the session cookie and the {@code CallbackResponse} whose {@code clientToken} is left empty. Control:
 * {@link OidcLogin}.
 */
@ApplicationScoped
@Path("auth/v1/method/oidc/{provider}")
@Produces(MediaType.APPLICATION_JSON)
public class OidcResource {

    @Inject
    OidcLogin login;

    @GET
    @Path("authorize")
    @Operation(operationId = "oidcAuthorizeURL")
    @Tag(name = "AuthenticationMethodOIDCService")
    @Parameter(name = "provider", in = ParameterIn.PATH, required = true, schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "state", in = ParameterIn.QUERY, description = "the caller's own state, kept inside Flagstaff's",
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "OK: the provider's authorization URL; the "
            + "`flipt_client_state` cookie is set for the callback",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuthorizeURLResponse.class)))
    public Response authorize(@PathParam("provider") String provider, @QueryParam("state") String state,
                              @Context HttpServletRequest request) {
        OidcLogin.Authorize authorize = login.authorize(provider, state);
        long seconds = login.settings().stateLifetime().toSeconds();
        String cookie = SessionCookies.STATE + "=" + authorize.stateCookie() + "; Path=" + prefix(request)
                + OidcLogin.callbackPath(provider) + "; Max-Age=" + seconds + "; HttpOnly; SameSite=Lax"
                + secure(request);
        return Response.ok(new AuthorizeURLResponse(authorize.authorizeUrl())).header("Set-Cookie", cookie).build();
    }

    @GET
    @Path("callback")
    @Operation(operationId = "oidcCallback")
    @Tag(name = "AuthenticationMethodOIDCService")
    @Parameter(name = "provider", in = ParameterIn.PATH, required = true, schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "code", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "state", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CallbackResponse.class)))
    @APIResponse(responseCode = "302", description = "Found, to the console at `/`: the session started, the "
            + "`flipt_client_token` cookie is set and the body's `clientToken` is empty",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CallbackResponse.class)))
    public Response callback(@PathParam("provider") String provider, @QueryParam("code") String code,
                             @QueryParam("state") String state,
                             @CookieParam(SessionCookies.STATE) String stateCookie,
                             @Context HttpServletRequest request) {
        OidcLogin.Session session = login.callback(provider, code, state, stateCookie);
        long lifetime = login.settings().tokenLifetime().toSeconds();
        String clearState = SessionCookies.STATE + "=; Path=" + prefix(request) + OidcLogin.callbackPath(provider)
                + "; Max-Age=0; HttpOnly; SameSite=Lax" + secure(request);
        return Response.status(Response.Status.FOUND)
                .header("Location", prefix(request) + "/")
                .header("Set-Cookie", SessionCookies.session(session.clientToken(), lifetime, secureWanted(request)))
                .header("Set-Cookie", clearState)
                .entity(new CallbackResponse("", Authentication.of(session.authentication())))
                .build();
    }

    /** {@code X-Forwarded-Prefix}, as Flipt joins it into the redirect and cookie paths; empty without it. */
    private static String prefix(HttpServletRequest request) {
        return SessionCookies.forwardedPrefix(Collections.list(request.getHeaders("X-Forwarded-Prefix")));
    }

    private boolean secureWanted(HttpServletRequest request) {
        return request.isSecure() || login.settings().secureCookies();
    }

    private String secure(HttpServletRequest request) {
        return secureWanted(request) ? "; Secure" : "";
    }
}
