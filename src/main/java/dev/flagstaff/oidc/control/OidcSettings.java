package dev.flagstaff.oidc.control;

import org.eclipse.microprofile.config.Config;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OIDC providers and browser-session settings (Flipt's {@code authentication.methods.oidc.providers} and
 * {@code authentication.session}), read from MicroProfile Config:
 * <ul>
 * <li>{@code flagstaff.auth.oidc.providers}: comma-separated provider names (needed when the providers are given
 * as environment variables, whose names MicroProfile Config cannot list); a provider whose
 * {@code flagstaff.auth.oidc.<provider>.issuer} is set as a system property or in a config file is found without
 * it;</li>
 * <li>{@code flagstaff.auth.oidc.<provider>.issuer}, {@code .client-id}, {@code .client-secret} (absent: a public
 * client), {@code .scopes} (comma-separated, added to {@code openid}; default {@code email,profile}),
 * {@code .redirect-address} (Flagstaff's address as browsers reach it, e.g. {@code https://flags.example.com}),
 * {@code .groups-claim} (default {@code groups});</li>
 * <li>{@code flagstaff.auth.session.token-lifetime} (default {@code 24h}), {@code .state-lifetime}
 * (default {@code 10m}), {@code .secure} (default false: the cookies are {@code Secure} when the request came over
 * HTTPS; true: always).</li>
 * </ul>
 */
public record OidcSettings(Map<String, Provider> providers, Duration tokenLifetime, Duration stateLifetime,
                           boolean secureCookies) {

    public static final String PREFIX = "flagstaff.auth.oidc.";
    public static final String PROVIDERS = PREFIX + "providers";
    public static final String TOKEN_LIFETIME = "flagstaff.auth.session.token-lifetime";
    public static final String STATE_LIFETIME = "flagstaff.auth.session.state-lifetime";
    public static final String SECURE = "flagstaff.auth.session.secure";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern ISSUER_KEY = Pattern.compile(Pattern.quote(PREFIX) + "([A-Za-z0-9_-]+)\\.issuer");

    /** One configured provider. */
    public record Provider(String name, String issuer, String clientId, Optional<String> clientSecret,
                           List<String> scopes, String redirectAddress, String groupsClaim) {

        /** Flipt's callback address: the redirect address + {@code /auth/v1/method/oidc/<provider>/callback}. */
        public URI callback() {
            String host = redirectAddress.endsWith("/")
                    ? redirectAddress.substring(0, redirectAddress.length() - 1) : redirectAddress;
            return URI.create(host + "/auth/v1/method/oidc/" + name + "/callback");
        }
    }

    public static OidcSettings from(Config config) {
        TreeSet<String> names = new TreeSet<>();
        config.getOptionalValue(PROVIDERS, String.class).ifPresent(list -> Arrays.stream(list.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).forEach(names::add));
        for (String key : config.getPropertyNames()) {
            Matcher m = ISSUER_KEY.matcher(key);
            if (m.matches()) {
                names.add(m.group(1));
            }
        }
        Map<String, Provider> providers = new LinkedHashMap<>();
        for (String name : names) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(PROVIDERS + ": provider names are letters, digits, - and _: " + name);
            }
            String p = PREFIX + name + ".";
            String issuer = required(config, p + "issuer");
            String clientId = required(config, p + "client-id");
            String redirect = required(config, p + "redirect-address");
            URI.create(redirect); // a malformed address fails the start, not the first login
            Optional<String> secret = config.getOptionalValue(p + "client-secret", String.class)
                    .map(String::trim).filter(s -> !s.isEmpty());
            List<String> scopes = new ArrayList<>();
            Arrays.stream(config.getOptionalValue(p + "scopes", String.class).orElse("email,profile").split(","))
                    .map(String::trim).filter(s -> !s.isEmpty() && !s.equals("openid")).forEach(scopes::add);
            String groupsClaim = config.getOptionalValue(p + "groups-claim", String.class).orElse("groups").trim();
            providers.put(name, new Provider(name, issuer.trim(), clientId.trim(), secret, List.copyOf(scopes),
                    redirect.trim(), groupsClaim));
        }
        Duration token = duration(config, TOKEN_LIFETIME, "24h");
        Duration state = duration(config, STATE_LIFETIME, "10m");
        boolean secure = config.getOptionalValue(SECURE, Boolean.class).orElse(false);
        return new OidcSettings(Map.copyOf(providers), token, state, secure);
    }

    private static String required(Config config, String key) {
        return config.getOptionalValue(key, String.class).filter(s -> !s.isBlank())
                .orElseThrow(() -> new IllegalArgumentException(key + " must be set for this OIDC provider"));
    }

    private static Duration duration(Config config, String key, String fallback) {
        String text = config.getOptionalValue(key, String.class).orElse(fallback).trim();
        Duration d = parseDuration(text);
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(key + " must be a positive duration such as 24h, 30m, 90s or PT1H: " + text);
        }
        return d;
    }

    /** {@code 24h}, {@code 30m}, {@code 90s}, {@code 1h30m} (Go's form, as Flipt's settings) or ISO-8601; null if neither. */
    static Duration parseDuration(String text) {
        Matcher go = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?").matcher(text.toLowerCase(Locale.ROOT));
        if (!text.isEmpty() && go.matches()) {
            long seconds = 0;
            seconds += go.group(1) == null ? 0 : Long.parseLong(go.group(1)) * 3600;
            seconds += go.group(2) == null ? 0 : Long.parseLong(go.group(2)) * 60;
            seconds += go.group(3) == null ? 0 : Long.parseLong(go.group(3));
            return Duration.ofSeconds(seconds);
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
