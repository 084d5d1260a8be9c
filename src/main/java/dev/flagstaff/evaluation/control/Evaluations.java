package dev.flagstaff.evaluation.control;

import dev.flagstaff.evaluation.engine.BooleanEvaluation;
import dev.flagstaff.evaluation.engine.EvaluationException;
import dev.flagstaff.evaluation.engine.Evaluator;
import dev.flagstaff.evaluation.engine.FlagEvaluation;
import dev.flagstaff.evaluation.engine.FlagNotFound;
import dev.flagstaff.evaluation.engine.FlagNotFoundException;
import dev.flagstaff.evaluation.engine.VariantEvaluation;
import dev.flagstaff.http.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;

/**
 * Evaluation over the namespace's current snapshot: no database access here. Engine errors become the
 * contract's errors ({@code flag "<ns>/<key>" not found} as 404, {@code flag type … invalid} as 400). Every
 * evaluation, whichever API asked for it, is counted here ({@link EvaluationMeters}).
 */
@ApplicationScoped
public class Evaluations {

    @Inject
    Snapshots snapshots;

    @Inject
    EvaluationMeters meters;

    public VariantEvaluation variant(String namespace, String flagKey, String entityId, Map<String, String> context) {
        NamespaceState state = snapshots.of(namespace);
        try {
            VariantEvaluation result = Evaluator.evaluateVariant(state.snapshot(), flagKey, entityId, context);
            meters.evaluated(namespace, result);
            return result;
        } catch (EvaluationException e) {
            throw failed(state, flagKey, e);
        }
    }

    public BooleanEvaluation bool(String namespace, String flagKey, String entityId, Map<String, String> context) {
        NamespaceState state = snapshots.of(namespace);
        try {
            BooleanEvaluation result = Evaluator.evaluateBoolean(state.snapshot(), flagKey, entityId, context);
            meters.evaluated(namespace, result);
            return result;
        } catch (EvaluationException e) {
            throw failed(state, flagKey, e);
        }
    }

    /** Either kind of flag, by its type; a missing flag is a {@code FlagNotFound} result, not an error. */
    public FlagEvaluation any(String namespace, String flagKey, String entityId, Map<String, String> context) {
        NamespaceState state = snapshots.of(namespace);
        try {
            FlagEvaluation result = Evaluator.evaluate(state.snapshot(), flagKey, entityId, context);
            if (result instanceof FlagNotFound) {
                meters.notFound(state);
            } else {
                meters.evaluated(namespace, result);
            }
            return result;
        } catch (EvaluationException e) {
            throw failed(state, flagKey, e);
        }
    }

    public NamespaceState state(String namespace) {
        return snapshots.of(namespace);
    }

    private ApiException failed(NamespaceState state, String flagKey, EvaluationException e) {
        if (e instanceof FlagNotFoundException) {
            meters.notFound(state);
        } else {
            meters.invalid(state.namespace(), flagKey);
        }
        return translate(e);
    }

    private static ApiException translate(EvaluationException e) {
        return e instanceof FlagNotFoundException ? ApiException.notFound(e.getMessage())
                : ApiException.invalid(e.getMessage());
    }
}
