/**
 * Flagstaff's flag evaluation engine: plain Java (JDK only, no Jakarta EE), bit-exact with Flipt v1.59.3
 * (contract sections 6.2 to 6.9).
 *
 * <p>Flow: the management side turns its stored data into a {@link dev.flagstaff.evaluation.engine.NamespaceDefinition}
 * (records mirroring Flipt's flags, variants, rules, distributions, rollouts, segments and constraints);
 * {@link dev.flagstaff.evaluation.engine.NamespaceSnapshot#compile} turns it into an immutable, thread-safe
 * snapshot ({@link dev.flagstaff.evaluation.engine.NamespaceSnapshot#withFlag} derives the next one after a
 * write to one flag); {@link dev.flagstaff.evaluation.engine.Evaluator} evaluates requests against a snapshot and returns
 * immutable results ({@link dev.flagstaff.evaluation.engine.VariantEvaluation},
 * {@link dev.flagstaff.evaluation.engine.BooleanEvaluation}, {@link dev.flagstaff.evaluation.engine.FlagNotFound}).
 * API errors are {@link dev.flagstaff.evaluation.engine.EvaluationException}s.
 *
 * <p>The Go standard-library behaviour Flipt relies on is re-implemented in package-private classes
 * ({@code GoStrings}: {@code strings.TrimSpace}, {@code path.Join}, {@code strconv.Quote}; {@code GoStrconv}:
 * {@code ParseFloat}, {@code ParseBool}; {@code GoTime}: {@code time.Parse} RFC 3339 / DateOnly; {@code GoJson}:
 * {@code json.Unmarshal} into string/number slices, {@code json.Compact}; {@code Crc32}: {@code crc32.ChecksumIEEE}
 * over UTF-8 without allocating) and checked against vectors produced by Go itself (see the tests).
 */
package dev.flagstaff.evaluation.engine;
