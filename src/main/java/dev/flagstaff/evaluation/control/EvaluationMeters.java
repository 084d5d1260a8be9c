package dev.flagstaff.evaluation.control;

import dev.flagstaff.evaluation.engine.BooleanEvaluation;
import dev.flagstaff.evaluation.engine.EvaluationReason;
import dev.flagstaff.evaluation.engine.FlagEvaluation;
import dev.flagstaff.evaluation.engine.VariantEvaluation;
import dev.flagstaff.operations.control.Metrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Flipt's evaluation counters, for every evaluation surface (evaluate/v1, batch, legacy, OFREP):
 * <ul>
 * <li>{@code flipt_evaluations_requests_total{namespace,flag}}</li>
 * <li>{@code flipt_evaluations_results_total{namespace,flag,type,match,reason,value}}, {@code value} being the
 *     variant key or {@code true}/{@code false}</li>
 * <li>{@code flipt_evaluations_errors_total{namespace,flag,error}}, {@code error} = {@code not_found} or
 *     {@code invalid}</li>
 * </ul>
 * Label values are only ever keys that exist: a flag that is not found counts under {@code flag=""}, and under
 * {@code namespace=""} when its namespace does not exist either, so clients sending made-up keys cannot grow
 * the number of series. The counters of a flag are found with two map lookups on the request's own strings
 * and created once; nothing is built per evaluation.
 */
@ApplicationScoped
public class EvaluationMeters {

    private static final int REASONS = EvaluationReason.values().length;

    @Inject
    Metrics metrics;

    @Inject
    EvaluationCounts counts;

    private MeterRegistry registry;
    private final Map<String, Map<String, FlagMeters>> byNamespace = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        registry = metrics.registry();
    }

    void evaluated(String namespace, FlagEvaluation result) {
        flag(namespace, result.flagKey()).evaluated(result);
    }

    void notFound(NamespaceState state) {
        flag(state.exists() ? state.namespace() : "", "").failed("not_found");
    }

    void invalid(String namespace, String flagKey) {
        flag(namespace, flagKey).failed("invalid");
    }

    private FlagMeters flag(String namespace, String flagKey) {
        Map<String, FlagMeters> flags = byNamespace.get(namespace);
        if (flags == null) {
            flags = byNamespace.computeIfAbsent(namespace, k -> new ConcurrentHashMap<>());
        }
        FlagMeters meters = flags.get(flagKey);
        return meters != null ? meters : flags.computeIfAbsent(flagKey, k -> new FlagMeters(namespace, k));
    }

    /** One flag's counters; result counters per value, each an array by reason and match. */
    private final class FlagMeters {
        private final String namespace;
        private final String flag;
        private final Counter requests;
        private final EvaluationCounts.Ring perMinute;
        private final Map<String, AtomicReferenceArray<Counter>> results = new ConcurrentHashMap<>();
        private final Map<String, Counter> errors = new ConcurrentHashMap<>();

        FlagMeters(String namespace, String flag) {
            this.namespace = namespace;
            this.flag = flag;
            this.requests = Counter.builder("flipt_evaluations_requests")
                    .description("Evaluations requested, by namespace and flag")
                    .tag("namespace", namespace).tag("flag", flag).register(registry);
            this.perMinute = counts.ring(namespace, flag);
        }

        void evaluated(FlagEvaluation result) {
            requests.increment();
            perMinute.count();
            String type;
            String value;
            boolean match;
            EvaluationReason reason;
            if (result instanceof VariantEvaluation v) {
                type = "variant";
                value = v.variantKey();
                match = v.match();
                reason = v.reason();
            } else {
                BooleanEvaluation b = (BooleanEvaluation) result;
                type = "boolean";
                value = b.enabled() ? "true" : "false";
                match = b.reason() == EvaluationReason.MATCH_EVALUATION_REASON;
                reason = b.reason();
            }
            AtomicReferenceArray<Counter> byReason = results.get(value);
            if (byReason == null) {
                byReason = results.computeIfAbsent(value, k -> new AtomicReferenceArray<>(REASONS * 2));
            }
            int slot = reason.ordinal() * 2 + (match ? 1 : 0);
            Counter counter = byReason.get(slot);
            if (counter == null) {
                counter = Counter.builder("flipt_evaluations_results")
                        .description("Evaluation results, by namespace, flag, type, match, reason and value")
                        .tag("namespace", namespace).tag("flag", flag).tag("type", type)
                        .tag("match", Boolean.toString(match)).tag("reason", reason.name()).tag("value", value)
                        .register(registry); // the registry hands back the same counter to a racing thread
                byReason.set(slot, counter);
            }
            counter.increment();
        }

        void failed(String error) {
            requests.increment();
            errors.computeIfAbsent(error, e -> Counter.builder("flipt_evaluations_errors")
                    .description("Evaluations that failed, by namespace, flag and error")
                    .tag("namespace", namespace).tag("flag", flag).tag("error", e)
                    .register(registry)).increment();
        }
    }
}
