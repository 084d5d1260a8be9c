package dev.flagstaff.rules.control;

import dev.flagstaff.audit.control.AuditTrail;
import dev.flagstaff.rules.boundary.CreateDistributionRequest;
import dev.flagstaff.rules.boundary.CreateRuleRequest;
import dev.flagstaff.rules.boundary.UpdateDistributionRequest;
import dev.flagstaff.rules.boundary.UpdateRuleRequest;
import dev.flagstaff.flags.control.FlagService;
import dev.flagstaff.flags.control.Ranks;
import dev.flagstaff.flags.entity.Flag;
import dev.flagstaff.flags.entity.Variant;
import dev.flagstaff.http.ApiException;
import dev.flagstaff.http.GoQuote;
import dev.flagstaff.http.Precondition;
import dev.flagstaff.http.Page;
import dev.flagstaff.http.Timestamps;
import dev.flagstaff.rules.entity.Distribution;
import dev.flagstaff.rules.entity.Rule;
import dev.flagstaff.segments.control.SegmentService;
import dev.flagstaff.segments.entity.Segment;
import dev.flagstaff.namespaces.control.NamespaceService;
import dev.flagstaff.persistence.Listing;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.UUID;

/**
 * Rules of variant flags and their distributions (contract sections 3.7 and 3.8). Writes lock the flag's
 * row first, so concurrent writes to one flag apply one after the other and its rules are always ranked
 * 1..n: a new rule is inserted at its rank (at most n + 1), a delete closes the gap, an order names them all.
 */
@Stateless
public class RuleService {

    @Inject
    AuditTrail audit;

    @PersistenceContext(unitName = "flagstaff")
    EntityManager em;

    @Inject
    NamespaceService namespaces;

    @Inject
    FlagService flags;

    @Inject
    SegmentService segments;

    @Inject
    Ranks ranks;

    /** A flag's rules by rank; an empty list when the flag does not exist. */
    public Page.Slice<Rule> list(String namespace, String flagKey, Page page) {
        return Listing.page(
                em.createQuery("SELECT r FROM Rule r WHERE r.namespaceKey = :ns AND r.flag.key = :flag "
                                + "ORDER BY r.rank, r.createdAt, r.id", Rule.class)
                        .setParameter("ns", namespace)
                        .setParameter("flag", flagKey)
                        .setHint("eclipselink.batch", "r.distributions"),
                em.createQuery("SELECT COUNT(r) FROM Rule r WHERE r.namespaceKey = :ns AND r.flag.key = :flag", Long.class)
                        .setParameter("ns", namespace)
                        .setParameter("flag", flagKey),
                page, Rule::id, RuleService::load);
    }

    /** Every rule of the namespace, by flag rank order, loaded (for the evaluation snapshot). */
    public List<Rule> all(String namespace) {
        List<Rule> rules = em.createQuery("SELECT r FROM Rule r WHERE r.namespaceKey = :ns "
                        + "ORDER BY r.rank, r.createdAt, r.id", Rule.class)
                .setParameter("ns", namespace)
                .setHint("eclipselink.batch", "r.distributions")
                .getResultList();
        rules.forEach(RuleService::load);
        return rules;
    }

    /**
     * The rules of these flags (by id) of the namespace, by rank, loaded (for a snapshot update). By the
     * flags' ids, so the database reads them through the index on {@code flag_id} whatever the size of the
     * namespace (by flag key it joined the flags and scanned the namespace's rules).
     */
    public List<Rule> ofFlags(String namespace, java.util.Collection<String> flagIds) {
        List<Rule> found = em.createQuery("SELECT r FROM Rule r WHERE r.flag.id IN :ids AND r.namespaceKey = :ns "
                        + "ORDER BY r.rank, r.createdAt, r.id", Rule.class)
                .setParameter("ids", flagIds)
                .setParameter("ns", namespace)
                .setHint("eclipselink.batch", "r.distributions")
                .getResultList();
        found.forEach(RuleService::load);
        return found;
    }

    /** A rule by id within the namespace (Flipt does not check the flag key of the path here). */
    public Rule get(String namespace, String id) {
        Rule rule = em.find(Rule.class, id);
        if (rule == null || !rule.namespaceKey().equals(namespace)) {
            throw ruleNotFound(namespace, id);
        }
        return load(rule);
    }

    public Rule create(String namespace, String flagKey, CreateRuleRequest request) {
        namespaces.lockForWrite(namespace, flagKey);
        ApiException notFound = ApiException.notFound("flag " + GoQuote.quote(namespace + "/" + flagKey)
                + " or segment " + GoQuote.quote(namespace + "/" + request.segmentKey()) + " not found");
        Flag flag = flags.lock(namespace, flagKey);
        if (flag == null) {
            throw notFound;
        }
        List<Segment> segments = this.segments.lockAll(namespace, request.segmentKeys(), key -> notFound);
        long now = Timestamps.nowMicros();
        List<Rule> rules = ranks.ranked(flag, Rule.class);
        int rank = Math.min(request.rank(), rules.size() + 1);
        rules.stream().filter(r -> r.rank() >= rank).forEach(r -> r.rank(r.rank() + 1, now));
        Rule rule = new Rule(UUID.randomUUID().toString(), flag, segments, request.segmentOperator(), rank, now);
        em.persist(rule);
        audit.created("rule", namespace, flagKey, dev.flagstaff.rules.boundary.Rule.of(load(rule)));
        return rule;
    }

    public Rule update(String namespace, String flagKey, String id, UpdateRuleRequest request) {
        return update(namespace, flagKey, id, request, Precondition.none());
    }

    /** Retargets the rule if {@code ifMatch} holds for it once the namespace and flag are locked. */
    public Rule update(String namespace, String flagKey, String id, UpdateRuleRequest request,
                       Precondition<Rule> ifMatch) {
        namespaces.lockForWrite(namespace, flagKey);
        Flag flag = flags.lock(namespace, flagKey);
        Rule rule = flag == null ? null : findRule(flag, id);
        if (rule == null) {
            throw ruleNotFound(namespace, id);
        }
        ifMatch.check(load(rule), "rule", namespace + "/" + flagKey + "/" + id);
        List<Segment> segments = this.segments.lockAll(namespace, request.segmentKeys(),
                key -> ruleNotFound(namespace, id));
        var before = dev.flagstaff.rules.boundary.Rule.of(load(rule));
        rule.retarget(segments, request.segmentOperator(), Timestamps.nowMicros());
        audit.updated("rule", namespace, flagKey, before, dev.flagstaff.rules.boundary.Rule.of(load(rule)));
        return load(rule);
    }

    /** Deletes a rule with its distributions and ranks the rest 1..n again; idempotent. */
    public void delete(String namespace, String flagKey, String id) {
        delete(namespace, flagKey, id, Precondition.none());
    }

    /** Deletes the rule if {@code ifMatch} holds for it (a missing rule fails any If-Match). */
    public void delete(String namespace, String flagKey, String id, Precondition<Rule> ifMatch) {
        namespaces.lockForWrite(namespace, flagKey);
        Flag flag = flags.lock(namespace, flagKey);
        Rule rule = flag == null ? null : findRule(flag, id);
        ifMatch.check(rule == null ? null : load(rule), "rule", namespace + "/" + flagKey + "/" + id);
        if (rule != null) {
            var before = dev.flagstaff.rules.boundary.Rule.of(load(rule));
            ranks.removeAndClose(flag, rule, Rule.class);
            audit.deleted("rule", namespace, flagKey, before);
        }
    }

    /** Ranks the flag's rules in the order of {@code ruleIds}, which must name every one of them once. */
    public void order(String namespace, String flagKey, List<String> ruleIds) {
        namespaces.lockForWrite(namespace, flagKey);
        Flag flag = flags.lock(namespace, flagKey);
        if (flag == null) {
            throw ApiException.notFound("flag", namespace + "/" + flagKey);
        }
        List<String> before = ranks.ranked(flag, Rule.class).stream().map(Rule::id).toList();
        ranks.order(flag, Rule.class, "ruleIds", ruleIds);
        audit.updated("rule", namespace, flagKey, AuditTrail.order(flagKey, "ruleIds", before),
                AuditTrail.order(flagKey, "ruleIds", ruleIds));
    }

    public Distribution createDistribution(String namespace, String flagKey, String ruleId,
                                           CreateDistributionRequest request) {
        namespaces.lockForWrite(namespace, flagKey);
        Target target = target(namespace, flagKey, ruleId, request.variantId());
        Distribution distribution = new Distribution(UUID.randomUUID().toString(), target.rule(),
                target.variant(), request.rollout(), Timestamps.nowMicros());
        em.persist(distribution);
        audit.created("distribution", namespace, flagKey, dev.flagstaff.rules.boundary.Distribution.of(distribution));
        return distribution;
    }

    public Distribution updateDistribution(String namespace, String flagKey, String ruleId, String id,
                                           UpdateDistributionRequest request) {
        return updateDistribution(namespace, flagKey, ruleId, id, request, Precondition.none());
    }

    public Distribution updateDistribution(String namespace, String flagKey, String ruleId, String id,
                                           UpdateDistributionRequest request, Precondition<Distribution> ifMatch) {
        namespaces.lockForWrite(namespace, flagKey);
        Distribution distribution = em.find(Distribution.class, id);
        if (distribution == null || !distribution.rule().id().equals(ruleId)
                || !distribution.rule().namespaceKey().equals(namespace)
                || !distribution.rule().flagKey().equals(flagKey)) {
            throw ApiException.notFound("distribution", id);
        }
        ifMatch.check(distribution, "distribution", namespace + "/" + flagKey + "/" + ruleId + "/" + id);
        Target target = target(namespace, flagKey, ruleId, request.variantId());
        var before = dev.flagstaff.rules.boundary.Distribution.of(distribution);
        distribution.update(target.variant(), request.rollout(), Timestamps.nowMicros());
        audit.updated("distribution", namespace, flagKey, before, dev.flagstaff.rules.boundary.Distribution.of(distribution));
        return distribution;
    }

    /** Deletes a distribution of the rule that points at {@code variantId}; idempotent. */
    public void deleteDistribution(String namespace, String flagKey, String ruleId, String id, String variantId) {
        deleteDistribution(namespace, flagKey, ruleId, id, variantId, Precondition.none());
    }

    /** Deletes the distribution if {@code ifMatch} holds for it (a missing one fails any If-Match). */
    public void deleteDistribution(String namespace, String flagKey, String ruleId, String id, String variantId,
                                   Precondition<Distribution> ifMatch) {
        namespaces.lockForWrite(namespace, flagKey);
        Flag flag = flags.lock(namespace, flagKey);
        Distribution distribution = flag == null ? null : em.find(Distribution.class, id);
        if (distribution != null && !(distribution.rule().id().equals(ruleId)
                && distribution.rule().flag().id().equals(flag.id())
                && distribution.variant().id().equals(variantId))) {
            distribution = null;
        }
        ifMatch.check(distribution, "distribution", namespace + "/" + flagKey + "/" + ruleId + "/" + id);
        if (distribution != null) {
            var before = dev.flagstaff.rules.boundary.Distribution.of(distribution);
            em.remove(distribution);
            audit.deleted("distribution", namespace, flagKey, before);
        }
    }

    private record Target(Rule rule, Variant variant) {
    }

    /** The rule and variant a distribution joins; both must belong to the flag in the namespace. */
    private Target target(String namespace, String flagKey, String ruleId,
                                 String variantId) {
        Flag flag = flags.lock(namespace, flagKey);
        Rule rule = flag == null ? null : findRule(flag, ruleId);
        Variant variant = flag == null ? null : em.find(Variant.class, variantId);
        if (rule == null || variant == null || !variant.flag().id().equals(flag.id())) {
            throw ApiException.notFound("variant " + GoQuote.quote(variantId) + ", rule " + GoQuote.quote(ruleId)
                    + ", flag " + GoQuote.quote(flagKey) + " in namespace " + GoQuote.quote(namespace) + " not found");
        }
        return new Target(rule, variant);
    }

    private Rule findRule(Flag flag, String id) {
        Rule rule = em.find(Rule.class, id);
        return rule != null && rule.flag().id().equals(flag.id()) ? rule : null;
    }

    private static ApiException ruleNotFound(String namespace, String id) {
        return ApiException.notFound("rule", namespace + "/" + id);
    }

    private static Rule load(Rule rule) {
        rule.segments().size();
        rule.distributions().forEach(d -> d.variant().id());
        return rule;
    }
}
