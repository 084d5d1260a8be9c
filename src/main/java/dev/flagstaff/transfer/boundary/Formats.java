package dev.flagstaff.transfer.boundary;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** The two encodings of Flipt export documents and how a request picks one. */
final class Formats {

    /** YAML's media type (RFC 9512), what an export answers unless JSON is asked for. */
    static final String YAML = "application/yaml";

    private Formats() {
    }

    /**
     * JSON when the {@code Accept} header prefers {@code application/json} (or any JSON type) to YAML; YAML
     * otherwise, also for no {@code Accept} or a wildcard, as {@code flipt export} writes YAML by default.
     */
    static boolean wantsJson(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                return false;
            }
            String subtype = type.getSubtype().toLowerCase(java.util.Locale.ROOT);
            if (subtype.equals("json") || subtype.endsWith("+json")) {
                return true;
            }
            if (subtype.equals("yaml") || subtype.equals("x-yaml") || subtype.endsWith("+yaml")) {
                return false;
            }
        }
        return false;
    }
}
