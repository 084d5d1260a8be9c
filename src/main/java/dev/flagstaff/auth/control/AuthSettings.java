package dev.flagstaff.auth.control;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The authentication settings, read once at start from MicroProfile Config (system property, environment
 * variable such as {@code FLAGSTAFF_AUTH_REQUIRED}, or the server's config sources):
 * <ul>
 * <li>{@code flagstaff.auth.required} (default false): when false every route is open, as in Flipt;</li>
 * <li>{@code flagstaff.auth.bootstrap-token}: a client token that exists from the first start (admin);</li>
 * <li>{@code flagstaff.auth.roles.viewer|editor|admin}: comma-separated IdP groups giving each role (default:
 * the group named like the role);</li>
 * <li>{@code flagstaff.auth.token-cache-seconds} (default 5): how long a token lookup is reused; revocations
 * made through another instance on the same database take effect within this time.</li>
 * </ul>
 */
public record AuthSettings(boolean required, Optional<String> bootstrapToken, Map<Role, Set<String>> groups,
                           int tokenCacheSeconds) {

    public static final String REQUIRED = "flagstaff.auth.required";
    public static final String BOOTSTRAP_TOKEN = "flagstaff.auth.bootstrap-token";
    public static final String ROLES = "flagstaff.auth.roles.";
    public static final String TOKEN_CACHE_SECONDS = "flagstaff.auth.token-cache-seconds";

    public static AuthSettings from(Config config) {
        boolean required = config.getOptionalValue(REQUIRED, Boolean.class).orElse(false);
        Optional<String> bootstrap = config.getOptionalValue(BOOTSTRAP_TOKEN, String.class)
                .map(String::trim).filter(s -> !s.isEmpty());
        Map<Role, Set<String>> groups = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            String list = config.getOptionalValue(ROLES + role.key(), String.class).orElse(role.key());
            groups.put(role, Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .collect(Collectors.toUnmodifiableSet()));
        }
        int cache = config.getOptionalValue(TOKEN_CACHE_SECONDS, Integer.class).orElse(5);
        return new AuthSettings(required, bootstrap, groups, Math.max(0, cache));
    }

    private static volatile AuthSettings current;

    /** The settings of this application, read on first use. */
    public static AuthSettings current() {
        AuthSettings settings = current;
        if (settings == null) {
            settings = from(ConfigProvider.getConfig());
            current = settings;
        }
        return settings;
    }

    /** Whether an IdP is configured for MicroProfile JWT (then {@code METHOD_JWT} is listed as enabled). */
    public static boolean idpConfigured(Config config) {
        return !config.getOptionalValue(JwtDefaults.ISSUER, String.class).orElse(JwtDefaults.NO_IDP_ISSUER)
                .equals(JwtDefaults.NO_IDP_ISSUER);
    }

    /** The highest role any of {@code idpGroups} maps to; empty when none does. */
    public Optional<Role> roleOf(Collection<String> idpGroups) {
        List<Role> descending = List.of(Role.ADMIN, Role.EDITOR, Role.VIEWER);
        for (Role role : descending) {
            for (String group : idpGroups) {
                if (groups.get(role).contains(group)) {
                    return Optional.of(role);
                }
            }
        }
        return Optional.empty();
    }
}
