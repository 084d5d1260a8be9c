package dev.flagstaff.oidc.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.flagstaff.auth.control.AuthSettings;
import dev.flagstaff.auth.control.Role;
import dev.flagstaff.auth.control.Tokens;
import dev.flagstaff.http.ApiException;
import dev.flagstaff.http.Code;
import dev.flagstaff.http.GoQuote;
import dev.flagstaff.http.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import dev.flagstaff.http.JsonP;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Flipt's OIDC method (Flipt v1.59.3 {@code internal/server/authn/method/oidc/server.go} and the HTTP middleware of
 * {@code internal/server/authn/method/http.go}): the authorization-code flow against any OpenID provider found by
 * its discovery document, with PKCE (S256), state and nonce. The protocol is Nimbus OAuth 2.0 SDK's: discovery,
 * the authorization request, the code exchange and the ID token validation (signature against the provider's
 * JWKS, issuer, audience, expiry, nonce).
 * <p>
 * <b>State.</b> As in Flipt, {@code authorize} wraps the caller's {@code state} into
 * {@code base64url({"security_token":<64 random bytes>,"original_state":…})}, sends that to the provider and keeps
 * it in the {@code flipt_client_state} cookie (HttpOnly, SameSite=Lax, bound to the provider's callback path);
 * the callback must bring the same state back. Flagstaff's cookie also carries the PKCE verifier and the nonce of
 * this login (Flipt uses one verifier per process and a fixed nonce), so a code or an ID token taken from another
 * browser's login cannot be redeemed here.
 * <p>
 * <b>Session.</b> A successful callback stores a {@code METHOD_OIDC} authentication with Flipt's
 * {@code io.flipt.auth.oidc.*} metadata through {@link Tokens} (so it is checked, cached, expired and deleted like
 * any client token), expiring after {@code flagstaff.auth.session.token-lifetime}, with the role that the ID
 * token's groups give through {@code flagstaff.auth.roles.*}.
 */
@ApplicationScoped
public class OidcLogin {

    public static final String METHOD_OIDC = "METHOD_OIDC";
    static final String PROVIDER = "io.flipt.auth.oidc.provider";
    static final String EMAIL = "io.flipt.auth.oidc.email";
    static final String EMAIL_VERIFIED = "io.flipt.auth.oidc.email_verified";
    static final String NAME = "io.flipt.auth.oidc.name";
    static final String PROFILE = "io.flipt.auth.oidc.profile";
    static final String PICTURE = "io.flipt.auth.oidc.picture";
    static final String SUB = "io.flipt.auth.oidc.sub";
    static final String CLAIMS = "io.flipt.auth.claims";
    static final String COMMON_EMAIL = "io.flipt.auth.email";
    static final String COMMON_NAME = "io.flipt.auth.name";
    static final String COMMON_PICTURE = "io.flipt.auth.picture";
    /** Flagstaff's: the role the groups gave and the groups themselves. */
    public static final String ROLE = "io.flagstaff.auth.oidc.role";
    public static final String GROUPS = "io.flagstaff.auth.oidc.groups";

    private static final Logger LOG = Logger.getLogger(OidcLogin.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TIMEOUT_MILLIS = 10_000;

    @Inject
    Tokens tokens;

    private volatile OidcSettings settings;
    private final Map<String, Discovered> discovered = new ConcurrentHashMap<>();

    /** What discovery found for one provider, and the ID token validator made from it. */
    private record Discovered(OIDCProviderMetadata metadata, IDTokenValidator validator) {
    }

    /** The authorize answer: the provider's URL and the value of the state cookie to set. */
    public record Authorize(String authorizeUrl, String stateCookie) {
    }

    /** A new session: the client token (for the cookie) and its stored authentication. */
    public record Session(String clientToken, dev.flagstaff.auth.control.StoredToken authentication) {
    }

    /** Reads the settings when the application starts, so a provider set up wrong fails the deployment. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        settings();
    }

    public OidcSettings settings() {
        OidcSettings s = settings;
        if (s == null) {
            s = OidcSettings.from(ConfigProvider.getConfig());
            settings = s;
            if (!s.providers().isEmpty()) {
                LOG.info("OIDC providers configured: " + String.join(", ", s.providers().keySet()));
            }
        }
        return s;
    }

    /** Step 1: the provider's authorization URL for a new login, and the state cookie that goes with it. */
    public Authorize authorize(String providerName, String originalState) {
        OidcSettings.Provider provider = settings().providers().get(providerName);
        if (provider == null) {
            throw ApiException.notFound("authorize: requested provider " + GoQuote.quote(providerName)
                    + ": provider not found");
        }
        OIDCProviderMetadata metadata = discover(provider, "authorize: ").metadata();
        String state = wrapState(originalState);
        CodeVerifier verifier = new CodeVerifier();
        Nonce nonce = new Nonce();
        Scope scope = new Scope("openid");
        provider.scopes().forEach(scope::add);
        AuthenticationRequest request = new AuthenticationRequest.Builder(new ResponseType(ResponseType.Value.CODE),
                scope, new ClientID(provider.clientId()), provider.callback())
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .state(new State(state))
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build();
        return new Authorize(request.toURI().toString(),
                state + "." + verifier.getValue() + "." + nonce.getValue());
    }

    /**
     * Step 2: checks the state against the cookie, exchanges the code, validates the ID token and stores the
     * session. Every refusal is an {@link ApiException} prefixed {@code handling OIDC callback: }, as in Flipt.
     */
    public Session callback(String providerName, String code, String state, String stateCookie) {
        try {
            return handle(providerName, code, state, stateCookie);
        } catch (ApiException e) {
            throw new ApiException(e.code(), "handling OIDC callback: " + e.getMessage());
        }
    }

    private Session handle(String providerName, String code, String state, String stateCookie) {
        // Flipt skips the check when the request has no state; Flagstaff always wants it (it binds the PKCE
        // verifier and the nonce of this browser's login)
        if (state == null || state.isEmpty() || stateCookie == null || stateCookie.isEmpty()) {
            throw new ApiException(Code.UNAUTHENTICATED, "missing state parameter");
        }
        String[] parts = stateCookie.split("\\.");
        if (parts.length != 3 || !parts[0].equals(state)) {
            throw new ApiException(Code.UNAUTHENTICATED, "unexpected state parameter");
        }
        OidcSettings.Provider provider = settings().providers().get(providerName);
        if (provider == null) {
            throw ApiException.notFound("requested provider " + GoQuote.quote(providerName) + ": provider not found");
        }
        if (code == null || code.isEmpty()) {
            throw ApiException.emptyField("code");
        }
        Discovered idp = discover(provider, "");
        JWT idToken = exchange(provider, idp.metadata(), code, new CodeVerifier(parts[1]));
        IDTokenClaimsSet claims;
        try {
            claims = idp.validator().validate(idToken, new Nonce(parts[2]));
        } catch (BadJOSEException | JOSEException e) {
            LOG.warning("OIDC provider " + provider.name() + ": ID token refused: " + e.getMessage());
            throw new ApiException(Code.UNAUTHENTICATED, "invalid ID token: " + e.getMessage());
        }
        Map<String, Object> raw = claims.toJSONObject();
        List<String> groups = groups(raw.get(provider.groupsClaim()));
        AuthSettings auth = AuthSettings.current();
        Role role = auth.roleOf(groups).orElseThrow(() -> new ApiException(Code.PERMISSION_DENIED,
                "permission denied: none of the user's groups " + groups + " gives a role (flagstaff.auth.roles.*)"));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(PROVIDER, provider.name());
        metadata.put(CLAIMS, JSONObjectUtils.toJSONString(raw));
        String email = text(raw.get("email"));
        String name = text(raw.get("name"));
        String picture = text(raw.get("picture"));
        put(metadata, EMAIL, email);
        put(metadata, NAME, name);
        put(metadata, PROFILE, text(raw.get("profile")));
        put(metadata, PICTURE, picture);
        put(metadata, SUB, claims.getSubject().getValue());
        put(metadata, COMMON_EMAIL, email);
        put(metadata, COMMON_NAME, name);
        put(metadata, COMMON_PICTURE, picture);
        if (raw.get("email_verified") instanceof Boolean verified) {
            metadata.put(EMAIL_VERIFIED, verified.toString());
        }
        metadata.put(ROLE, role.key());
        if (!groups.isEmpty()) {
            metadata.put(GROUPS, String.join(",", groups));
        }
        long expiresAt = Timestamps.nowMicros() + settings().tokenLifetime().toNanos() / 1000;
        Tokens.Created created = tokens.createSession(METHOD_OIDC, metadata, role, expiresAt);
        LOG.info("OIDC provider " + provider.name() + ": session started for subject " + claims.getSubject().getValue()
                + " with role " + role.key());
        return new Session(created.clientToken(), created.authentication());
    }

    private JWT exchange(OidcSettings.Provider provider, OIDCProviderMetadata metadata, String code,
                         CodeVerifier verifier) {
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(new AuthorizationCode(code), provider.callback(),
                verifier);
        ClientID clientId = new ClientID(provider.clientId());
        TokenRequest request = provider.clientSecret()
                .map(secret -> new TokenRequest(metadata.getTokenEndpointURI(), clientAuthentication(metadata, clientId,
                        new Secret(secret)), grant))
                .orElseGet(() -> new TokenRequest(metadata.getTokenEndpointURI(), clientId, grant));
        TokenResponse response;
        try {
            HTTPRequest http = request.toHTTPRequest();
            http.setConnectTimeout(TIMEOUT_MILLIS);
            http.setReadTimeout(TIMEOUT_MILLIS);
            response = OIDCTokenResponseParser.parse(http.send());
        } catch (IOException e) {
            LOG.warning("OIDC provider " + provider.name() + ": token endpoint unreachable: " + e);
            throw new ApiException(Code.UNAVAILABLE, "the OIDC provider's token endpoint cannot be reached");
        } catch (ParseException e) {
            LOG.warning("OIDC provider " + provider.name() + ": token response not understood: " + e.getMessage());
            throw new ApiException(Code.UNAUTHENTICATED, "exchanging the code: the provider's answer is not a token "
                    + "response");
        }
        if (!response.indicatesSuccess()) {
            ErrorObject error = response.toErrorResponse().getErrorObject();
            LOG.warning("OIDC provider " + provider.name() + ": code exchange refused: " + error.getCode() + " "
                    + error.getDescription());
            throw new ApiException(Code.UNAUTHENTICATED, "exchanging the code: " + error.getCode()
                    + (error.getDescription() == null ? "" : ": " + error.getDescription()));
        }
        if (!(response.toSuccessResponse() instanceof OIDCTokenResponse oidc)
                || oidc.getOIDCTokens().getIDToken() == null) {
            throw new ApiException(Code.UNAUTHENTICATED, "exchanging the code: the provider sent no ID token");
        }
        return oidc.getOIDCTokens().getIDToken();
    }

    /** {@code client_secret_basic} unless the provider only takes {@code client_secret_post}. */
    private static ClientAuthentication clientAuthentication(OIDCProviderMetadata metadata, ClientID id, Secret secret) {
        List<ClientAuthenticationMethod> methods = metadata.getTokenEndpointAuthMethods();
        if (methods != null && !methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                && methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST)) {
            return new ClientSecretPost(id, secret);
        }
        return new ClientSecretBasic(id, secret);
    }

    /** The provider's discovery document (fetched once, again after a failure) and its ID token validator. */
    private Discovered discover(OidcSettings.Provider provider, String prefix) {
        Discovered known = discovered.get(provider.name());
        if (known != null) {
            return known;
        }
        try {
            OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(new Issuer(provider.issuer()),
                    TIMEOUT_MILLIS, TIMEOUT_MILLIS);
            List<JWSAlgorithm> algorithms = metadata.getIDTokenJWSAlgs();
            JWSAlgorithm algorithm = algorithms == null || algorithms.isEmpty() || algorithms.contains(JWSAlgorithm.RS256)
                    ? JWSAlgorithm.RS256 : algorithms.get(0);
            IDTokenValidator validator = new IDTokenValidator(metadata.getIssuer(), new ClientID(provider.clientId()),
                    algorithm, metadata.getJWKSetURI().toURL());
            Discovered found = new Discovered(metadata, validator);
            discovered.put(provider.name(), found);
            return found;
        } catch (GeneralException | IOException | RuntimeException e) {
            LOG.warning("OIDC provider " + provider.name() + ": discovery at " + provider.issuer() + " failed: " + e);
            throw new ApiException(Code.UNAVAILABLE, prefix + "the OIDC provider " + GoQuote.quote(provider.name())
                    + " cannot be reached or its discovery document is not valid");
        }
    }

    /** Flipt's state: base64url of {@code {"security_token":…,"original_state":…}}. */
    private static String wrapState(String originalState) {
        byte[] token = new byte[64];
        RANDOM.nextBytes(token);
        String json = JsonP.PROVIDER.createObjectBuilder()
                .add("security_token", Base64.getUrlEncoder().withoutPadding().encodeToString(token))
                .add("original_state", originalState == null ? "" : originalState).build().toString();
        // unpadded (Flipt pads): the value also goes into a cookie, where '=' is best avoided
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The groups claim as a list: a JSON array of strings, or one string. */
    static List<String> groups(Object claim) {
        List<String> out = new ArrayList<>();
        if (claim instanceof Collection<?> values) {
            values.forEach(v -> {
                if (v != null) {
                    out.add(v.toString());
                }
            });
        } else if (claim instanceof String s && !s.isEmpty()) {
            out.add(s);
        }
        out.sort(null);
        return List.copyOf(out);
    }

    private static String text(Object value) {
        return value instanceof String s ? s : null;
    }

    private static void put(Map<String, String> metadata, String key, String value) {
        if (value != null && !value.isEmpty()) {
            metadata.put(key, value);
        }
    }

    /** Where the provider's login page sends the browser back to; for {@code GET /auth/v1/method}. */
    public static String callbackPath(String provider) {
        return "/auth/v1/method/oidc/" + provider + "/callback";
    }

    public static String authorizePath(String provider) {
        return "/auth/v1/method/oidc/" + provider + "/authorize";
    }
}
