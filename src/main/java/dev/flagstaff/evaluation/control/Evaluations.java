package dev.flagstaff.evaluation.control;

import dev.flagstaff.evaluation.engine.BooleanEvaluation;
import dev.flagstaff.evaluation.engine.EvaluationException;
import dev.flagstaff.evaluation.engine.Evaluator;
import dev.flagstaff.evaluation.engine.FlagEvaluation;
import dev.flagstaff.evaluation.engine.FlagNotFoundException;
import dev.flagstaff.evaluation.engine.VariantEvaluation;
import dev.flagstaff.http.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;

/**
 * Evaluation over the namespace's current snapshot: no database access here. Engine errors become the
 * contract's errors ({@code flag "<ns>/<key>" not found} as 404, {@code flag type … invalid} as 400).
 */
@ApplicationScoped
public class Evaluations {

    @Inject
    Snapshots snapshots;

    public VariantEvaluation variant(String namespace, String flagKey, String entityId, Map<String, String> context) {
        try {
            return Evaluator.evaluateVariant(snapshots.of(namespace).snapshot(), flagKey, entityId, context);
        } catch (EvaluationException e) {
            throw translate(e);
        }
    }

    public BooleanEvaluation bool(String namespace, String flagKey, String entityId, Map<String, String> context) {
        try {
            return Evaluator.evaluateBoolean(snapshots.of(namespace).snapshot(), flagKey, entityId, context);
        } catch (EvaluationException e) {
            throw translate(e);
        }
    }

    /** Either kind of flag, by its type; a missing flag is a {@code FlagNotFound} result, not an error. */
    public FlagEvaluation any(String namespace, String flagKey, String entityId, Map<String, String> context) {
        try {
            return Evaluator.evaluate(snapshots.of(namespace).snapshot(), flagKey, entityId, context);
        } catch (EvaluationException e) {
            throw translate(e);
        }
    }

    public NamespaceState state(String namespace) {
        return snapshots.of(namespace);
    }

    private static ApiException translate(EvaluationException e) {
        return e instanceof FlagNotFoundException ? ApiException.notFound(e.getMessage())
                : ApiException.invalid(e.getMessage());
    }
}
