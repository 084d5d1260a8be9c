package dev.flagstaff.auth.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.EnumSet;
import java.util.Set;

/**
 * Payara only: hands every bearer value that Payara's MicroProfile JWT identity store did not accept on to
 * {@link AuthenticationFilter} instead of letting Payara answer 401 itself. Payara's store runs first (this
 * one has a later priority), so a JWT of the configured IdP still arrives as a verified JsonWebToken. What
 * is handed on is a principal without any group, which the filter accepts only if it is a live Flagstaff
 * client token; anything else gets the contract's 401 there. This gives the same answers on Payara as on
 * Open Liberty, where an unverifiable bearer simply reaches the application without a principal.
 */
@ApplicationScoped
public class BearerIdentityStore implements IdentityStore {

    static final String PRINCIPAL = "flagstaff-bearer";
    private static final String PAYARA_JWT_CREDENTIAL = "fish.payara.microprofile.jwtauth.eesecurity.SignedJWTCredential";

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!PAYARA_JWT_CREDENTIAL.equals(credential.getClass().getName())) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return new CredentialValidationResult(new CallerPrincipal(PRINCIPAL), Set.of());
    }

    @Override
    public int priority() {
        return 10_000;
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.VALIDATE);
    }
}
