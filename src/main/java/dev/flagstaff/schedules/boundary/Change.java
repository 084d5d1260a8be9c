package dev.flagstaff.schedules.boundary;

import dev.flagstaff.http.ApiException;
import dev.flagstaff.http.Messages;
import dev.flagstaff.http.Validate;
import dev.flagstaff.http.JsonP;
import jakarta.json.JsonReader;
import dev.flagstaff.schedules.entity.ChangeType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a schedule does to its flag when its time comes. {@code type} decides which other fields count; the
 * others are dropped, so a stored change holds only its own fields:
 * <ul>
 * <li>{@code ENABLE}, {@code DISABLE}: none (the flag's {@code enabled});</li>
 * <li>{@code SET_ROLLOUT_THRESHOLD}: {@code rolloutId} of a threshold rollout of the flag, {@code percentage} in
 * [0, 100] (the rollout's value and description stay);</li>
 * <li>{@code SET_RULE_DISTRIBUTIONS}: {@code ruleId} of a rule of the flag and the complete list of
 * {@code distributions} it is to have (variants of the flag, each once, rollouts summing to at most 100;
 * variants left out lose their distribution; an empty list removes all);</li>
 * <li>{@code SET_DEFAULT_VARIANT}: {@code variantId} of a variant of the flag.</li>
 * </ul>
 */
@Schema(name = "ScheduledFlagChange", description = "The change a schedule makes; which fields count depends on "
        + "`type` (see the README section \"Scheduled changes\").")
public record Change(
        @Schema(required = true, implementation = String.class, enumeration = {"ENABLE", "DISABLE",
                "SET_ROLLOUT_THRESHOLD", "SET_RULE_DISTRIBUTIONS", "SET_DEFAULT_VARIANT"}) ChangeType type,
        @Schema(description = "SET_ROLLOUT_THRESHOLD: the threshold rollout") String rolloutId,
        @Schema(description = "SET_ROLLOUT_THRESHOLD: the new percentage", format = "float", minimum = "0",
                maximum = "100") Float percentage,
        @Schema(description = "SET_RULE_DISTRIBUTIONS: the rule") String ruleId,
        @Schema(description = "SET_RULE_DISTRIBUTIONS: every distribution the rule is to have")
        List<ChangeDistribution> distributions,
        @Schema(description = "SET_DEFAULT_VARIANT: the variant") String variantId) {

    public Change {
        if (type == null || type == ChangeType.UNKNOWN_CHANGE_TYPE) {
            throw ApiException.invalidField("change.type", "must be one of ENABLE, DISABLE, SET_ROLLOUT_THRESHOLD, "
                    + "SET_RULE_DISTRIBUTIONS, SET_DEFAULT_VARIANT");
        }
        if (type == ChangeType.SET_ROLLOUT_THRESHOLD) {
            Validate.notEmpty("change.rolloutId", rolloutId);
            if (percentage == null || percentage.isNaN() || percentage < 0 || percentage > 100) {
                throw ApiException.invalidField("change.percentage", "must be within range [0, 100]");
            }
        } else {
            rolloutId = null;
            percentage = null;
        }
        if (type == ChangeType.SET_RULE_DISTRIBUTIONS) {
            Validate.notEmpty("change.ruleId", ruleId);
            distributions = distributions == null ? List.of() : List.copyOf(distributions);
            Set<String> variants = new HashSet<>();
            double sum = 0;
            for (ChangeDistribution d : distributions) {
                if (!variants.add(d.variantId())) {
                    throw ApiException.invalidField("change.distributions", "variant " + d.variantId()
                            + " appears more than once");
                }
                sum += d.rollout();
            }
            if (sum > 100.0001) {
                throw ApiException.invalidField("change.distributions", "rollouts must add up to at most 100");
            }
        } else {
            ruleId = null;
            distributions = null;
        }
        if (type == ChangeType.SET_DEFAULT_VARIANT) {
            Validate.notEmpty("change.variantId", variantId);
        } else {
            variantId = null;
        }
    }

    /** The change as stored: its JSON text. */
    public String json() {
        return Messages.text(this);
    }

    /** A stored change read back. */
    public static Change fromJson(String text) {
        try (JsonReader reader = JsonP.PROVIDER.createReader(new StringReader(text))) {
            return Messages.read(Change.class, reader.readObject());
        }
    }
}
