package dev.flagstaff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The JAX-RS application. It is mounted at {@code /} (with the WAR at context root {@code /}) because
 * Flipt's routes start at the root: {@code /api/v1}, {@code /evaluate/v1}, {@code /auth/v1}, {@code /meta}…
 * <p>
 * {@code @LoginConfig}: the container verifies bearer JWTs of the configured IdP (MicroProfile JWT); it must
 * stay {@code @ApplicationScoped} or Payara ignores it. When authentication is not required the annotation is
 * taken away at deployment ({@code auth.control.LoginConfigSwitch}). What a caller may do is decided by
 * {@code dev.flagstaff.auth}.
 */
@ApplicationScoped
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT")
public class FlagstaffApplication extends Application {
}
