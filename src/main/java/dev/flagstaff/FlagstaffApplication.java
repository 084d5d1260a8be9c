package dev.flagstaff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The JAX-RS application. It is mounted at {@code /} (with the WAR at context root {@code /}) because
 * Flipt's routes start at the root: {@code /api/v1}, {@code /evaluate/v1}, {@code /auth/v1}, {@code /meta}…
 */
@ApplicationScoped
@ApplicationPath("/")
public class FlagstaffApplication extends Application {
}
