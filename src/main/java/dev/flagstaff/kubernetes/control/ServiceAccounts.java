package dev.flagstaff.kubernetes.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.flagstaff.auth.control.Role;
import dev.flagstaff.auth.control.Tokens;
import dev.flagstaff.http.ApiException;
import dev.flagstaff.http.Code;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Flipt's Kubernetes method (Flipt v1.59.3 {@code internal/server/authn/method/kubernetes/server.go}): a pod
 * trades its projected service-account token for a Flagstaff client token. The token (a JWT the cluster signed)
 * is verified with Nimbus JOSE+JWT against the configured issuer and the cluster's keys: its signature (RS256 or
 * ES256, a key of the cluster's JWKS URL or of a key file), {@code iss}, {@code exp} and {@code nbf}, and the
 * audience when one is configured (Flipt checks none). The client token expires with the service-account token,
 * as in Flipt, and carries Flipt's {@code io.flipt.auth.k8s.*} metadata and the configured role.
 * <p>
 * Settings: {@code flagstaff.auth.kubernetes.issuer} (the method is enabled when it is set; in a cluster usually
 * {@code https://kubernetes.default.svc.cluster.local}), {@code .jwks-url} or {@code .key-file} (a JWKS document
 * or a PEM public key, e.g. the cluster's {@code sa.pub}), {@code .audience} (optional), {@code .role} (default
 * {@code viewer}).
 */
@ApplicationScoped
public class ServiceAccounts {

    public static final String METHOD_KUBERNETES = "METHOD_KUBERNETES";
    public static final String PREFIX = "flagstaff.auth.kubernetes.";
    static final String NAMESPACE = "io.flipt.auth.k8s.namespace";
    static final String POD_NAME = "io.flipt.auth.k8s.pod.name";
    static final String POD_UID = "io.flipt.auth.k8s.pod.uid";
    static final String SA_NAME = "io.flipt.auth.k8s.serviceaccount.name";
    static final String SA_UID = "io.flipt.auth.k8s.serviceaccount.uid";
    /** Flagstaff's: the role the configuration gives service accounts. */
    public static final String ROLE = "io.flagstaff.auth.k8s.role";

    private static final Logger LOG = Logger.getLogger(ServiceAccounts.class.getName());

    @Inject
    Tokens tokens;

    private volatile Optional<Verifier> verifier;

    private record Verifier(DefaultJWTProcessor<SecurityContext> processor, Role role) {
    }

    /** A verified service account's new client token and its stored authentication. */
    public record Verified(String clientToken, dev.flagstaff.auth.control.StoredToken authentication) {
    }

    /** Reads the settings when the application starts, so a wrong key file fails the deployment. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        enabled();
    }

    public boolean enabled() {
        Optional<Verifier> v = verifier;
        if (v == null) {
            v = configure(ConfigProvider.getConfig());
            verifier = v;
        }
        return v.isPresent();
    }

    static Optional<Verifier> configure(Config config) {
        Optional<String> issuer = config.getOptionalValue(PREFIX + "issuer", String.class).map(String::trim)
                .filter(s -> !s.isEmpty());
        if (issuer.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> jwksUrl = config.getOptionalValue(PREFIX + "jwks-url", String.class).filter(s -> !s.isBlank());
        Optional<String> keyFile = config.getOptionalValue(PREFIX + "key-file", String.class).filter(s -> !s.isBlank());
        JWKSource<SecurityContext> keys;
        try {
            if (jwksUrl.isPresent()) {
                keys = JWKSourceBuilder.create(URI.create(jwksUrl.get().trim()).toURL()).retrying(true).build();
            } else if (keyFile.isPresent()) {
                keys = new ImmutableJWKSet<>(readKeys(Path.of(keyFile.get().trim())));
            } else {
                throw new IllegalArgumentException(PREFIX + "jwks-url or " + PREFIX + "key-file must be set with "
                        + PREFIX + "issuer");
            }
        } catch (IOException | ParseException | JOSEException e) {
            throw new IllegalArgumentException(PREFIX + "key-file cannot be read as a JWKS or PEM public keys: " + e.getMessage(), e);
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
                JWSAlgorithm.RS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.PS256), keys));
        String audience = config.getOptionalValue(PREFIX + "audience", String.class).map(String::trim)
                .filter(s -> !s.isEmpty()).orElse(null);
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(issuer.get()).build(), Set.of("sub", "exp")));
        Role role = Role.parse(config.getOptionalValue(PREFIX + "role", String.class).orElse("viewer").trim());
        LOG.info("Kubernetes service-account logins enabled for issuer " + issuer.get() + " with role " + role.key());
        return Optional.of(new Verifier(processor, role));
    }

    /** A JWKS document, or a PEM public key (or certificate). */
    private static JWKSet readKeys(Path file) throws IOException, ParseException, JOSEException {
        String text = Files.readString(file);
        if (text.trim().startsWith("{")) {
            return JWKSet.parse(text);
        }
        return new JWKSet(JWK.parseFromPEMEncodedObjects(text));
    }

    /** Verifies the token and stores the new authentication; 401 {@code verifying service account: …} otherwise. */
    public Verified verify(String serviceAccountToken) {
        if (!enabled()) {
            throw new ApiException(Code.UNAUTHENTICATED, "verifying service account: the kubernetes method is not "
                    + "enabled (" + PREFIX + "issuer)");
        }
        Verifier v = verifier.orElseThrow();
        JWTClaimsSet claims;
        try {
            claims = v.processor().process(serviceAccountToken, null);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            LOG.warning("Kubernetes service-account token refused: " + e.getMessage());
            throw new ApiException(Code.UNAUTHENTICATED, "verifying service account: " + e.getMessage());
        }
        Map<String, Object> identity = object(claims.getClaim("kubernetes.io"));
        Map<String, Object> pod = object(identity.get("pod"));
        Map<String, Object> account = object(identity.get("serviceaccount"));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(NAMESPACE, text(identity.get("namespace")));
        metadata.put(POD_NAME, text(pod.get("name")));
        metadata.put(POD_UID, text(pod.get("uid")));
        metadata.put(SA_NAME, text(account.get("name")));
        metadata.put(SA_UID, text(account.get("uid")));
        metadata.put(ROLE, v.role().key());
        long expiresAt = claims.getExpirationTime().toInstant().getEpochSecond() * 1_000_000L;
        Tokens.Created created = tokens.createSession(METHOD_KUBERNETES, metadata, v.role(), expiresAt);
        return new Verified(created.clientToken(), created.authentication());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
