package dev.flagstaff.operations.control;

import dev.flagstaff.persistence.DatabaseSettings;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EffectiveConfigTest {

    @Test
    void secretSettingsAreLeftOutByName() {
        Map<String, String> shown = EffectiveConfig.visible(Map.of(
                "flagstaff.db.url", "jdbc:postgresql://db/flags",
                "flagstaff.db.password", "pw1",
                "FLAGSTAFF_DB_PASSWORD", "pw2",
                "flagstaff.auth.bootstrap-token", "tok",
                "flagstaff.auth.jwt.private-key", "k",
                "flagstaff.webhook.secret", "s",
                "flagstaff.db.pool-size", "10"));
        assertEquals(Map.of("flagstaff.db.url", "jdbc:postgresql://db/flags", "flagstaff.db.pool-size", "10"), shown);
    }

    @Test
    void credentialsInsideValuesAreMasked() {
        assertEquals("jdbc:postgresql://db:5432/flags?user=app&password=***&ssl=true",
                DatabaseSettings.redact("jdbc:postgresql://db:5432/flags?user=app&password=s3cret&ssl=true"));
        assertEquals("jdbc:mariadb://app:***@db:3306/flags",
                DatabaseSettings.redact("jdbc:mariadb://app:s3cret@db:3306/flags"));
        assertEquals("jdbc:h2:file:/data/flagstaff;PASSWORD=***;DB_CLOSE_ON_EXIT=FALSE",
                DatabaseSettings.redact("jdbc:h2:file:/data/flagstaff;PASSWORD=x;DB_CLOSE_ON_EXIT=FALSE"));
        assertEquals("jdbc:postgresql://db:5432/flags", DatabaseSettings.redact("jdbc:postgresql://db:5432/flags"));
    }
}
