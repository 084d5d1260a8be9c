package dev.flagstaff.audit.boundary;

import dev.flagstaff.http.Page;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A page of the audit history, newest first, paged as Flipt's lists are ({@code nextPageToken}). */
@Schema(name = "AuditEventList")
public record AuditEventList(
        @Schema(required = true, description = "newest first") List<AuditEvent> events,
        @Schema(required = true, description = "empty on the last page") String nextPageToken,
        @Schema(required = true, format = "int32") int totalCount) {

    public static AuditEventList of(Page.Slice<dev.flagstaff.audit.entity.AuditEvent> page) {
        return new AuditEventList(page.items().stream().map(AuditEvent::of).toList(), page.nextPageToken(),
                (int) page.totalCount());
    }
}
