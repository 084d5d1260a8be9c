package dev.flagstaff.kubernetes.boundary;

import dev.flagstaff.auth.boundary.Authentication;
import dev.flagstaff.kubernetes.control.ServiceAccounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /auth/v1/method/kubernetes/serviceaccount}: Flipt's AuthenticationMethodKubernetesService. Public
 * (the service-account token is the credential). Control: {@link ServiceAccounts}.
 */
@ApplicationScoped
@Path("auth/v1/method/kubernetes/serviceaccount")
@Produces(MediaType.APPLICATION_JSON)
public class KubernetesResource {

    @Inject
    ServiceAccounts serviceAccounts;

    @POST
    @Operation(operationId = "kubernetesVerifyServiceAccount")
    @Tag(name = "AuthenticationMethodKubernetesService")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = VerifyServiceAccountRequest.class)))
    @APIResponse(responseCode = "200", description = "OK: a client token that expires with the service-account token",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = VerifyServiceAccountResponse.class)))
    public VerifyServiceAccountResponse verify(VerifyServiceAccountRequest request) {
        ServiceAccounts.Verified verified = serviceAccounts.verify(request.serviceAccountToken());
        return new VerifyServiceAccountResponse(verified.clientToken(), Authentication.of(verified.authentication()));
    }
}
