package dev.flagstaff.oidc.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class OidcSettingsTest {

    @Test
    void durationsAsFliptWritesThemOrIso() {
        assertEquals(Duration.ofHours(24), OidcSettings.parseDuration("24h"));
        assertEquals(Duration.ofMinutes(90), OidcSettings.parseDuration("1h30m"));
        assertEquals(Duration.ofSeconds(45), OidcSettings.parseDuration("45s"));
        assertEquals(Duration.ofHours(2), OidcSettings.parseDuration("PT2H"));
        assertNull(OidcSettings.parseDuration("soon"));
        assertNull(OidcSettings.parseDuration(""));
    }

    @Test
    void theCallbackIsUnderTheRedirectAddress() {
        OidcSettings.Provider p = new OidcSettings.Provider("keycloak", "https://idp", "c", Optional.empty(), List.of(),
                "https://flags.example.com/", "groups");
        assertEquals("https://flags.example.com/auth/v1/method/oidc/keycloak/callback", p.callback().toString());
    }

    @Test
    void groupsFromAListOrOneString() {
        assertEquals(List.of("a", "b"), OidcLogin.groups(List.of("b", "a")));
        assertEquals(List.of("solo"), OidcLogin.groups("solo"));
        assertEquals(List.of(), OidcLogin.groups(null));
        assertEquals(List.of(), OidcLogin.groups(42));
    }
}
