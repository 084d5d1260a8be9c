package dev.flagstaff.oidc.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Flipt's {@code AuthorizeURLResponse}: where the browser goes to sign in at the provider. */
@Schema(name = "AuthorizeURLResponse")
public record AuthorizeURLResponse(@Schema(required = true) String authorizeUrl) {
}
