package dev.flagstaff.auth.boundary;

import dev.flagstaff.auth.control.AuthSettings;
import dev.flagstaff.auth.control.Caller;
import dev.flagstaff.auth.control.Role;
import dev.flagstaff.auth.control.Tokens;
import dev.flagstaff.http.ApiException;
import dev.flagstaff.http.GoQuote;
import dev.flagstaff.http.Messages;
import dev.flagstaff.http.NamespaceScope;
import dev.flagstaff.http.Query;
import dev.flagstaff.http.Timestamps;
import dev.flagstaff.kubernetes.control.ServiceAccounts;
import dev.flagstaff.oidc.control.OidcLogin;
import jakarta.enterprise.context.ApplicationScoped;
import dev.flagstaff.http.JsonP;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code /auth/v1}: Flipt's authentication services (contract 8.3, 8.4) with the token method. Who may call
 * what is decided by {@code AccessFilter}: {@code GET /auth/v1/method} is public, {@code self} needs any
 * authenticated caller, the token routes need the {@code admin} role. Control: {@link Tokens}.
 */
@ApplicationScoped
@Path("auth/v1")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    private static final List<String[]> METHODS = List.of(
            new String[] {"METHOD_TOKEN", "false"}, new String[] {"METHOD_GITHUB", "true"},
            new String[] {"METHOD_OIDC", "true"}, new String[] {"METHOD_KUBERNETES", "false"},
            new String[] {"METHOD_JWT", "false"});

    @Inject
    Tokens tokens;

    @Inject
    OidcLogin oidc;

    @Inject
    ServiceAccounts serviceAccounts;

    @GET
    @Path("method")
    @Operation(operationId = "listAuthMethods")
    @Tag(name = "PublicAuthenticationService")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListAuthenticationMethodsResponse.class)))
    public ListAuthenticationMethodsResponse methods(@Context HttpHeaders headers) {
        boolean jwt = AuthSettings.idpConfigured(ConfigProvider.getConfig());
        Set<String> providers = oidc.settings().providers().keySet();
        boolean kubernetes = serviceAccounts.enabled();
        String prefix = SessionCookies.forwardedPrefix(headers.getRequestHeader("X-Forwarded-Prefix"));
        return new ListAuthenticationMethodsResponse(METHODS.stream()
                .map(m -> {
                    boolean enabled = switch (m[0]) {
                        case "METHOD_TOKEN" -> true;
                        case "METHOD_JWT" -> jwt;
                        case "METHOD_OIDC" -> !providers.isEmpty();
                        case "METHOD_KUBERNETES" -> kubernetes;
                        default -> false;
                    };
                    JsonObject metadata = m[0].equals("METHOD_OIDC") && enabled ? oidcMetadata(providers, prefix) : null;
                    return new ListAuthenticationMethodsResponse.MethodInfo(m[0], enabled, Boolean.parseBoolean(m[1]),
                            metadata);
                })
                .toList());
    }

    /** As Flipt: every provider's authorize and callback path, under {@code X-Forwarded-Prefix}. */
    private static JsonObject oidcMetadata(Set<String> providers, String prefix) {
        JsonObjectBuilder each = JsonP.PROVIDER.createObjectBuilder();
        new TreeSet<>(providers).forEach(p -> each.add(p, JsonP.PROVIDER.createObjectBuilder()
                .add("authorize_url", prefix + OidcLogin.authorizePath(p))
                .add("callback_url", prefix + OidcLogin.callbackPath(p))));
        return JsonP.PROVIDER.createObjectBuilder().add("providers", each).build();
    }

    /** Creates a client token; the response is the only place it is ever shown. */
    @POST
    @Path("method/token")
    @Operation(operationId = "createMethodToken")
    @Tag(name = "AuthenticationMethodTokenService")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreateTokenRequest.class)))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreateTokenResponse.class)))
    public CreateTokenResponse createToken(CreateTokenRequest request) {
        Role role = Role.parse(request.role());
        Long expiresAt = request.expiresAt() == null ? null : Timestamps.toMicros(request.expiresAt());
        Tokens.Created created = tokens.create(request.name(), request.description(), expiresAt,
                request.namespaceKey(), request.metadata(), role);
        return new CreateTokenResponse(created.clientToken(), Authentication.of(created.authentication()));
    }

    @GET
    @Path("self")
    @Operation(operationId = "getAuthSelf")
    @Tag(name = "AuthenticationService")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Authentication.class)))
    public Authentication self() {
        Caller caller = Caller.current();
        return switch (caller.kind()) {
            case TOKEN -> Authentication.of(tokens.get(caller.token().id()));
            case JWT -> Authentication.jwt(caller);
            default -> throw NamespaceScope.unauthenticated(); // Flipt: no credential is resolved without auth
        };
    }

    /** Sets the caller's expiry ({@code expiresAt}, or now: log out) and clears the session cookies. */
    @PUT
    @Path("self/expire")
    @Operation(operationId = "expireAuthSelf")
    @Tag(name = "AuthenticationService")
    @Parameter(name = "expiresAt", in = ParameterIn.QUERY, description = "absent: now (log out)",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    @APIResponse(responseCode = "200", description = "OK: an empty object",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public Response expireSelf(@Context UriInfo uri) {
        Caller caller = Caller.current();
        String expiresAt = Query.of(uri).string("expiresAt");
        long micros = expiresAt.isEmpty() ? Timestamps.nowMicros() : parseQueryTimestamp(expiresAt);
        switch (caller.kind()) {
            case TOKEN -> tokens.expire(caller.token().id(), micros);
            case JWT -> { } // an IdP token cannot be expired here; as Flipt, nothing is stored for it
            default -> throw NamespaceScope.unauthenticated();
        }
        return Response.ok(Messages.Empty.INSTANCE)
                .header("Set-Cookie", AuthenticationFilter.COOKIE + "=; Path=/; Max-Age=0")
                .header("Set-Cookie", AuthenticationFilter.STATE_COOKIE + "=; Path=/; Max-Age=0")
                .build();
    }

    /** Ordered by creation; {@code limit} 25 by default, at most 100; {@code pageToken} is a decimal offset. */
    @GET
    @Path("tokens")
    @Operation(operationId = "listAuthTokens")
    @Tag(name = "AuthenticationService")
    @Parameter(name = "method", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING, enumeration = {
        "METHOD_NONE", "METHOD_TOKEN", "METHOD_OIDC", "METHOD_KUBERNETES", "METHOD_GITHUB", "METHOD_JWT", "METHOD_CLOUD"}))
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "25 by default, at most 100",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32"))
    @Parameter(name = "pageToken", in = ParameterIn.QUERY, description = "a decimal offset",
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListAuthenticationsResponse.class)))
    public ListAuthenticationsResponse list(@Context UriInfo uri) {
        Query query = Query.of(uri);
        int limit = query.int32("limit");
        limit = limit <= 0 ? 25 : Math.min(limit, 100);
        int offset;
        try {
            offset = Math.max(0, Integer.parseInt(query.string("pageToken")));
        } catch (NumberFormatException e) {
            offset = 0;
        }
        Tokens.Listed page = tokens.list(method(query.string("method")), limit, offset);
        return new ListAuthenticationsResponse(page.authentications().stream().map(Authentication::of).toList(),
                page.nextPageToken());
    }

    @GET
    @Path("tokens/{id}")
    @Operation(operationId = "getAuthToken")
    @Tag(name = "AuthenticationService")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Authentication.class)))
    public Authentication get(@PathParam("id") String id) {
        return Authentication.of(tokens.get(id));
    }

    @DELETE
    @Path("tokens/{id}")
    @Operation(operationId = "deleteAuthToken")
    @Tag(name = "AuthenticationService")
    @APIResponse(responseCode = "200", description = "OK: an empty object",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public Messages.Empty delete(@PathParam("id") String id) {
        tokens.delete(id);
        return Messages.Empty.INSTANCE;
    }

    /** The {@code method} filter: a method's name or number; none or {@code METHOD_NONE} for all. */
    private static String method(String text) {
        String[] names = {"METHOD_NONE", "METHOD_TOKEN", "METHOD_OIDC", "METHOD_KUBERNETES", "METHOD_GITHUB",
            "METHOD_JWT", "METHOD_CLOUD"};
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(text) || Integer.toString(i).equals(text)) {
                return i == 0 ? null : names[i];
            }
        }
        if (text.isEmpty()) {
            return null;
        }
        throw ApiException.invalid("parsing field \"method\": " + GoQuote.quote(text)
                + " is not valid value for flipt.auth.Method");
    }

    private static long parseQueryTimestamp(String text) {
        try {
            return Timestamps.toMicros(parse(text));
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("parsing field \"expires_at\": " + GoQuote.quote(text) + " is not a valid timestamp");
        }
    }

    private static Instant parse(String text) {
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }
}
