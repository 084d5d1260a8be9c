package dev.flagstaff.kubernetes.boundary;

import dev.flagstaff.http.ApiException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Flipt's {@code VerifyServiceAccountRequest}: the pod's projected service-account token. */
@Schema(name = "VerifyServiceAccountRequest")
public record VerifyServiceAccountRequest(@Schema(required = true) String serviceAccountToken) {

    public VerifyServiceAccountRequest {
        if (serviceAccountToken == null || serviceAccountToken.isEmpty()) {
            throw ApiException.emptyField("serviceAccountToken");
        }
    }
}
