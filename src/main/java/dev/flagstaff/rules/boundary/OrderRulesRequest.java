package dev.flagstaff.rules.boundary;

import dev.flagstaff.flags.control.Ranks;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** {@code OrderRulesRequest} (contract section 3.7): at least two ids. */
@Schema(name = "OrderRulesRequest")
public record OrderRulesRequest(
        @Schema(description = "ignored: the flag is the path's") String flagKey,
        @Schema(required = true, description = "every rule of the flag exactly once, in the new order")
        List<String> ruleIds,
        @Schema(description = CreateRuleRequest.NAMESPACE) String namespaceKey) {

    public OrderRulesRequest {
        ruleIds = Ranks.orderRequest("ruleIds", ruleIds);
    }
}
