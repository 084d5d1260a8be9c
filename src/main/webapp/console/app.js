// Flagstaff's web console: one Alpine.js component over Flagstaff's public REST API. Every request below is a
// documented route (/api/v1, /evaluate/v1, /auth/v1, /meta, /internal/v1/analytics); nothing else is called.
// The pages follow Flipt v1.59's UI (ui/src/app in flipt-io/flipt): flags, variants, rules with distributions,
// rollouts, segments with constraints, the evaluation console and the settings.
"use strict";

/** An API answer that is not 2xx: the contract's {"code","message","details"} body, or a network failure. */
class ApiError extends Error {
  constructor(status, message, code) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** A navigation that a later one replaced while it waited for the API: its answers are dropped. */
class Superseded extends Error {}

// Constraint types and the operators each allows (contract 3.6, Flipt's rpc/flipt/operators.go and the UI's
// types/Constraint.ts).
const CONSTRAINT_TYPES = [
  { value: "STRING_COMPARISON_TYPE", label: "String" },
  { value: "NUMBER_COMPARISON_TYPE", label: "Number" },
  { value: "BOOLEAN_COMPARISON_TYPE", label: "Boolean" },
  { value: "DATETIME_COMPARISON_TYPE", label: "DateTime" },
  { value: "ENTITY_ID_COMPARISON_TYPE", label: "Entity id" },
];
const OPERATORS = {
  STRING_COMPARISON_TYPE: ["eq", "neq", "empty", "notempty", "prefix", "suffix", "contains", "notcontains", "isoneof", "isnotoneof"],
  NUMBER_COMPARISON_TYPE: ["eq", "neq", "gt", "gte", "lt", "lte", "present", "notpresent", "isoneof", "isnotoneof"],
  BOOLEAN_COMPARISON_TYPE: ["true", "false", "present", "notpresent"],
  DATETIME_COMPARISON_TYPE: ["eq", "neq", "gt", "gte", "lt", "lte", "present", "notpresent"],
  ENTITY_ID_COMPARISON_TYPE: ["eq", "neq", "contains", "notcontains", "isoneof", "isnotoneof"],
};
const OPERATOR_LABELS = {
  eq: "==", neq: "!=", gt: ">", gte: ">=", lt: "<", lte: "<=", empty: "IS EMPTY", notempty: "IS NOT EMPTY",
  true: "TRUE", false: "FALSE", present: "IS PRESENT", notpresent: "IS NOT PRESENT", prefix: "HAS PREFIX",
  suffix: "HAS SUFFIX", contains: "CONTAINS", notcontains: "DOES NOT CONTAIN", isoneof: "IS ONE OF",
  isnotoneof: "IS NOT ONE OF",
};
const NO_VALUE = ["empty", "notempty", "true", "false", "present", "notpresent"];

document.addEventListener("alpine:init", () => {
  // SortableJS drags a copy of the list item (its "fallback" ghost); Alpine must not bring that copy to life.
  // The item itself carries no Alpine attribute (its id sits on the grip), so skipping its children suffices.
  Alpine.interceptInit((el, skip) => {
    if (el.classList && el.classList.contains("sortable-fallback")) { skip(); }
  });
  Alpine.data("flagstaff", () => ({
    ready: false,
    loginNeeded: false,
    resumeAfterLogin: false,
    ssoMethods: [],
    loginForm: { token: "", error: "", busy: false, sso: "" },
    auth: { required: false, role: "admin", name: "", email: "", method: "", namespace: null },
    // the session's CSRF token (X-CSRF-Token of Flagstaff's answers), sent back on every write
    csrfToken: "",
    version: "",
    theme: "light",
    namespaces: [],
    ns: "default",
    section: "flags",
    view: "",
    tab: "namespaces",
    loaded: false,
    notFoundText: "",
    flags: [],
    segments: [],
    flagSearch: "",
    flagSort: { key: "key", dir: 1 },
    flagPage: 0,
    pageSize: 20,
    segmentSearch: "",
    flag: { variants: [] },
    /** ETag of the flag as last read: sent as If-Match when it is saved or deleted. */
    flagEtag: null,
    flagForm: { errors: {} },
    rules: [],
    rollouts: [],
    schedules: [],
    scheduleForm: {},
    segment: { constraints: [] },
    /** ETag of the segment as last read: sent as If-Match when it is saved or deleted. */
    segmentEtag: null,
    segmentForm: { errors: {} },
    dialog: null,
    variantForm: { errors: {} },
    ruleForm: { segmentKeys: [], rows: [] },
    rolloutForm: { segmentKeys: [] },
    constraintForm: {},
    constraintTypes: CONSTRAINT_TYPES,
    namespaceForm: {},
    tokenForm: {},
    tokens: [],
    copyForm: {},
    confirmForm: {},
    consoleForm: { flagKey: "", entityId: "", context: "{}", result: "", error: "", answer: null },
    chartRange: "hour",
    chartTotal: "",
    chart: null,
    paletteQuery: "",
    paletteIndex: 0,
    toasts: [],
    toastId: 0,
    routeGen: 0,
    auditEvents: [],
    auditFilter: { type: "", key: "", actor: "", from: "", to: "" },
    auditNext: "",
    auditTotal: 0,
    events: null,
    eventsNs: null,
    liveTimer: null,

    get canWrite() { return this.auth.role === "editor" || this.auth.role === "admin"; },
    get canAdmin() { return this.auth.role === "admin"; },

    // ----------------------------------------------------------------- start-up and authentication
    async init() {
      this.theme = localStorage.getItem("flagstaff-theme")
        || (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
      document.documentElement.dataset.theme = this.theme;
      await this.start();
    },

    async start() {
      try {
        const info = await this.call("GET", "/meta/info", null, { quiet401: true });
        this.version = "Flipt API " + info.version + " · Flagstaff " + ((info.flagstaff || {}).version || "");
        this.auth.required = info.authentication.required;
        if (this.auth.required) {
          await this.readSession();
        } else {
          this.auth = { required: false, role: "admin", name: "", email: "", method: "", namespace: null };
        }
      } catch (e) {
        if (e.status === 401) {
          // a namespace-scoped token may not read /meta: ask the session route who this is
          try {
            await this.readSession();
            this.auth.required = true;
          } catch (e2) {
            if (e2.status !== 401) { this.fail(e2); }
            await this.showLogin(false);
            this.ready = true;
            return;
          }
        } else {
          this.fail(e);
          this.ready = true;
          return;
        }
      }
      this.loginNeeded = false;
      await this.loadNamespaces();
      this.ready = true;
      this.route();
    },

    async readSession() {
      const a = await this.call("GET", "/auth/v1/session", null, { quiet401: true });
      const m = a.metadata || {};
      this.auth = {
        required: true,
        method: a.method,
        role: m["io.flagstaff.auth.token.role"] || m["io.flagstaff.auth.oidc.role"] || m["io.flipt.auth.jwt.role"]
          || "viewer",
        name: m["io.flipt.auth.token.name"] || m["io.flipt.auth.oidc.name"] || m["io.flipt.auth.jwt.name"]
          || m["io.flipt.auth.oidc.email"] || "token",
        email: m["io.flipt.auth.oidc.email"] || m["io.flipt.auth.jwt.email"] || "",
        namespace: m["io.flipt.auth.token.namespace"] || null,
      };
    },

    async showLogin(resume) {
      this.loginNeeded = true;
      this.resumeAfterLogin = resume;
      this.loginForm.error = "";
      try {
        // a stale session cookie makes even this public route a 401, whose answer clears the cookie: ask again
        const methods = await this.call("GET", "/auth/v1/method", null, { quiet401: true })
          .catch(e => e.status === 401 ? this.call("GET", "/auth/v1/method", null, { quiet401: true }) : Promise.reject(e));
        // one "Sign in with …" per OIDC provider (Flipt lists them in the method's metadata)
        this.ssoMethods = methods.methods.filter(m => m.enabled && m.sessionCompatible && m.method === "METHOD_OIDC")
          .flatMap(m => Object.entries((m.metadata || {}).providers || {})
            .map(([name, urls]) => ({ name, authorizeUrl: urls.authorize_url })));
      } catch (e) {
        this.ssoMethods = [];
      }
    },

    async login() {
      this.loginForm.busy = true;
      this.loginForm.error = "";
      try {
        await this.call("POST", "/auth/v1/session", { clientToken: this.loginForm.token }, { quiet401: true });
        this.loginForm.token = "";
        if (this.resumeAfterLogin) {
          // back to the page as it was: forms and dialogs keep what was typed; the failed action can be repeated
          await this.readSession();
          this.loginNeeded = false;
          this.resumeAfterLogin = false;
          this.toast("info", "Signed in again. Repeat the last action if it did not complete.");
        } else {
          this.ready = false;
          await this.start();
        }
      } catch (e) {
        this.loginForm.error = e.status === 401 ? "This token is not valid (unknown, expired or deleted)." : e.message;
      } finally {
        this.loginForm.busy = false;
      }
    },

    /** Single sign-on: asks Flagstaff for the provider's login page and goes there; it comes back to "/". */
    async ssoLogin(method) {
      this.loginForm.sso = method.name;
      this.loginForm.error = "";
      try {
        const answer = await this.call("GET", method.authorizeUrl + "?state=" + encodeURIComponent(location.hash),
          null, { quiet401: true });
        location.assign(answer.authorizeUrl);
      } catch (e) {
        this.loginForm.error = e.message;
        this.loginForm.sso = "";
      }
    },

    async logout() {
      // a single sign-on session ends for good (PUT /auth/v1/self/expire); a token's browser session only
      // forgets the cookie, the token stays valid for its other users
      const end = this.auth.method === "METHOD_OIDC" ? this.call("PUT", "/auth/v1/self/expire")
        : this.call("DELETE", "/auth/v1/session");
      await end.catch(e => this.fail(e));
      this.csrfToken = "";
      this.flags = [];
      this.segments = [];
      await this.showLogin(false);
    },

    // ----------------------------------------------------------------- the API
    /**
     * One API call. Errors become ApiError with the server's message; a 401 in the middle of a session brings
     * the login back (over the page, which keeps its state); a network failure says so. options.ifMatch sends
     * that ETag as If-Match (the edit then only goes through if nobody changed the resource meanwhile; a 412
     * says so); the answer's ETag comes back as the non-enumerable property $etag of the returned object.
     */
    async call(method, path, body, options = {}) {
      let response;
      const headers = body === null || body === undefined ? {} : { "Content-Type": "application/json" };
      if (options.ifMatch) { headers["If-Match"] = options.ifMatch; }
      try {
        if (method !== "GET" && this.csrfToken) { headers["X-CSRF-Token"] = this.csrfToken; }
        response = await fetch(path, {
          method,
          headers,
          body: body === null || body === undefined ? undefined : JSON.stringify(body),
          credentials: "same-origin",
        });
      } catch (e) {
        throw new ApiError(0, "Network error: Flagstaff cannot be reached (" + method + " " + path + ")");
      }
      const csrf = response.headers.get("X-CSRF-Token");
      if (csrf) { this.csrfToken = csrf; }
      const text = await response.text();
      let json = null;
      try { json = text ? JSON.parse(text) : {}; } catch (e) { json = null; }
      if (!response.ok) {
        let message = json && json.message ? json.message : "HTTP " + response.status + " from " + method + " " + path;
        if (response.status === 412) {
          message += ": changed by someone else since you opened it. Reload to see the current version, then edit again.";
        }
        const error = new ApiError(response.status, message, json && json.code);
        if (response.status === 401 && !options.quiet401 && this.ready && !this.loginNeeded) {
          this.showLogin(true);
        }
        throw error;
      }
      if (json === null) {
        throw new ApiError(response.status, "Flagstaff answered " + method + " " + path + " with something that is not JSON");
      }
      const etag = response.headers.get("ETag");
      if (etag && typeof json === "object") {
        Object.defineProperty(json, "$etag", { value: etag, enumerable: false });
      }
      return json;
    },

    /** Shows an error as a notification (never silently). */
    fail(e) {
      if (e && e.status === 401 && this.loginNeeded) { return; }
      this.toast("error", e && e.message ? e.message : String(e));
    },

    toast(kind, text) {
      const id = ++this.toastId;
      this.toasts.push({ id, kind, text });
      setTimeout(() => this.dismiss(id), kind === "error" ? 10000 : 5000);
    },
    dismiss(id) { this.toasts = this.toasts.filter(t => t.id !== id); },

    nsPath(rest) { return "/api/v1/namespaces/" + encodeURIComponent(this.ns) + rest; },

    // ----------------------------------------------------------------- routing
    async route() {
      if (!this.ready || this.loginNeeded) { return; }
      // the page shows the last navigation only: an earlier one still waiting for the API drops its answers
      const gen = ++this.routeGen;
      const fresh = value => { if (this.routeGen !== gen) { throw new Superseded(); } return value; };
      const hash = location.hash.replace(/^#/, "") || "/";
      const [path, queryText] = hash.split("?");
      const query = new URLSearchParams(queryText || "");
      const parts = path.split("/").filter(p => p).map(decodeURIComponent);
      this.dialog = null;
      if (parts[0] === "settings") {
        this.section = "settings";
        this.tab = parts[1] === "tokens" && this.canAdmin ? "tokens" : "namespaces";
        this.view = "settings";
        if (this.tab === "tokens") { await this.loadTokens(); } else { await this.loadNamespaces(); }
        return;
      }
      if (parts[0] !== "namespaces" || !parts[1]) {
        location.hash = "#/namespaces/" + encodeURIComponent(this.ns) + "/flags";
        return;
      }
      if (parts[1] !== this.ns) {
        this.ns = parts[1];
        this.loaded = false;
      }
      this.listen();
      this.section = parts[2] || "flags";
      const key = parts[3];
      try {
        if (this.section === "flags" && !key) {
          this.view = "flags";
          await this.loadLists(fresh);
        } else if (this.section === "flags") {
          await this.loadLists(fresh);
          await this.openFlag(key, fresh);
        } else if (this.section === "segments" && !key) {
          this.view = "segments";
          await this.loadLists(fresh);
        } else if (this.section === "segments") {
          await this.openSegment(key, fresh);
        } else if (this.section === "audit") {
          this.view = "audit";
          await this.loadAudit(false, fresh);
        } else if (this.section === "console") {
          await this.loadLists(fresh);
          this.consoleForm.flagKey = query.get("flag") || this.consoleForm.flagKey;
          this.consoleForm.result = "";
          this.consoleForm.error = "";
          this.view = "console";
        } else {
          this.notFound("There is no page " + hash + ".");
        }
      } catch (e) {
        if (e instanceof Superseded) { return; }
        if (e.status === 404) { this.notFound(e.message); } else { this.fail(e); }
      }
    },

    notFound(text) { this.notFoundText = text; this.view = "notfound"; },

    go(hash) {
      if (location.hash === hash) { this.route(); } else { location.hash = hash; }
    },

    switchNamespace() {
      this.loaded = false;
      const section = ["flags", "segments", "console", "audit"].includes(this.section) ? this.section : "flags";
      this.go("#/namespaces/" + encodeURIComponent(this.ns) + "/" + section);
    },

    // ----------------------------------------------------------------- audit history and live updates
    /** One page of the namespace's audit history (GET /api/v1/audit/events), newest first; more appends. */
    async loadAudit(more, fresh = value => value) {
      const q = new URLSearchParams({ namespaceKey: this.ns, limit: "50" });
      const f = this.auditFilter;
      if (f.type) { q.set("type", f.type); }
      if (f.key.trim()) { q.set("key", f.key.trim()); }
      if (f.actor.trim()) { q.set("actor", f.actor.trim()); }
      if (f.from) { q.set("from", new Date(f.from).toISOString()); }
      if (f.to) { q.set("to", new Date(f.to).toISOString()); }
      if (more && this.auditNext) { q.set("pageToken", this.auditNext); }
      try {
        const page = fresh(await this.call("GET", "/api/v1/audit/events?" + q.toString()));
        this.auditEvents = more ? this.auditEvents.concat(page.events) : page.events;
        this.auditNext = page.nextPageToken;
        this.auditTotal = page.totalCount;
      } catch (e) {
        if (e instanceof Superseded) { throw e; }
        this.fail(e);
      }
    },

    auditActor(e) {
      const a = (e.metadata || {}).actor || {};
      if (a.authentication === "none") { return "(authentication off)"; }
      return (a.name || a.email || a.id || "?") + " (" + a.authentication + ")";
    },

    auditWhat(e) {
      const p = e.payload || {};
      if (e.type === "variant" || e.type === "segment" || e.type === "flag" || e.type === "namespace") {
        return e.type + " " + (p.key || e.key);
      }
      return e.type + " of " + e.key;
    },

    /**
     * Follows the namespace's Server-Sent Events (GET …/events; the session cookie goes along, same origin):
     * each committed change refreshes the open list page.
     */
    listen() {
      if (typeof EventSource === "undefined" || this.eventsNs === this.ns) { return; }
      // only a namespace that exists: the browser logs an error for a stream answered with a 404
      if (!this.namespaces.some(n => n.key === this.ns)) { return; }
      if (this.events) { this.events.close(); }
      this.eventsNs = this.ns;
      const source = new EventSource(this.nsPath("/events"));
      this.events = source;
      source.onmessage = () => {
        clearTimeout(this.liveTimer);
        this.liveTimer = setTimeout(() => this.liveRefresh(), 300);
      };
      source.onerror = () => {
        if (source.readyState === EventSource.CLOSED && this.events === source) {
          this.events = null;
          this.eventsNs = null; // the next navigation tries again (e.g. after signing in)
        }
      };
    },

    /**
     * Reloads the data of the open list page (flags, segments, audit) in place: no navigation, so nothing the
     * user is doing (a dialog, a form) is touched. A flag's or segment's own page is left as it is.
     */
    liveRefresh() {
      if (this.loginNeeded) { return; }
      const ns = this.ns;
      const same = value => { if (this.ns !== ns) { throw new Superseded(); } return value; };
      const quiet = e => { if (!(e instanceof Superseded)) { this.fail(e); } };
      if (this.view === "flags" || this.view === "segments") {
        this.loadLists(same).catch(quiet);
      } else if (this.view === "audit") {
        this.loadAudit(false, same).catch(quiet);
      }
    },

    // ----------------------------------------------------------------- lists
    async loadNamespaces() {
      if (this.auth.namespace) {
        // a namespace-scoped token reads only its namespace (contract 8.5)
        this.namespaces = [await this.call("GET", "/api/v1/namespaces/" + encodeURIComponent(this.auth.namespace))];
        this.ns = this.auth.namespace;
        return;
      }
      try {
        const list = await this.call("GET", "/api/v1/namespaces");
        this.namespaces = list.namespaces;
        if (!this.namespaces.some(n => n.key === this.ns) && this.namespaces.length) { this.ns = this.namespaces[0].key; }
      } catch (e) { this.fail(e); }
    },

    async loadLists(fresh = value => value) {
      const [flags, segments] = fresh(await Promise.all([
        this.call("GET", this.nsPath("/flags")),
        this.call("GET", this.nsPath("/segments")),
      ]));
      this.flags = flags.flags;
      this.segments = segments.segments;
      this.loaded = true;
    },

    filteredFlags() {
      const q = this.flagSearch.trim().toLowerCase();
      const list = q ? this.flags.filter(f => (f.key + " " + f.name + " " + f.description).toLowerCase().includes(q)) : this.flags.slice();
      const { key, dir } = this.flagSort;
      list.sort((a, b) => {
        const x = a[key], y = b[key];
        return (x < y ? -1 : x > y ? 1 : 0) * dir;
      });
      return list;
    },
    pagedFlags() { return this.filteredFlags().slice(this.flagPage * this.pageSize, (this.flagPage + 1) * this.pageSize); },
    sortFlags(key) {
      this.flagSort = { key, dir: this.flagSort.key === key ? -this.flagSort.dir : 1 };
      this.flagPage = 0;
    },
    sortMark(key) { return this.flagSort.key === key ? (this.flagSort.dir > 0 ? "▲" : "▼") : ""; },
    pagerText(total, page) {
      if (total === 0) { return "No flag matches."; }
      return (page * this.pageSize + 1) + "–" + Math.min(total, (page + 1) * this.pageSize) + " of " + total;
    },
    filteredSegments() {
      const q = this.segmentSearch.trim().toLowerCase();
      return q ? this.segments.filter(s => (s.key + " " + s.name + " " + s.description).toLowerCase().includes(q)) : this.segments;
    },

    // ----------------------------------------------------------------- flag
    async openFlag(key, fresh = value => value) {
      if (key === "new") {
        this.flag = { variants: [], type: "VARIANT_FLAG_TYPE" };
        this.flagForm = { isNew: true, key: "", name: "", description: "", type: "VARIANT_FLAG_TYPE", enabled: false,
          metadata: "{}", defaultVariantId: "", keyTouched: false, errors: {} };
        this.rules = [];
        this.rollouts = [];
        this.schedules = [];
        this.view = "flag";
        return;
      }
      const flag = fresh(await this.call("GET", this.nsPath("/flags/" + encodeURIComponent(key))));
      this.setFlag(flag);
      this.view = "flag";
      await this.loadTargeting(fresh);
      this.$nextTick(() => this.loadChart(this.chartRange));
    },

    setFlag(flag) {
      this.flag = flag;
      this.flagEtag = flag.$etag || null;
      this.flagForm = { isNew: false, key: flag.key, name: flag.name, description: flag.description, type: flag.type,
        enabled: flag.enabled, metadata: JSON.stringify(flag.metadata || {}),
        defaultVariantId: flag.defaultVariant ? flag.defaultVariant.id : "", errors: {} };
    },

    async loadTargeting(fresh = value => value) {
      const base = this.nsPath("/flags/" + encodeURIComponent(this.flag.key));
      if (this.flag.type === "BOOLEAN_FLAG_TYPE") {
        this.rollouts = fresh(await this.call("GET", base + "/rollouts")).rules;
        this.rules = [];
      } else {
        this.rules = fresh(await this.call("GET", base + "/rules")).rules;
        this.rollouts = [];
      }
      this.schedules = fresh(await this.call("GET", base + "/schedules")).schedules;
    },

    async reloadFlag() {
      this.setFlag(await this.call("GET", this.nsPath("/flags/" + encodeURIComponent(this.flag.key))));
      await this.loadTargeting();
    },

    async saveFlag() {
      const f = this.flagForm;
      f.errors = {};
      const body = { key: f.key, name: f.name, description: f.description, enabled: f.enabled,
        metadata: f.metadata.trim() ? JSON.parse(f.metadata) : {} };
      try {
        if (f.isNew) {
          body.type = f.type;
          const created = await this.call("POST", this.nsPath("/flags"), body);
          this.toast("info", "Flag " + created.key + " created.");
          this.go("#/namespaces/" + encodeURIComponent(this.ns) + "/flags/" + encodeURIComponent(created.key));
        } else {
          body.defaultVariantId = f.defaultVariantId;
          await this.call("PUT", this.nsPath("/flags/" + encodeURIComponent(f.key)), body, { ifMatch: this.flagEtag });
          this.toast("info", "Flag " + f.key + " saved.");
          await this.reloadFlag();
        }
      } catch (e) {
        this.fieldError(f.errors, e, ["key", "name"]);
      }
    },

    /** An API error next to the field it names ("invalid field key: …", "flag … is not unique"), else on the form. */
    fieldError(errors, e, fields) {
      if (e.status === 401 || e.status === 0) { this.fail(e); }
      const m = e.message;
      for (const field of fields) {
        if (m.includes("field " + field + ":") || (field === "key" && /is not unique|already exists/.test(m))) {
          errors[field] = m;
          return;
        }
      }
      errors.form = m;
      if (e.status !== 401 && e.status !== 0) { this.toast("error", m); }
    },

    deleteFlag() {
      this.confirm("Delete flag " + this.flag.key + "?",
        "Flag " + this.flag.key + " in namespace " + this.ns + " will be deleted with its variants, rules, distributions and rollouts. Applications evaluating it will get \"flag not found\".",
        "Delete flag " + this.flag.key, async () => {
          await this.call("DELETE", this.nsPath("/flags/" + encodeURIComponent(this.flag.key)), null, { ifMatch: this.flagEtag });
          this.toast("info", "Flag " + this.flag.key + " deleted.");
          this.go("#/namespaces/" + encodeURIComponent(this.ns) + "/flags");
        });
    },

    // ----------------------------------------------------------------- variants
    editVariant(v) {
      this.variantForm = v
        ? { id: v.id, key: v.key, name: v.name, description: v.description, attachment: v.attachment ? this.pretty(v.attachment) : "", errors: {} }
        : { id: null, key: "", name: "", description: "", attachment: "", errors: {} };
      this.dialog = "variant";
    },

    async saveVariant() {
      const v = this.variantForm;
      v.errors = {};
      const body = { key: v.key, name: v.name, description: v.description, attachment: v.attachment.trim() };
      const base = this.nsPath("/flags/" + encodeURIComponent(this.flag.key) + "/variants");
      try {
        if (v.id) { await this.call("PUT", base + "/" + v.id, body); } else { await this.call("POST", base, body); }
        this.dialog = null;
        this.toast("info", "Variant " + v.key + " saved.");
        await this.reloadFlag();
      } catch (e) {
        this.fieldError(v.errors, e, ["key", "attachment"]);
      }
    },

    deleteVariant(v) {
      this.confirm("Delete variant " + v.key + "?",
        "Variant " + v.key + " of flag " + this.flag.key + " will be deleted, and with it every distribution that hands it out.",
        "Delete variant " + v.key, async () => {
          await this.call("DELETE", this.nsPath("/flags/" + encodeURIComponent(this.flag.key) + "/variants/" + v.id));
          this.toast("info", "Variant " + v.key + " deleted.");
          await this.reloadFlag();
        });
    },

    variantIndex(id) { return Math.max(0, this.flag.variants.findIndex(x => x.id === id)); },
    variantKey(id) { const v = this.flag.variants.find(x => x.id === id); return v ? v.key : id; },

    // ----------------------------------------------------------------- rules and distributions
    ruleSegmentsText(r) {
      const keys = r.segmentKeys && r.segmentKeys.length ? r.segmentKeys : [r.segmentKey];
      return "entities in " + keys.join(r.segmentOperator === "AND_SEGMENT_OPERATOR" ? " AND " : " OR ");
    },

    // one row per variant of the flag with the rule's percentage for it (0 without a distribution)
    distributionRows(rule) {
      return this.flag.variants.map(v => {
        const d = rule ? (rule.distributions || []).find(x => x.variantId === v.id) : null;
        return { variantId: v.id, key: v.key, rollout: d ? d.rollout : 0, distributionId: d ? d.id : null };
      });
    },
    rowsSum(rows) { return Math.round(rows.reduce((s, r) => s + (Number(r.rollout) || 0), 0) * 100) / 100; },

    editRule(r) {
      const rows = this.distributionRows(r);
      if (!r && rows.length) { rows[0].rollout = 100; }
      this.ruleForm = {
        id: r ? r.id : null,
        segmentKeys: r ? (r.segmentKeys && r.segmentKeys.length ? r.segmentKeys.slice() : [r.segmentKey]) : [],
        segmentOperator: r ? r.segmentOperator : "OR_SEGMENT_OPERATOR",
        rows, error: "",
      };
      this.dialog = "rule";
    },

    ruleSum() { return this.rowsSum(this.ruleForm.rows); },
    // no variants: a rule without distributions (matches return the default variant), as Flipt's UI allows
    ruleSumOk() { return this.ruleForm.rows.length === 0 || this.ruleSum() === 100; },
    spreadEvenly() {
      const rows = this.ruleForm.rows;
      const n = rows.length;
      if (!n) { return; }
      const each = Math.floor(10000 / n) / 100;
      rows.forEach((row, i) => { row.rollout = i === n - 1 ? Math.round((100 - each * (n - 1)) * 100) / 100 : each; });
    },

    async saveRule() {
      const f = this.ruleForm;
      f.error = "";
      const base = this.nsPath("/flags/" + encodeURIComponent(this.flag.key) + "/rules");
      const segments = f.segmentKeys.length === 1 ? { segmentKey: f.segmentKeys[0] } : { segmentKeys: f.segmentKeys };
      try {
        let ruleId = f.id;
        if (f.id) {
          await this.call("PUT", base + "/" + f.id, { ...segments, segmentOperator: f.segmentOperator });
        } else {
          const created = await this.call("POST", base, { ...segments, segmentOperator: f.segmentOperator, rank: this.rules.length + 1 });
          ruleId = created.id;
        }
        for (const row of f.rows) {
          const rollout = Number(row.rollout) || 0;
          const d = base + "/" + ruleId + "/distributions";
          if (row.distributionId && rollout > 0) {
            await this.call("PUT", d + "/" + row.distributionId, { variantId: row.variantId, rollout });
          } else if (row.distributionId) {
            await this.call("DELETE", d + "/" + row.distributionId + "?variantId=" + encodeURIComponent(row.variantId));
          } else if (rollout > 0) {
            await this.call("POST", d, { variantId: row.variantId, rollout });
          }
        }
        this.dialog = null;
        this.toast("info", "Rule saved.");
        await this.loadTargeting();
      } catch (e) {
        f.error = e.message;
        this.fail(e);
        await this.loadTargeting().catch(() => {});
      }
    },

    deleteRule(r, i) {
      this.confirm("Delete rule #" + (i + 1) + "?",
        "Rule #" + (i + 1) + " of flag " + this.flag.key + " (" + this.ruleSegmentsText(r) + ") will be deleted with its distributions.",
        "Delete rule #" + (i + 1), async () => {
          await this.call("DELETE", this.nsPath("/flags/" + encodeURIComponent(this.flag.key) + "/rules/" + r.id));
          this.toast("info", "Rule deleted.");
          await this.loadTargeting();
        });
    },

    /** Drag-and-drop reordering (SortableJS); the new order is sent with PUT …/rules/order or …/rollouts/order. */
    makeSortable(el, kind) {
      Sortable.create(el, {
        animation: 150,
        handle: ".grip",
        draggable: ".rule-item",
        forceFallback: true, // mouse events rather than HTML5 drag and drop: the same on every browser
        fallbackOnBody: true,
        onEnd: async (evt) => {
          const ids = [...el.querySelectorAll(".rule-item:not(.sortable-fallback) > .grip")].map(g => g.dataset.id);
          // put the DOM back as Alpine rendered it, then let Alpine move the items from the reordered data
          el.removeChild(evt.item);
          const rest = [...el.children].filter(c => c.nodeName !== "TEMPLATE");
          el.insertBefore(evt.item, rest[evt.oldIndex] || null);
          if (ids.join() === this[kind].map(x => x.id).join()) { return; }
          this[kind] = ids.map(id => this[kind].find(x => x.id === id));
          const path = this.nsPath("/flags/" + encodeURIComponent(this.flag.key) + "/" + kind);
          try {
            await this.call("PUT", path + "/order", kind === "rules" ? { ruleIds: ids } : { rolloutIds: ids });
            this.toast("info", kind === "rules" ? "Rules reordered." : "Rollouts reordered.");
          } catch (e) {
            this.fail(e);
          }
          try {
            this[kind] = (await this.call("GET", path)).rules;
          } catch (e) {
            this.fail(e);
          }
        },
      });
    },

    // ----------------------------------------------------------------- rollouts
    rolloutText(r) {
      if (r.type === "THRESHOLD_ROLLOUT_TYPE") {
        return this.fmtPct(r.threshold.percentage) + " of entities get " + r.threshold.value;
      }
      const s = r.segment;
      const keys = s.segmentKeys && s.segmentKeys.length ? s.segmentKeys : [s.segmentKey];
      return "entities in " + keys.join(s.segmentOperator === "AND_SEGMENT_OPERATOR" ? " AND " : " OR ") + " get " + s.value;
    },

    editRollout(r) {
      if (r) {
        const seg = r.segment || {};
        this.rolloutForm = { id: r.id, kind: r.type === "THRESHOLD_ROLLOUT_TYPE" ? "threshold" : "segment",
          percentage: r.threshold ? r.threshold.percentage : 50,
          value: String(r.threshold ? r.threshold.value : seg.value),
          segmentKeys: seg.segmentKeys && seg.segmentKeys.length ? seg.segmentKeys.slice() : (seg.segmentKey ? [seg.segmentKey] : []),
          segmentOperator: seg.segmentOperator || "OR_SEGMENT_OPERATOR", description: r.description, error: "" };
      } else {
        this.rolloutForm = { id: null, kind: "threshold", percentage: 50, value: "true", segmentKeys: [],
          segmentOperator: "OR_SEGMENT_OPERATOR", description: "", error: "" };
      }
      this.dialog = "rollout";
    },

    async saveRollout() {
      const f = this.rolloutForm;
      f.error = "";
      const value = f.value === "true";
      const body = { description: f.description };
      if (f.kind === "threshold") {
        body.threshold = { percentage: Number(f.percentage), value };
      } else {
        body.segment = f.segmentKeys.length === 1 ? { segmentKey: f.segmentKeys[0] } : { segmentKeys: f.segmentKeys };
        body.segment.segmentOperator = f.segmentOperator;
        body.segment.value = value;
      }
      const base = this.nsPath("/flags/" + encodeURIComponent(this.flag.key) + "/rollouts");
      try {
        if (f.id) {
          await this.call("PUT", base + "/" + f.id, body);
        } else {
          body.rank = this.rollouts.length + 1;
          await this.call("POST", base, body);
        }
        this.dialog = null;
        this.toast("info", "Rollout saved.");
        await this.loadTargeting();
      } catch (e) {
        f.error = e.message;
        this.fail(e);
      }
    },

    deleteRollout(r, i) {
      this.confirm("Delete rollout #" + (i + 1) + "?",
        "Rollout #" + (i + 1) + " of flag " + this.flag.key + " (" + this.rolloutText(r) + ") will be deleted.",
        "Delete rollout #" + (i + 1), async () => {
          await this.call("DELETE", this.nsPath("/flags/" + encodeURIComponent(this.flag.key) + "/rollouts/" + r.id));
          this.toast("info", "Rollout deleted.");
          await this.loadTargeting();
        });
    },

    // ----------------------------------------------------------------- scheduled changes
    fmtWhen(at) { return new Date(at).toLocaleString(); },

    thresholdRollouts() { return this.rollouts.filter(r => r.type === "THRESHOLD_ROLLOUT_TYPE"); },

    scheduleText(c) {
      const variant = id => (this.flag.variants.find(v => v.id === id) || { key: id }).key;
      switch (c.type) {
        case "ENABLE": return "enable the flag";
        case "DISABLE": return "disable the flag";
        case "SET_DEFAULT_VARIANT": return "default variant → " + variant(c.variantId);
        case "SET_ROLLOUT_THRESHOLD": {
          const i = this.rollouts.findIndex(r => r.id === c.rolloutId);
          return "rollout " + (i >= 0 ? "#" + (i + 1) : c.rolloutId) + " → " + this.fmtPct(c.percentage);
        }
        case "SET_RULE_DISTRIBUTIONS": {
          const i = this.rules.findIndex(r => r.id === c.ruleId);
          return "rule " + (i >= 0 ? "#" + (i + 1) : c.ruleId) + " → "
            + ((c.distributions || []).map(d => variant(d.variantId) + " " + this.fmtPct(d.rollout)).join(", ") || "no distributions");
        }
        default: return c.type;
      }
    },

    newSchedule() {
      // an hour from now, in the local time a datetime-local input shows
      const d = new Date(Date.now() + 3600 * 1000);
      d.setSeconds(0, 0);
      const local = new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 19);
      const threshold = this.thresholdRollouts()[0];
      this.scheduleForm = { at: local, type: this.flag.enabled ? "DISABLE" : "ENABLE",
        variantId: this.flag.variants.length ? this.flag.variants[0].id : "",
        rolloutId: threshold ? threshold.id : "", percentage: threshold ? threshold.threshold.percentage : 50,
        ruleId: this.rules.length ? this.rules[0].id : "", rows: this.scheduleRows(this.rules.length ? this.rules[0].id : ""),
        error: "" };
      this.dialog = "schedule";
    },

    // SET_RULE_DISTRIBUTIONS: one row per variant, starting from what the rule has now (100% on the first
    // variant when it has nothing), as the rule dialog
    scheduleRows(ruleId) {
      const rows = this.distributionRows(this.rules.find(r => r.id === ruleId));
      if (rows.length && rows.every(row => !row.rollout)) { rows[0].rollout = 100; }
      return rows;
    },
    scheduleSum() { return this.rowsSum(this.scheduleForm.rows || []); },
    scheduleSumOk() { return this.scheduleSum() === 100; },

    async saveSchedule() {
      const f = this.scheduleForm;
      f.error = "";
      const when = new Date(f.at); // datetime-local: the browser's time zone
      if (isNaN(when.getTime())) { f.error = "Choose a date and time."; return; }
      const change = { type: f.type };
      if (f.type === "SET_DEFAULT_VARIANT") { change.variantId = f.variantId; }
      if (f.type === "SET_ROLLOUT_THRESHOLD") { change.rolloutId = f.rolloutId; change.percentage = Number(f.percentage); }
      if (f.type === "SET_RULE_DISTRIBUTIONS") {
        if (!this.scheduleSumOk()) { f.error = "The percentages must add up to 100."; return; }
        // variants at 0% are left out: the rule then has no distribution for them, as the API's complete list means
        change.ruleId = f.ruleId;
        change.distributions = f.rows.filter(r => Number(r.rollout) > 0)
          .map(r => ({ variantId: r.variantId, rollout: Number(r.rollout) }));
      }
      try {
        await this.call("POST", this.nsPath("/flags/" + encodeURIComponent(this.flag.key) + "/schedules"),
          { at: when.toISOString(), change });
        this.dialog = null;
        this.toast("info", "Change scheduled for " + when.toLocaleString() + ".");
        await this.loadTargeting();
      } catch (e) {
        f.error = e.message;
        this.fail(e);
      }
    },

    deleteSchedule(s) {
      this.confirm("Delete this scheduled change?",
        "The change \"" + this.scheduleText(s.change) + "\" of flag " + this.flag.key + " at " + this.fmtWhen(s.at)
          + (s.state === "PENDING" ? " will not run." : " is removed from the list (what it changed stays)."),
        "Delete schedule", async () => {
          await this.call("DELETE", this.nsPath("/flags/" + encodeURIComponent(this.flag.key) + "/schedules/" + s.id));
          this.toast("info", "Scheduled change deleted.");
          await this.loadTargeting();
        });
    },

    // ----------------------------------------------------------------- evaluation chart
    async loadChart(range) {
      this.chartRange = range;
      const to = new Date();
      const from = new Date(to.getTime() - (range === "hour" ? 3600e3 : 86400e3));
      const path = "/internal/v1/analytics/namespaces/" + encodeURIComponent(this.ns) + "/flags/"
        + encodeURIComponent(this.flag.key) + "?from=" + encodeURIComponent(from.toISOString())
        + "&to=" + encodeURIComponent(to.toISOString());
      try {
        const data = await this.call("GET", path);
        const total = data.values.reduce((s, v) => s + v, 0);
        this.chartTotal = total + " evaluation" + (total === 1 ? "" : "s") + " in the last " + range
          + " on this Flagstaff instance";
        const canvas = this.$refs.chart;
        if (!canvas) { return; }
        const labels = data.timestamps.map(t => new Date(t).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }));
        const color = getComputedStyle(document.documentElement).getPropertyValue("--pico-primary").trim() || "#0172ad";
        if (this.chart) { this.chart.destroy(); }
        this.chart = Alpine.raw(new Chart(canvas, {
          type: "bar",
          data: { labels, datasets: [{ label: "Evaluations", data: data.values, backgroundColor: color }] },
          options: { animation: false, maintainAspectRatio: false, plugins: { legend: { display: false } },
            scales: { x: { ticks: { maxRotation: 0, autoSkip: true, maxTicksLimit: 8 } },
              y: { beginAtZero: true, ticks: { precision: 0 } } } },
        }));
      } catch (e) {
        this.fail(e);
      }
    },

    // ----------------------------------------------------------------- segments and constraints
    async openSegment(key, fresh = value => value) {
      if (key === "new") {
        this.segment = { constraints: [] };
        this.segmentForm = { isNew: true, key: "", name: "", description: "", matchType: "ALL_MATCH_TYPE", keyTouched: false, errors: {} };
        this.view = "segment";
        return;
      }
      this.setSegment(fresh(await this.call("GET", this.nsPath("/segments/" + encodeURIComponent(key)))));
      this.view = "segment";
    },

    setSegment(s) {
      this.segment = s;
      this.segmentEtag = s.$etag || null;
      this.segmentForm = { isNew: false, key: s.key, name: s.name, description: s.description, matchType: s.matchType, errors: {} };
    },

    async saveSegment() {
      const f = this.segmentForm;
      f.errors = {};
      const body = { key: f.key, name: f.name, description: f.description, matchType: f.matchType };
      try {
        if (f.isNew) {
          const created = await this.call("POST", this.nsPath("/segments"), body);
          this.toast("info", "Segment " + created.key + " created.");
          this.go("#/namespaces/" + encodeURIComponent(this.ns) + "/segments/" + encodeURIComponent(created.key));
        } else {
          this.setSegment(await this.call("PUT", this.nsPath("/segments/" + encodeURIComponent(f.key)), body, { ifMatch: this.segmentEtag }));
          this.toast("info", "Segment " + f.key + " saved.");
        }
      } catch (e) {
        this.fieldError(f.errors, e, ["key", "name"]);
      }
    },

    deleteSegment() {
      const key = this.segment.key;
      this.confirm("Delete segment " + key + "?",
        "Segment " + key + " in namespace " + this.ns + " will be deleted with its " + this.segment.constraints.length + " constraint(s). A segment that rules or rollouts use cannot be deleted.",
        "Delete segment " + key, async () => {
          await this.call("DELETE", this.nsPath("/segments/" + encodeURIComponent(key)), null, { ifMatch: this.segmentEtag });
          this.toast("info", "Segment " + key + " deleted.");
          this.go("#/namespaces/" + encodeURIComponent(this.ns) + "/segments");
        });
    },

    typeLabel(t) { const x = CONSTRAINT_TYPES.find(c => c.value === t); return x ? x.label : t; },
    operatorLabel(o) { return OPERATOR_LABELS[o] || o; },
    operatorsFor(type) { return OPERATORS[type] || []; },
    operatorNeedsValue(o) { return !NO_VALUE.includes(o); },
    isListOperator(o) { return o === "isoneof" || o === "isnotoneof"; },
    valueHint() {
      const f = this.constraintForm;
      if (this.isListOperator(f.operator)) {
        return f.type === "NUMBER_COMPARISON_TYPE" ? "a JSON array of numbers, e.g. [1, 2]" : "a JSON array of strings, e.g. [\"a\", \"b\"]";
      }
      return f.type === "DATETIME_COMPARISON_TYPE" ? "RFC 3339, e.g. 2025-01-01T00:00:00Z, or a date 2025-01-01" : "";
    },

    editConstraint(c) {
      this.constraintForm = c
        ? { id: c.id, type: c.type, property: c.property, operator: c.operator, value: c.value, description: c.description, error: "" }
        : { id: null, type: "STRING_COMPARISON_TYPE", property: "", operator: "eq", value: "", description: "", error: "" };
      this.dialog = "constraint";
    },

    constraintTypeChanged() {
      const f = this.constraintForm;
      if (!this.operatorsFor(f.type).includes(f.operator)) { f.operator = this.operatorsFor(f.type)[0]; }
      if (f.type === "ENTITY_ID_COMPARISON_TYPE") { f.property = "entityId"; }
    },

    async saveConstraint() {
      const f = this.constraintForm;
      f.error = "";
      const body = { type: f.type, property: f.property, operator: f.operator,
        value: this.operatorNeedsValue(f.operator) ? String(f.value) : "", description: f.description };
      const base = this.nsPath("/segments/" + encodeURIComponent(this.segment.key) + "/constraints");
      try {
        if (f.id) { await this.call("PUT", base + "/" + f.id, body); } else { await this.call("POST", base, body); }
        this.dialog = null;
        this.toast("info", "Constraint saved.");
        this.setSegment(await this.call("GET", this.nsPath("/segments/" + encodeURIComponent(this.segment.key))));
      } catch (e) {
        f.error = e.message;
        this.fail(e);
      }
    },

    deleteConstraint(c) {
      const text = c.property + " " + this.operatorLabel(c.operator) + (c.value ? " " + c.value : "");
      this.confirm("Delete constraint?", "The constraint " + text + " of segment " + this.segment.key + " will be deleted.",
        "Delete constraint", async () => {
          await this.call("DELETE", this.nsPath("/segments/" + encodeURIComponent(this.segment.key) + "/constraints/" + c.id));
          this.toast("info", "Constraint deleted.");
          this.setSegment(await this.call("GET", this.nsPath("/segments/" + encodeURIComponent(this.segment.key))));
        });
    },

    // ----------------------------------------------------------------- evaluation console
    contextError() {
      const text = this.consoleForm.context.trim();
      if (!text) { return ""; }
      try {
        const o = JSON.parse(text);
        if (typeof o !== "object" || o === null || Array.isArray(o)) { return "The context must be a JSON object."; }
        const bad = Object.keys(o).find(k => typeof o[k] !== "string");
        return bad ? "Context values must be strings: \"" + bad + "\" is not." : "";
      } catch (e) {
        return "Not valid JSON: " + e.message;
      }
    },

    consoleRequest() {
      const f = this.flags.find(x => x.key === this.consoleForm.flagKey);
      const boolean = f && f.type === "BOOLEAN_FLAG_TYPE";
      let context = {};
      try { context = this.consoleForm.context.trim() ? JSON.parse(this.consoleForm.context) : {}; } catch (e) { context = {}; }
      return { path: boolean ? "/evaluate/v1/boolean" : "/evaluate/v1/variant",
        body: { namespaceKey: this.ns, flagKey: this.consoleForm.flagKey, entityId: this.consoleForm.entityId, context } };
    },

    curlCommand() {
      const r = this.consoleRequest();
      const auth = this.auth.required ? " \\\n  -H 'Authorization: Bearer $FLAGSTAFF_TOKEN'" : "";
      return "curl -s -X POST " + location.origin + r.path + " \\\n  -H 'Content-Type: application/json'" + auth
        + " \\\n  -d '" + JSON.stringify(r.body).replace(/'/g, "'\\''") + "'";
    },

    async evaluate() {
      const r = this.consoleRequest();
      this.consoleForm.error = "";
      this.consoleForm.result = "";
      try {
        const answer = await this.call("POST", r.path, r.body);
        this.consoleForm.answer = answer;
        this.consoleForm.result = JSON.stringify(answer, null, 2);
      } catch (e) {
        this.consoleForm.error = e.message;
        this.fail(e);
      }
    },

    consoleSummary() {
      const a = this.consoleForm.answer;
      if (!a) { return ""; }
      if ("enabled" in a && !("variantKey" in a)) { return "enabled: " + a.enabled + " (" + a.reason + ")"; }
      return a.match ? "variant " + a.variantKey + " (" + a.reason + ")" : "no match (" + a.reason + ")";
    },

    // ----------------------------------------------------------------- settings: namespaces and tokens
    editNamespace(n) {
      this.namespaceForm = n ? { isNew: false, key: n.key, name: n.name, description: n.description, error: "" }
        : { isNew: true, key: "", name: "", description: "", error: "" };
      this.dialog = "namespace";
    },

    async saveNamespace() {
      const f = this.namespaceForm;
      f.error = "";
      const body = { key: f.key, name: f.name, description: f.description };
      try {
        if (f.isNew) { await this.call("POST", "/api/v1/namespaces", body); }
        else { await this.call("PUT", "/api/v1/namespaces/" + encodeURIComponent(f.key), body); }
        this.dialog = null;
        this.toast("info", "Namespace " + f.key + " saved.");
        await this.loadNamespaces();
      } catch (e) {
        f.error = e.message;
        this.fail(e);
      }
    },

    deleteNamespace(n) {
      this.confirm("Delete namespace " + n.key + "?",
        "Namespace " + n.key + " will be deleted. Flagstaff refuses while it still has flags: delete them first.",
        "Delete namespace " + n.key, async () => {
          await this.call("DELETE", "/api/v1/namespaces/" + encodeURIComponent(n.key));
          this.toast("info", "Namespace " + n.key + " deleted.");
          if (this.ns === n.key) { this.ns = "default"; }
          await this.loadNamespaces();
        });
    },

    async loadTokens() {
      try {
        const all = [];
        let page = "";
        do {
          const list = await this.call("GET", "/auth/v1/tokens?method=METHOD_TOKEN&limit=100" + (page ? "&pageToken=" + page : ""));
          all.push(...list.authentications);
          page = list.nextPageToken;
        } while (page);
        this.tokens = all;
      } catch (e) { this.fail(e); }
    },

    openTokenDialog() {
      this.tokenForm = { name: "", description: "", role: "viewer", namespaceKey: "", expiresAt: "", error: "", created: "" };
      this.dialog = "token";
    },

    /** The new token leaves the page when the dialog closes: it is shown this once. */
    async closeTokenDialog() {
      this.tokenForm = { created: "" };
      this.dialog = null;
      await this.loadTokens();
    },

    async createToken() {
      const f = this.tokenForm;
      f.error = "";
      const body = { name: f.name, description: f.description, role: f.role };
      if (f.namespaceKey) { body.namespaceKey = f.namespaceKey; }
      if (f.expiresAt) { body.expiresAt = new Date(f.expiresAt).toISOString(); }
      try {
        const created = await this.call("POST", "/auth/v1/method/token", body);
        f.created = created.clientToken;
      } catch (e) {
        f.error = e.message;
        this.fail(e);
      }
    },

    deleteToken(t) {
      const name = t.metadata["io.flipt.auth.token.name"] || t.id;
      this.confirm("Delete token " + name + "?",
        "Token " + name + " (" + (t.metadata["io.flagstaff.auth.token.role"] || "") + ") will stop working at once for everything that uses it.",
        "Delete token " + name, async () => {
          await this.call("DELETE", "/auth/v1/tokens/" + encodeURIComponent(t.id));
          this.toast("info", "Token " + name + " deleted.");
          await this.loadTokens();
        });
    },

    // ----------------------------------------------------------------- copy to another namespace
    openCopy(kind, key) {
      this.copyForm = { kind, key, target: "", error: "", busy: false };
      this.dialog = "copy";
    },

    async exists(path) {
      try { await this.call("GET", path); return true; } catch (e) { if (e.status === 404) { return false; } throw e; }
    },

    async runCopy() {
      const f = this.copyForm;
      f.error = "";
      f.busy = true;
      try {
        const report = f.kind === "flag" ? await this.copyFlag(f.key, f.target) : await this.copySegment(f.key, f.target);
        this.dialog = null;
        this.toast("info", report);
      } catch (e) {
        f.error = e.message;
        if (e.status) { this.fail(e); }
      } finally {
        f.busy = false;
      }
    },

    /** The server's 400 for a taken key, said the console's way; any other error as it is. */
    copyRefused(e, kind, key, target) {
      if (e.status === 400 && /is not unique$/.test(e.message)) {
        return new Error("Namespace " + target + " already has a " + kind + " " + key + "; nothing was copied.");
      }
      return e;
    },

    /** Copies one segment with its constraints on the server (POST …/segments/{key}/copy, one transaction). */
    async copySegment(key, target) {
      let s;
      try {
        s = await this.call("POST", this.nsPath("/segments/" + encodeURIComponent(key) + "/copy"), { namespaceKey: target, key });
      } catch (e) {
        throw this.copyRefused(e, "segment", key, target);
      }
      return "Copied segment " + key + " with " + s.constraints.length + " constraint(s) to " + target + ".";
    },

    /**
     * Copies a flag on the server (POST …/flags/{key}/copy, one transaction): variants, rules, rollouts, and the
     * segments they use where the target lacks them. The report says which segments came along and which the
     * target already had (looked up before the copy).
     */
    async copyFlag(key, target) {
      const to = "/api/v1/namespaces/" + encodeURIComponent(target);
      const from = this.nsPath("/flags/" + encodeURIComponent(key));
      const flag = await this.call("GET", from);
      const rules = flag.type === "VARIANT_FLAG_TYPE" ? (await this.call("GET", from + "/rules")).rules : [];
      const rollouts = flag.type === "BOOLEAN_FLAG_TYPE" ? (await this.call("GET", from + "/rollouts")).rules : [];
      const needed = new Set();
      rules.forEach(r => (r.segmentKeys && r.segmentKeys.length ? r.segmentKeys : [r.segmentKey]).forEach(k => needed.add(k)));
      rollouts.filter(r => r.segment).forEach(r => (r.segment.segmentKeys && r.segment.segmentKeys.length ? r.segment.segmentKeys : [r.segment.segmentKey]).forEach(k => needed.add(k)));
      const segmentNotes = [];
      for (const k of needed) {
        segmentNotes.push(await this.exists(to + "/segments/" + encodeURIComponent(k)) ? "reused segment " + k : "copied " + k);
      }
      try {
        await this.call("POST", from + "/copy", { namespaceKey: target, key });
      } catch (e) {
        throw this.copyRefused(e, "flag", key, target);
      }
      const parts = [(flag.variants || []).length + " variant(s)", rules.length + " rule(s)", rollouts.length + " rollout(s)"];
      return "Copied flag " + key + " to " + target + " with " + parts.join(", ") + "; segments: "
        + (segmentNotes.length ? segmentNotes.join(", ") : "none") + ".";
    },

    // ----------------------------------------------------------------- confirmation, palette, theme, helpers
    confirm(title, text, action, run) {
      this.confirmForm = { title, text, action, run };
      this.dialog = "confirm";
    },
    async confirmYes() {
      const run = this.confirmForm.run;
      this.dialog = null;
      try { await run(); } catch (e) { this.fail(e); }
    },

    globalKey(e) {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "k" && this.ready && !this.loginNeeded) {
        e.preventDefault();
        this.openPalette();
      } else if (e.key === "Escape" && this.dialog) {
        this.dialog = null;
      }
    },
    async openPalette() {
      this.paletteQuery = "";
      this.paletteIndex = 0;
      this.dialog = "palette";
      this.$nextTick(() => this.$refs.paletteInput && this.$refs.paletteInput.focus());
      if (!this.loaded) { await this.loadLists().catch(e => this.fail(e)); }
    },
    paletteResults() {
      const q = this.paletteQuery.trim().toLowerCase();
      const match = x => !q || x.key.toLowerCase().includes(q) || (x.name || "").toLowerCase().includes(q);
      return [
        ...this.flags.filter(match).map(f => ({ kind: "flag", key: f.key, name: f.name })),
        ...this.segments.filter(match).map(s => ({ kind: "segment", key: s.key, name: s.name })),
      ].slice(0, 12);
    },
    paletteGo(r) {
      if (!r) { return; }
      this.dialog = null;
      this.go("#/namespaces/" + encodeURIComponent(this.ns) + "/" + r.kind + "s/" + encodeURIComponent(r.key));
    },

    toggleTheme() {
      this.theme = this.theme === "dark" ? "light" : "dark";
      document.documentElement.dataset.theme = this.theme;
      localStorage.setItem("flagstaff-theme", this.theme);
      if (this.chart && this.view === "flag") { this.loadChart(this.chartRange); }
    },

    jsonError(text, objectOnly) {
      if (!text || !text.trim()) { return ""; }
      try {
        const v = JSON.parse(text);
        if (objectOnly && (typeof v !== "object" || v === null || Array.isArray(v))) { return "Must be a JSON object."; }
        return "";
      } catch (e) {
        return "Not valid JSON: " + e.message;
      }
    },
    pretty(text) { try { return JSON.stringify(JSON.parse(text), null, 2); } catch (e) { return text; } },
    slug(name) { return name.trim().toLowerCase().replace(/[^a-z0-9_-]+/g, "-").replace(/^-+|-+$/g, ""); },
    fmtPct(n) { return (Math.round(Number(n) * 100) / 100) + "%"; },
    ago(ts) {
      if (!ts) { return ""; }
      const s = (Date.now() - new Date(ts).getTime()) / 1000;
      if (s < 0) { return "in " + this.span(-s); }
      return this.span(s) + " ago";
    },
    span(s) {
      if (s < 60) { return Math.floor(s) + "s"; }
      if (s < 3600) { return Math.floor(s / 60) + " min"; }
      if (s < 86400) { return Math.floor(s / 3600) + " h"; }
      return Math.floor(s / 86400) + " d";
    },
    copyText(text) {
      navigator.clipboard.writeText(text).then(() => this.toast("info", "Copied."), () => this.toast("error", "Copying failed: select the token and copy it by hand."));
    },
  }));
});
