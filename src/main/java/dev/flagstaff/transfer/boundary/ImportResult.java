package dev.flagstaff.transfer.boundary;

import dev.flagstaff.transfer.control.Importer;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What {@code POST …/import} did: the keys it created and those it left alone ({@code skipExisting}). */
@Schema(name = "ImportResult")
public record ImportResult(
        @Schema(required = true) String namespaceKey,
        @Schema(required = true, description = "keys of the flags created, in the document's order") List<String> flags,
        @Schema(required = true, description = "keys of the segments created") List<String> segments,
        @Schema(required = true, description = "flags of the document that existed and were left as they are "
                + "(`skipExisting=true`)") List<String> skippedFlags,
        @Schema(required = true, description = "segments of the document that existed and were left as they are")
        List<String> skippedSegments) {

    static ImportResult of(Importer.Outcome outcome) {
        return new ImportResult(outcome.namespaceKey(), outcome.flags(), outcome.segments(), outcome.skippedFlags(),
                outcome.skippedSegments());
    }
}
