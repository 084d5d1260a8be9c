package dev.flagstaff.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Strong entity tags of Flagstaff's resources (Flipt has none). A resource's ETag is a hash of its stored state in
 * the form {@code GET} answers it: SHA-256 of the record's JSON ({@link Messages#text}), first 128 bits, base64url,
 * quoted: {@code "3q2-7wAAAAAAAAAAAAAAAA"}. Nothing is stored for it: a write changes the representation (at least
 * its {@code updatedAt}), so it changes the tag, also where a child changes its parent's representation (a variant
 * its flag, a constraint its segment, a distribution its rule). {@link Precondition} recomputes the tag from the
 * database inside the write transaction, after the write locks were taken, so two writers holding the same tag
 * cannot both pass.
 */
public final class ETags {

    public static final String HEADER = HttpHeaders.ETAG;

    /** The {@code ETag} response header in the OpenAPI document. */
    public static final String DESCRIPTION = "Strong entity tag of the resource as GET answers it (a hash of its "
            + "stored state); send it back in `If-Match` to update or delete only that state.";

    private ETags() {
    }

    /** The strong ETag of a resource whose {@code GET} representation is {@code representation}. */
    public static String of(Record representation) {
        byte[] json = Messages.text(representation).getBytes(StandardCharsets.UTF_8);
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(json);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        byte[] head = new byte[16];
        System.arraycopy(hash, 0, head, 0, head.length);
        return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(head) + '"';
    }

    /** A 200 answering {@code body}, tagged with the ETag of {@code representation} (the resource as GET shows it). */
    public static Response ok(Record body, Record representation) {
        return Response.ok(body).header(HEADER, of(representation)).build();
    }

    /** A 200 answering {@code representation} with its own ETag. */
    public static Response ok(Record representation) {
        return ok(representation, representation);
    }
}
