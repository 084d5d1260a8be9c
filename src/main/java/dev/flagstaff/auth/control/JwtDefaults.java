package dev.flagstaff.auth.control;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;

/**
 * MicroProfile JWT settings for when no IdP is configured, at the lowest ordinal so that any real setting
 * wins. Without an issuer and key Payara fails every bearer request; with these, the container verifies
 * against a public key whose private half was thrown away when it was made, so it accepts no JWT at all,
 * and Flagstaff's own client tokens work as usual.
 * <p>
 * MicroProfile JWT forbids setting both {@code mp.jwt.verify.publickey} and {@code …publickey.location}; the
 * default location therefore steps aside when an inline key is given as a system property or environment
 * variable. Configure the IdP with {@code mp.jwt.verify.publickey.location} (a JWKS URL) and
 * {@code mp.jwt.verify.issuer}.
 */
public class JwtDefaults implements ConfigSource {

    static final String ISSUER = "mp.jwt.verify.issuer";
    static final String LOCATION = "mp.jwt.verify.publickey.location";
    static final String INLINE_KEY = "mp.jwt.verify.publickey";
    static final String NO_IDP_ISSUER = "urn:flagstaff:no-idp-configured";
    static final String NO_IDP_KEY = "/META-INF/flagstaff-no-idp.pem";

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(ISSUER, LOCATION);
    }

    @Override
    public Map<String, String> getProperties() {
        return inlineKeyGiven() ? Map.of(ISSUER, NO_IDP_ISSUER) : Map.of(ISSUER, NO_IDP_ISSUER, LOCATION, NO_IDP_KEY);
    }

    @Override
    public String getValue(String name) {
        return getProperties().get(name);
    }

    @Override
    public String getName() {
        return "flagstaff-mp-jwt-defaults";
    }

    @Override
    public int getOrdinal() {
        return 1;
    }

    private static boolean inlineKeyGiven() {
        return System.getProperty(INLINE_KEY) != null || System.getenv("MP_JWT_VERIFY_PUBLICKEY") != null
                || System.getenv(INLINE_KEY) != null;
    }
}
