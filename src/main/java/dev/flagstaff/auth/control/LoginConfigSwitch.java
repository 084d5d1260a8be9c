package dev.flagstaff.auth.control;

import dev.flagstaff.FlagstaffApplication;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Leaves MicroProfile JWT out of a server that does not require authentication: there
 * {@code @LoginConfig(authMethod="MP-JWT")} is taken off {@link FlagstaffApplication} before the server's
 * JWT support sees it, so Payara runs no authentication mechanism per request (it costs a large part of
 * its throughput) and no credential is looked at, as in Flipt without authentication.
 */
public class LoginConfigSwitch implements Extension {

    void loginConfigOnlyWhenRequired(@Observes ProcessAnnotatedType<FlagstaffApplication> type) {
        boolean required = ConfigProvider.getConfig()
                .getOptionalValue(AuthSettings.REQUIRED, Boolean.class).orElse(false);
        if (!required) {
            type.configureAnnotatedType().remove(a -> a.annotationType() == LoginConfig.class);
        }
    }
}
