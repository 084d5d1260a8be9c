package dev.flagstaff.audit.control;

import dev.flagstaff.http.JsonP;
import dev.flagstaff.audit.entity.AuditDelivery;
import dev.flagstaff.audit.entity.AuditEvent;
import dev.flagstaff.auth.control.Caller;
import dev.flagstaff.http.Messages;
import dev.flagstaff.http.Timestamps;
import dev.flagstaff.persistence.Database;
import dev.flagstaff.persistence.Vendor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Records one audit event per successful write, in the writing transaction: every write method of the
 * {@code control} services calls it after its change, so whatever goes through the services (the API, imports,
 * copies, scheduled changes) is audited, and a write that rolls back leaves no event. Who wrote comes from the
 * request's {@link Caller}; a write without a request (a timer) has actor {@code none}.
 *
 * <p>Resources are given as the API's message records (or JSON), so the history shows them as a client does.
 * A "before" must be taken before the entity changes.
 */
@ApplicationScoped
public class AuditTrail {

    public static final String CREATED = "created";
    public static final String UPDATED = "updated";
    public static final String DELETED = "deleted";

    private static final int COLUMN = 255;

    @PersistenceContext(unitName = "flagstaff")
    EntityManager em;

    @Inject
    Database database;

    @Inject
    AuditSettings settings;

    @Inject
    Event<AuditRecorded> recorded;

    public void created(String type, String namespace, String key, Object after) {
        record(type, CREATED, namespace, key, after, null);
    }

    public void updated(String type, String namespace, String key, Object before, Object after) {
        record(type, UPDATED, namespace, key, after, before);
    }

    /** A delete: the payload is the deleted resource, as Flipt's delete events of rules and rollouts show it. */
    public void deleted(String type, String namespace, String key, Object before) {
        record(type, DELETED, namespace, key, before, null);
    }

    /** The payload of a reorder of a flag's rules or rollouts: {@code {"flagKey":…,"<field>":[ids in rank order]}}. */
    public static JsonValue order(String flagKey, String field, java.util.List<String> ids) {
        var array = JsonP.PROVIDER.createArrayBuilder();
        ids.forEach(array::add);
        return JsonP.PROVIDER.createObjectBuilder().add("flagKey", flagKey).add(field, array).build();
    }

    private void record(String type, String action, String namespace, String key, Object payload, Object previous) {
        long id = nextId();
        Caller caller = Caller.current();
        String method = null;
        String actorId = null;
        String name = null;
        String email = null;
        if (caller.kind() == Caller.Kind.TOKEN) {
            method = "token";
            actorId = caller.token().id();
            name = caller.token().metadata().get("io.flipt.auth.token.name");
        } else if (caller.kind() == Caller.Kind.JWT) {
            method = "jwt";
            actorId = caller.jwt().subject();
            name = caller.jwt().name();
            email = caller.jwt().email();
        }
        long now = Timestamps.nowMicros();
        AuditEvent event = new AuditEvent(id, type, action, namespace, cut(key), method, cut(actorId), cut(name),
                cut(email), json(payload), json(previous), now);
        em.persist(event);
        if (settings.webhookEnabled()) {
            em.persist(new AuditDelivery(id, now));
        }
        recorded.fire(new AuditRecorded(id, namespace,
                Messages.text(dev.flagstaff.audit.boundary.AuditEvent.of(event))));
    }

    private long nextId() {
        String sql = database.vendor() == Vendor.POSTGRESQL
                ? "SELECT nextval('audit_event_ids')"
                : "SELECT NEXT VALUE FOR audit_event_ids";
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    private static String json(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Record message) {
            return Messages.text(message);
        }
        if (value instanceof JsonValue json) {
            return json.toString();
        }
        throw new IllegalArgumentException("not a message: " + value.getClass());
    }

    private static String cut(String value) {
        return value == null || value.length() <= COLUMN ? value : value.substring(0, COLUMN);
    }
}
