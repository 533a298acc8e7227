// eventwire dashboard: map, timeline, table, event panel and review. Plain JavaScript, no build step.
// Everything that comes from data is put into the page as text (textContent / text nodes), never as HTML.
"use strict";

const TYPE_COLOURS = {
  "Battles": "#d1495b",
  "Explosions/Remote violence": "#ed8b2f",
  "Violence against civilians": "#8e5ac8",
  "Protests": "#2f7ed8",
  "Riots": "#d6559a",
  "Strategic developments": "#3a9a6b",
};
const NO_TYPE_COLOUR = "#7d8796";
const MAX_EVENTS = 5000;     // the map and table show at most this many of the matching events
const PAGE = 1000;
const TOKEN_KEY = "eventwire.token";
const ROLES = ["reader", "reviewer", "editor", "admin"];  // each includes the ones before it (eventwire/roles.py)

const state = {
  meta: null,
  events: [],
  total: 0,
  stats: null,          // /api/stats of the view (filters and brushed period): counters and charts
  timelineStats: null,  // /api/stats of the filters alone: the timeline, which shows the brush over it
  brush: null,          // [fromISO, toISO] chosen on the timeline
  sort: { key: "date", desc: true },
  selected: null,       // event id
  reviewer: null,       // the signed-in token's holder, and its role
  role: null,
  loadSeq: 0,
  filtersLoaded: null,  // the filters (query string) of the last load
};

// -- small DOM helpers --------------------------------------------------------------------------------
const $ = (sel) => document.querySelector(sel);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "style") Object.assign(node.style, v);
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (k === "dataset") Object.assign(node.dataset, v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function toast(message, kind) {
  const t = $("#toast");
  t.textContent = message;
  t.className = "toast " + (kind || "");
  t.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { t.hidden = true; }, 4000);
}

const fmt = new Intl.NumberFormat("en");
const typeColour = (t) => TYPE_COLOURS[t] || NO_TYPE_COLOUR;
const actorName = (a) => (a && a.name) || "";
const locationOf = (ev) => ev.location || {};

// -- the API ------------------------------------------------------------------------------------------
function token() { return localStorage.getItem(TOKEN_KEY); }

async function api(path, options) {
  const opts = Object.assign({ headers: {} }, options || {});
  const t = token();
  if (t) opts.headers["Authorization"] = "Bearer " + t;
  if (opts.json !== undefined) {
    opts.headers["Content-Type"] = "application/json";
    opts.body = JSON.stringify(opts.json);
  }
  const res = await fetch(path, opts);
  if (!res.ok) {
    let detail = res.statusText;
    try { detail = (await res.json()).detail || detail; } catch (e) { /* not JSON */ }
    const err = new Error(typeof detail === "string" ? detail : JSON.stringify(detail));
    err.status = res.status;
    throw err;
  }
  return res.json();
}

function filterParams(withBrush) {
  const p = UrlState.formParams();  // state.js: every filter of the form
  if (withBrush && state.brush) {
    const from = p.get("date_from"), to = p.get("date_to");
    p.set("date_from", from && from > state.brush[0] ? from : state.brush[0]);
    p.set("date_to", to && to < state.brush[1] ? to : state.brush[1]);
  }
  return p;
}

// the charts rank the top countries and actors by events or by fatalities: ask for more than they show, so
// that the ten with most fatalities are among those the API ranked by events
function statsParams(withBrush) {
  const p = filterParams(withBrush);
  p.set("top", "100");
  p.set("bins", "week_in_month");  // the charts show weeks or months: both sum these bins exactly, not 3,650 days
  return p;
}

// -- loading ------------------------------------------------------------------------------------------
async function loadAll() {
  const seq = ++state.loadSeq;
  state.filtersLoaded = filterParams(false).toString();
  document.body.classList.add("loading");
  try {
    const whole = api("/api/stats?" + statsParams(false));
    const [stats] = await Promise.all([whole, loadView(seq, whole)]);
    if (seq !== state.loadSeq) return;
    state.timelineStats = stats;
    renderTimeline();
    fillChoices();
    Views.fillRegions(state.events);
  } catch (e) {
    handleError(e);
  } finally {
    if (seq === state.loadSeq) document.body.classList.remove("loading");
  }
}

// The counters, charts, map and table: all of the brushed period (or, unbrushed, `whole`, the filters' stats).
async function loadView(seq, whole) {
  const viewStats = state.brush ? api("/api/stats?" + statsParams(true)) : whole;
  const [stats] = await Promise.all([viewStats, loadEvents(seq)]);
  if (seq !== state.loadSeq) return;
  state.stats = stats;
  renderKpis();
  Charts.render(stats);
}

async function loadEvents(seq) {
  const params = filterParams(true);
  params.set("limit", String(PAGE));
  params.set("fields", "brief");  // the table and the map need no more; the event panel fetches the whole record
  params.set("count", "true");
  let page = await api("/api/events?" + params);
  const events = page.events;
  const total = page.total;
  params.delete("count");
  while (page.next_cursor && events.length < MAX_EVENTS) {
    params.set("cursor", page.next_cursor);
    page = await api("/api/events?" + params);
    events.push(...page.events);
  }
  if (seq !== state.loadSeq) return;
  state.events = events;
  state.total = total;
  renderMap();
  renderTable();
  const exp = filterParams(true);
  exp.delete("review");  // exports leave rejected events out
  Views.exportLinks(exp);
}

function handleError(e) {
  if (e.status === 401 && state.reviewer) {
    localStorage.removeItem(TOKEN_KEY);  // revoked since signing in
    setReviewer(null);
    toast("Your token is no longer valid: sign in again.", "error");
    openSignin();
  } else if (e.status === 401) {
    toast("This server is private: sign in with a token to see its events.", "error");
    openSignin();
  } else if (e.status === 403) {
    toast("Not allowed: " + (e.message || "your token's role is too low for this"), "error");
  } else {
    toast(e.message || String(e), "error");
  }
}

// -- KPIs, legend, filter choices ---------------------------------------------------------------------
function renderKpis() {
  const s = state.stats;
  $("#kpi-events").textContent = fmt.format(s.events);
  $("#kpi-fatalities").textContent = fmt.format(s.fatalities);
  $("#kpi-countries").textContent = fmt.format(s.by_country.filter((c) => c.country).length);
  $("#kpi-days").textContent = fmt.format(s.by_day.length);
}

function renderLegend() {
  const box = $("#legend");
  box.replaceChildren(...Object.entries(TYPE_COLOURS).map(([t, c]) =>
    el("button", { type: "button", class: "chip", title: "Show only " + t, onclick: () => {
      $("#f-type").value = $("#f-type").value === t ? "" : t;
      onFiltersChanged();
    } }, el("span", { class: "dot", style: { background: c } }), t)),
  el("span", { class: "chip plover-only", title: "Events coded in PLOVER only: no ACLED event type fits them" },
    el("span", { class: "dot", style: { background: NO_TYPE_COLOUR } }), "PLOVER only (no ACLED type)"));
}

function fillChoices() {
  const sel = $("#f-country");
  const current = sel.value;
  const names = (state.meta && state.meta.countries) || {};
  const codes = new Set(state.timelineStats.by_country.map((c) => c.country).filter(Boolean));
  if (current) codes.add(current);
  sel.replaceChildren(el("option", { value: "" }, "All countries"),
    ...[...codes].sort((a, b) => (names[a] || a).localeCompare(names[b] || b))
      .map((c) => el("option", { value: c }, (names[c] || c) + " (" + c + ")")));
  sel.value = current;
  $("#actor-list").replaceChildren(...state.timelineStats.by_actor.map((a) => el("option", { value: a.actor })));
}

function fillTypes() {
  const sel = $("#f-type");
  const groups = {};
  for (const [sub, type] of Object.entries(state.meta.sub_event_types)) (groups[type] = groups[type] || []).push(sub);
  sel.replaceChildren(el("option", { value: "" }, "All types"),
    ...state.meta.event_types.map((t) => el("optgroup", { label: t },
      el("option", { value: t }, t + " (all)"),
      ...(groups[t] || []).map((s) => el("option", { value: s }, s)))));
}

// -- the map (map.js) ---------------------------------------------------------------------------------
function initMap() {
  EventMap.init($("#map"), { colourOf: typeColour, typeOrder: Object.keys(TYPE_COLOURS), onSelect: selectEvent, api,
    onError: (message) => toast(message, "error") });
}

function renderMap() { EventMap.render(state.events); }

// -- the timeline -------------------------------------------------------------------------------------
const DAY = 86400000;
const dayNum = (iso) => Math.floor(Date.parse(iso + "T00:00:00Z") / DAY);
const isoOf = (n) => new Date(n * DAY).toISOString().slice(0, 10);
const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attrs, text) {
  const n = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) n.setAttribute(k, String(v));
  if (text !== undefined) n.textContent = text;
  return n;
}

let timelineScale = null;

function renderTimeline() {
  const box = $("#timeline");
  const days = state.timelineStats.by_day;
  const width = box.clientWidth || 800, height = box.clientHeight || 150;
  const m = { l: 40, r: 46, t: 10, b: 22 };
  box.setAttribute("viewBox", `0 0 ${width} ${height}`);
  box.replaceChildren();
  if (!days.length) {
    box.append(svg("text", { x: width / 2, y: height / 2, class: "empty", "text-anchor": "middle" },
      "No dated events match the filters"));
    timelineScale = null;
    return;
  }
  let d0 = dayNum(days[0].date), d1 = dayNum(days[days.length - 1].date);
  if (d1 - d0 < 14) { const pad = Math.ceil((14 - (d1 - d0)) / 2); d0 -= pad; d1 += pad; }
  const span = d1 - d0 + 1;
  const iw = width - m.l - m.r, ih = height - m.t - m.b;
  const x = (d) => m.l + ((d - d0) / span) * iw;
  // a long period is drawn in bins of several days (at least 3 px a bar); the brush still picks days
  const binDays = Math.max(1, Math.ceil(span / (iw / 3)));
  const bins = new Map();
  for (const d of days) {
    const start = d0 + Math.floor((dayNum(d.date) - d0) / binDays) * binDays;
    const b = bins.get(start) || { start, events: 0, fatalities: 0 };
    b.events += d.events; b.fatalities += d.fatalities;
    bins.set(start, b);
  }
  // every bin from the first to the last, empty ones as zero, so that the fatalities line drops to 0 in gaps
  const binned = [];
  for (let start = d0; start <= d1; start += binDays) binned.push(bins.get(start) || { start, events: 0, fatalities: 0 });
  const maxEvents = Math.max(...binned.map((d) => d.events));
  const maxDead = Math.max(1, ...binned.map((d) => d.fatalities));
  const yE = (v) => m.t + ih - (v / maxEvents) * ih;
  const yF = (v) => m.t + ih - (v / maxDead) * ih;
  const bw = Math.max(1.5, (iw / span) * binDays - 1);
  timelineScale = { d0, span, m, iw, x };
  $("#bin-label").textContent = binDays > 1 ? `(bars of ${binDays} days)` : "";

  const grid = svg("g", { class: "grid" });
  for (const f of [0.5, 1]) grid.append(svg("line", { x1: m.l, x2: width - m.r, y1: m.t + ih * (1 - f), y2: m.t + ih * (1 - f) }));
  box.append(grid);
  const bars = svg("g", { class: "bars" });
  for (const d of binned) {
    if (!d.events) continue;
    const first = isoOf(d.start), last = isoOf(d.start + binDays - 1);
    const inBrush = !state.brush || (last >= state.brush[0] && first <= state.brush[1]);
    const bar = svg("rect", { x: x(d.start), y: yE(d.events), width: bw, height: m.t + ih - yE(d.events),
      class: inBrush ? "bar" : "bar dim" });
    const when = binDays === 1 ? first : `${first} to ${last}`;
    bar.append(svg("title", {}, `${when}: ${d.events} events, ${d.fatalities} killed`));
    bars.append(bar);
  }
  box.append(bars);
  const path = binned.map((d, i) => `${i ? "L" : "M"}${x(d.start) + bw / 2},${yF(d.fatalities)}`).join("");
  box.append(svg("path", { d: path, class: "fatal-line" }));
  for (const d of binned) if (d.fatalities) box.append(svg("circle", { cx: x(d.start) + bw / 2, cy: yF(d.fatalities), r: 2.5, class: "fatal-dot" }));

  const axis = svg("g", { class: "axis" });
  const ticks = Math.min(8, span, Math.max(2, Math.floor(iw / 110)));  // a phone gets fewer, readable dates
  for (let i = 0; i <= ticks; i++) {
    const n = Math.round(d0 + (i * (span - 1)) / ticks);
    axis.append(svg("text", { x: x(n), y: height - 6, "text-anchor": "middle" }, isoOf(n)));
  }
  axis.append(svg("text", { x: 4, y: m.t + 8, class: "ev" }, fmt.format(maxEvents)));
  axis.append(svg("text", { x: width - 4, y: m.t + 8, class: "fa", "text-anchor": "end" }, fmt.format(maxDead)));
  axis.append(svg("text", { x: 4, y: m.t + ih, class: "ev" }, "0"));
  box.append(axis);

  if (state.brush) {
    const a = dayNum(state.brush[0]), b = dayNum(state.brush[1]) + 1;
    box.append(svg("rect", { x: x(a), y: m.t, width: Math.max(2, x(b) - x(a)), height: ih, class: "brush" }));
  }

}

function initBrush() {
  const box = $("#timeline");
  let start = null, rect = null;
  const dayAt = (evt) => {
    const s = timelineScale;
    const px = evt.clientX - box.getBoundingClientRect().left;
    const frac = Math.max(0, Math.min(1, (px - s.m.l) / s.iw));
    return Math.min(s.d0 + s.span - 1, s.d0 + Math.floor(frac * s.span));
  };
  // pointer events: a mouse, a pen or a finger (the timeline takes no touch panning: app.css/views.css)
  box.addEventListener("pointerdown", (evt) => {
    if (!timelineScale || evt.button > 0) return;
    evt.preventDefault();
    start = dayAt(evt);
    rect = svg("rect", { class: "brush drawing", y: timelineScale.m.t, height: box.clientHeight - timelineScale.m.t - 22 });
    box.append(rect);
  });
  window.addEventListener("pointermove", (evt) => {
    if (start === null) return;
    const d = dayAt(evt), a = Math.min(start, d), b = Math.max(start, d) + 1;
    rect.setAttribute("x", timelineScale.x(a));
    rect.setAttribute("width", Math.max(2, timelineScale.x(b) - timelineScale.x(a)));
  });
  const finish = (evt) => {
    if (start === null) return;
    const d = dayAt(evt);
    const a = Math.min(start, d), b = Math.max(start, d);
    start = null;
    rect.remove();
    setBrush(b - a >= 1 ? [isoOf(a), isoOf(b)] : null);
  };
  window.addEventListener("pointerup", finish);
  window.addEventListener("pointercancel", finish);
  $("#brush-clear").addEventListener("click", () => setBrush(null));
}

function showBrush(range) {
  state.brush = range;
  $("#brush-clear").hidden = !range;
  $("#brush-label").textContent = range ? `selected: ${range[0]} to ${range[1]}` : "drag across the timeline to select a period";
}

function setBrush(range) {
  showBrush(range);
  UrlState.write(true);
  renderTimeline();
  const seq = ++state.loadSeq;
  loadView(seq, Promise.resolve(state.timelineStats)).catch(handleError);
}

// -- the table ----------------------------------------------------------------------------------------
function sortValue(ev, key) {
  switch (key) {
    case "actor1": return actorName(ev.actor1).toLowerCase();
    case "actor2": return actorName(ev.actor2).toLowerCase();
    case "location": return (locationOf(ev).name || "").toLowerCase();
    case "country": return locationOf(ev).country || "";
    case "fatalities": return ev.fatalities == null ? -1 : ev.fatalities;
    case "source_count": return ev.source_count || 0;
    default: return (ev[key] == null ? "" : String(ev[key])).toLowerCase();
  }
}

function renderTable() {
  const { key, desc } = state.sort;
  const rows = [...state.events].sort((a, b) => {
    const va = sortValue(a, key), vb = sortValue(b, key);
    const c = va < vb ? -1 : va > vb ? 1 : a.id - b.id;
    return desc ? -c : c;
  });
  const tbody = $("#events-table tbody");
  tbody.replaceChildren(...rows.map((ev) => {
    const loc = locationOf(ev);
    return el("tr", { dataset: { id: ev.id }, class: [ev.id === state.selected ? "selected" : "", ev.status === "rejected" ? "rejected" : ""].join(" ").trim() || null,
      tabindex: 0, onclick: () => selectEvent(ev.id), onkeydown: (e) => { if (e.key === "Enter") selectEvent(ev.id); } },
    el("td", { class: "nowrap" }, ev.date || "undated"),
    el("td", {}, el("span", { class: "type-cell" }, el("span", { class: "dot", style: { background: typeColour(ev.event_type) } }),
      el("span", {}, ev.event_type || (ev.plover && ev.plover.event) || "–"))),
    el("td", {}, ev.sub_event_type || "–"),
    el("td", {}, actorName(ev.actor1) || "–"),
    el("td", {}, actorName(ev.actor2) || "–"),
    el("td", {}, loc.name || "–"),
    el("td", {}, loc.country || "–"),
    el("td", { class: "num" }, ev.fatalities == null ? "" : fmt.format(ev.fatalities)),
    el("td", { class: "num" }, String(ev.source_count || 1)),
    el("td", {}, el("span", { class: "badge " + (ev.status === "rejected" ? "bad" : "") }, ev.status === "rejected" ? "rejected" : "active")));
  }));
  const shown = state.events.length;
  $("#table-count").textContent = shown < state.total
    ? `${fmt.format(shown)} newest of ${fmt.format(state.total)} matching events`
    : `${fmt.format(shown)} matching event${shown === 1 ? "" : "s"}`;
  for (const th of document.querySelectorAll("#events-table th")) {
    th.classList.toggle("sorted", th.dataset.key === key);
    th.classList.toggle("desc", th.dataset.key === key && desc);
  }
}

async function downloadExport(evt) {
  // a private server needs the token, which a plain link cannot send: fetch the file, then save it
  if (!token()) return;
  evt.preventDefault();
  const link = evt.currentTarget;
  try {
    const res = await fetch(link.href, { headers: { Authorization: "Bearer " + token() } });
    if (!res.ok) throw Object.assign(new Error((await res.json()).detail || res.statusText), { status: res.status });
    const url = URL.createObjectURL(await res.blob());
    const a = el("a", { href: url, download: link.download || "eventwire-events" });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } catch (e) { handleError(e); }
}

function initTable() {
  for (const a of document.querySelectorAll("#exports a[data-format]")) a.addEventListener("click", downloadExport);
  for (const th of document.querySelectorAll("#events-table th")) {
    th.addEventListener("click", () => {
      const key = th.dataset.key;
      state.sort = { key, desc: state.sort.key === key ? !state.sort.desc : key === "date" || key === "fatalities" };
      renderTable();
    });
  }
}

// -- the event panel ----------------------------------------------------------------------------------
async function selectEvent(id) {
  state.selected = id;
  Views.selectionChanged();
  for (const tr of document.querySelectorAll("#events-table tbody tr")) tr.classList.toggle("selected", Number(tr.dataset.id) === id);
  EventMap.focus(id);
  try {
    const ev = await api("/api/events/" + id);
    if (state.selected !== id) return;
    renderPanel(ev);
  } catch (e) {
    handleError(e);
  }
}

function field(label, ...value) {
  return [el("dt", {}, label), el("dd", {}, ...(value.length ? value : ["–"]))];
}

function renderPanel(ev) {
  $("#panel-empty").hidden = true;
  const body = $("#panel-body");
  body.hidden = false;
  const loc = locationOf(ev);
  const a1 = ev.actor1, a2 = ev.actor2;
  const assoc = [...(ev.assoc_actor1 || []), ...(ev.assoc_actor2 || [])].map(actorName).filter(Boolean);
  const state_ = ev.status === "rejected" ? "rejected" : ev.review;
  body.replaceChildren(
    el("div", { class: "panel-head" },
      el("span", { class: "type-tag", style: { background: typeColour(ev.event_type) } }, ev.event_type || "Unclassified"),
      el("span", { class: "badge review-" + state_, id: "review-state" }, state_),
      el("button", { type: "button", class: "ghost small close", title: "Close", onclick: closePanel }, "×")),
    el("h2", { class: "panel-title" }, ev.sub_event_type || (ev.plover && ev.plover.event) || "Event"),
    el("p", { class: "panel-sub" }, [ev.date || "undated", [loc.name, loc.admin1, loc.country].filter(Boolean).join(", ")].filter(Boolean).join(" · ")),
    el("dl", { class: "record" },
      field("Event id", String(ev.id) + " (" + ev.uid + ")"),
      field("Actor 1", a1 ? actorLabel(a1) : "–"),
      field("Actor 2", a2 ? actorLabel(a2) : "–"),
      assoc.length ? field("Allies", assoc.join("; ")) : [],
      field("Date", (ev.date || "undated") + (ev.date_precision ? " (" + ev.date_precision + ")" : "") + (ev.date_text ? " · “" + ev.date_text + "”" : "")),
      field("Place", loc.name ? `${loc.name}${loc.admin1 ? ", " + loc.admin1 : ""}${loc.country ? ", " + loc.country : ""}` +
        (typeof loc.lat === "number" ? ` (${loc.lat.toFixed(3)}, ${loc.lon.toFixed(3)})` : "") : "–"),
      field("Fatalities", ev.fatalities == null ? "not reported" : String(ev.fatalities) + (ev.fatalities_text ? " · “" + ev.fatalities_text + "”" : "")),
      field("PLOVER / CAMEO", [(ev.plover && ev.plover.event) || "–", ev.cameo || "–"].join(" / ")),
      field("Modality", ev.modality || "asserted"),
      field("Confidence", ev.confidence == null ? "–" : Number(ev.confidence).toFixed(2)),
      field("Sources", String(ev.source_count))),
    reviewBox(ev),
    el("h3", {}, "Evidence and sources"),
    el("div", { class: "sources" }, ...ev.sources.map((s, i) => sourceCard(s, i))),
    auditTrail(ev.reviews));
  body.scrollTop = 0;
  const first = ev.sources.find((s) => s.article_id);
  if (first) showArticle(first, body.querySelector(".source"));
}

function actorLabel(a) {
  const extra = [a.country, a.sector, a.inter != null ? "inter " + a.inter : null].filter(Boolean).join(", ");
  return a.name + (extra ? " (" + extra + ")" : "");
}

function closePanel() {
  state.selected = null;
  Views.selectionChanged();
  $("#panel-body").hidden = true;
  $("#panel-empty").hidden = false;
  for (const tr of document.querySelectorAll("#events-table tbody tr.selected")) tr.classList.remove("selected");
}

function safeHref(url) {
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch (e) { return null; }
}

function sourceCard(s, i) {
  const href = s.url && safeHref(s.url);
  const card = el("article", { class: "source" },
    el("header", {},
      el("strong", {}, s.title || s.article_key || "Source " + (i + 1)),
      el("span", { class: "muted" }, [s.source, s.published].filter(Boolean).join(" · ")),
      href ? el("a", { href, target: "_blank", rel: "noopener noreferrer nofollow" }, "original") : null),
    el("blockquote", { class: "evidence" }, s.evidence && s.evidence.text ? s.evidence.text : "(no evidence sentence)"),
    s.article_id ? el("button", { type: "button", class: "ghost small toggle-article", onclick: () => toggleArticle(s, card) }, "Show the article") : null,
    el("div", { class: "article-text", hidden: true }));
  return card;
}

function toggleArticle(src, card) {
  const box = card.querySelector(".article-text");
  if (box.hidden || !box.childElementCount) showArticle(src, card);
  else { box.hidden = true; card.querySelector(".toggle-article").textContent = "Show the article"; }
}

async function showArticle(src, card) {
  const box = card.querySelector(".article-text");
  try {
    const art = await api("/api/articles/" + src.article_id);
    const text = art.text || "";
    const ev = src.evidence || {};
    const ok = Number.isInteger(ev.start) && Number.isInteger(ev.end) && ev.start >= 0 && ev.end <= text.length && ev.start < ev.end;
    const parts = ok
      ? [text.slice(0, ev.start), el("mark", { class: "evidence-hl" }, text.slice(ev.start, ev.end)), text.slice(ev.end)]
      : [text];
    box.replaceChildren(el("h4", {}, art.title || "Article " + art.id), el("div", { class: "text" }, ...parts));
    box.hidden = false;
    const toggle = card.querySelector(".toggle-article");
    if (toggle) toggle.textContent = "Hide the article";
    const mark = box.querySelector("mark"), scroller = box.querySelector(".text");
    if (mark) scroller.scrollTop = Math.max(0, mark.offsetTop - scroller.offsetTop - 60);
  } catch (e) {
    handleError(e);
  }
}

function auditTrail(reviews) {
  if (!reviews || !reviews.length) return el("p", { class: "muted audit-empty" }, "Not reviewed yet.");
  return el("section", { class: "audit" }, el("h3", {}, "Review history"),
    el("ol", {}, ...reviews.map((r) => el("li", { class: r.undone_by ? "undone" : null, title: r.undone_by ? "undone" : null },
      el("span", { class: "when" }, r.created_at.replace("T", " ").slice(0, 19) + " UTC"), " ",
      el("strong", {}, r.reviewer), " ",
      r.status === "undone" ? "undid an earlier review"
      : r.field === "event" ? r.status + " the event"
        : r.status === "edited" ? `set ${r.field} from ${show(r.old_value)} to ${show(r.new_value)}`
          : `${r.status} ${r.field} (${show(r.old_value)})`,
      r.comment ? el("div", { class: "comment" }, "“" + r.comment + "”") : null))));
}

function show(v) {
  if (v === null || v === undefined || v === "") return "nothing";
  if (typeof v === "object") return v.name ? v.name : JSON.stringify(v);
  return String(v);
}

// -- review -------------------------------------------------------------------------------------------
function reviewBox(ev) {
  if (!state.reviewer) {
    return el("div", { class: "review-box" }, el("p", { class: "muted" }, "Sign in to accept, reject or correct this event."),
      el("button", { type: "button", class: "small", onclick: openSignin }, "Sign in"));
  }
  if (!mayReview()) {
    return el("div", { class: "review-box" }, el("p", { class: "muted", id: "review-denied" },
      `Signed in as ${state.reviewer}, a ${state.role}: reviewing needs a reviewer token or above (an admin makes one: eventwire token create NAME --role reviewer).`));
  }
  const loc = locationOf(ev);
  const coding = codingSelects(ev);
  const latest = latestPublished(ev);
  const modality = el("select", { name: "modality" },
    ...state.meta.modalities.map((m) => el("option", { value: m, selected: m === (ev.modality || "asserted") }, m)));
  const date = el("input", { name: "date", type: "date", value: ev.date || "" });
  // an event dated after its reports is a planned one: a new date may pass the publication only for modality
  // future (a stored date is left as it is until the reviewer changes it)
  const limitDate = () => {
    if (latest && modality.value !== "future" && date.value !== (ev.date || "")) date.max = latest;
    else date.removeAttribute("max");
  };
  modality.addEventListener("change", limitDate);
  date.addEventListener("input", limitDate);
  limitDate();
  const form = el("form", { class: "edit-form", hidden: true, onsubmit: (e) => { e.preventDefault(); saveEdits(ev, form); } },
    el("div", { class: "row" },
      el("label", {}, "Event type", coding.type),
      el("label", {}, "Sub-event type", coding.sub)),
    el("div", { class: "row" },
      el("label", {}, "PLOVER", coding.plover),
      el("label", {}, "CAMEO", coding.cameo)),
    el("label", {}, "Actor 1", el("input", { name: "actor1", value: actorName(ev.actor1) })),
    el("label", {}, "Actor 2", el("input", { name: "actor2", value: actorName(ev.actor2) })),
    el("label", {}, "Place", el("input", { name: "loc_name", value: loc.name || "" })),
    el("div", { class: "row" },
      el("label", {}, "Country (ISO3)", el("input", { name: "loc_country", value: loc.country || "", maxlength: 3, pattern: "[A-Za-z]{3}" })),
      el("label", {}, "Admin1", el("input", { name: "loc_admin1", value: loc.admin1 || "" }))),
    el("div", { class: "row" },
      el("label", {}, "Latitude", el("input", { name: "loc_lat", type: "number", step: "any", min: -90, max: 90, value: loc.lat ?? "" })),
      el("label", {}, "Longitude", el("input", { name: "loc_lon", type: "number", step: "any", min: -180, max: 180, value: loc.lon ?? "" }))),
    el("div", { class: "row" },
      el("label", {}, "Date", date),
      el("label", {}, "Modality", modality)),
    el("label", {}, "Fatalities", el("input", { name: "fatalities", type: "number", min: 0, step: 1, value: ev.fatalities ?? "" })),
    el("label", {}, "Comment", el("input", { name: "comment", placeholder: "why (kept in the history)" })),
    el("div", { class: "buttons" }, el("button", { type: "submit" }, "Save changes"),
      el("button", { type: "button", class: "ghost", onclick: () => { form.hidden = true; } }, "Cancel")));
  return el("div", { class: "review-box" },
    el("div", { class: "buttons" },
      el("button", { type: "button", class: "accept", id: "btn-accept", onclick: () => decide(ev, "accept") }, "Accept"),
      el("button", { type: "button", class: "reject", id: "btn-reject", onclick: () => decide(ev, "reject") }, "Reject…"),
      el("button", { type: "button", class: "ghost", id: "btn-edit", onclick: () => { form.hidden = !form.hidden; } }, "Edit…")),
    form);
}

// The type, sub-type, PLOVER and CAMEO selects of the edit form, each offering only what fits the others
// (/api/meta `coding`, the table the API checks corrections against): a type offers its sub-types, a sub-type
// brings its PLOVER category and CAMEO code, a PLOVER category offers its CAMEO codes.
function codingSelects(ev) {
  const coding = state.meta.coding || { sub_event_types: {}, cameo: {} };
  const own = { sub: ev.sub_event_type || "", plover: (ev.plover && ev.plover.event) || "", cameo: ev.cameo || "" };
  const type = el("select", { name: "event_type" }, el("option", { value: "" }, "–"),
    ...state.meta.event_types.map((t) => el("option", { value: t, selected: t === ev.event_type }, t)));
  const sub = el("select", { name: "sub_event_type" });
  const plover = el("select", { name: "plover" });
  const cameo = el("select", { name: "cameo" });
  const options = (values, chosen, blank) => [...(blank ? [el("option", { value: "" }, blank)] : []),
    ...values.map((v) => el("option", { value: v, selected: v === chosen }, v))];
  const fillSubs = (chosen) => {
    const subs = Object.keys(state.meta.sub_event_types).filter((s) => state.meta.sub_event_types[s] === type.value);
    sub.replaceChildren(...options(subs, chosen, type.value ? "– choose –" : "–"));
    sub.required = !!type.value;
  };
  const fillPlover = (chosen, first) => {
    const implied = (coding.sub_event_types[sub.value] || {}).plover;
    const allowed = implied ? [implied] : state.meta.plover_events;
    // a stored code the table would not give is shown as it is until the reviewer changes it
    const values = first && chosen && !allowed.includes(chosen) ? [chosen, ...allowed] : allowed;
    const pick = implied && !first ? implied : chosen;
    plover.replaceChildren(...options(values, pick, implied && pick ? null : "–"));
  };
  const fillCameo = (chosen, first) => {
    const choices = coding.cameo[plover.value] || [];
    const c = coding.sub_event_types[sub.value] || {};
    const pick = choices.includes(chosen) || first ? chosen : (c.plover === plover.value && c.cameo) || choices[0] || "";
    const values = first && chosen && !choices.includes(chosen) ? [chosen, ...choices] : choices;
    cameo.replaceChildren(...options(values, pick, values.length && pick ? null : "–"));
  };
  type.addEventListener("change", () => { fillSubs(""); fillPlover(plover.value); fillCameo(cameo.value); });
  sub.addEventListener("change", () => {
    fillPlover(plover.value);
    const c = coding.sub_event_types[sub.value] || {};
    fillCameo(c.plover === plover.value && c.cameo ? c.cameo : cameo.value);
  });
  plover.addEventListener("change", () => fillCameo(cameo.value));
  fillSubs(own.sub); fillPlover(own.plover, true); fillCameo(own.cameo, true);
  return { type, sub, plover, cameo };
}

function latestPublished(ev) {
  const dates = (ev.sources || []).map((s) => s.published).filter(Boolean).sort();
  return dates.length ? dates[dates.length - 1] : null;
}

// The reject dialog: resolves to the reviewer's reason, or null when they cancel.
function askRejectReason() {
  const dialog = $("#reject-dialog"), form = $("#reject-form"), text = $("#reject-comment"), error = $("#reject-error");
  text.value = "";
  error.textContent = "";
  return new Promise((resolve) => {
    const finish = (reason) => {
      form.onsubmit = null; $("#reject-cancel").onclick = null; dialog.onclose = null;
      if (dialog.open) dialog.close();
      resolve(reason);
    };
    form.onsubmit = (e) => {
      e.preventDefault();
      const reason = text.value.trim();
      if (!reason) { error.textContent = "Say why the event is rejected."; text.focus(); return; }
      finish(reason);
    };
    $("#reject-cancel").onclick = () => finish(null);
    dialog.onclose = () => finish(null);  // Escape
    dialog.showModal();
    text.focus();
  });
}

async function decide(ev, decision) {
  const body = { decision };
  if (decision === "reject") {
    body.comment = await askRejectReason();
    if (body.comment === null) return;
  }
  try {
    const updated = await api("/api/events/" + ev.id, { method: "PATCH", json: body });
    toast(decision === "reject" ? "Event rejected: left out of listings and exports." : "Event accepted.", "ok");
    renderPanel(updated);
    refreshRow(updated);
    reviewed(updated, decision);
  } catch (e) { handleError(e); }
}

async function saveEdits(ev, form) {
  const f = form.elements, loc = locationOf(ev);
  const changes = {}, location = {};
  if (f.event_type.value && f.event_type.value !== ev.event_type) {
    if (!f.sub_event_type.value) { toast("Choose a sub-event type of " + f.event_type.value + ".", "error"); return; }
    changes.event_type = f.event_type.value;
  }
  if (f.sub_event_type.value && f.sub_event_type.value !== ev.sub_event_type) changes.sub_event_type = f.sub_event_type.value;
  if (f.plover.value && f.plover.value !== ((ev.plover && ev.plover.event) || "")) changes.plover = f.plover.value;
  if (f.cameo.value && f.cameo.value !== (ev.cameo || "")) changes.cameo = f.cameo.value;
  if (f.modality.value !== (ev.modality || "asserted")) changes.modality = f.modality.value;
  if (f.actor1.value.trim() && f.actor1.value.trim() !== actorName(ev.actor1)) changes.actor1 = f.actor1.value.trim();
  if (f.actor2.value.trim() !== actorName(ev.actor2)) changes.actor2 = f.actor2.value.trim();
  if (f.loc_name.value.trim() !== (loc.name || "")) location.name = f.loc_name.value.trim() || null;
  if (f.loc_country.value.trim().toUpperCase() !== (loc.country || "")) location.country = f.loc_country.value.trim().toUpperCase() || null;
  if (f.loc_admin1.value.trim() !== (loc.admin1 || "")) location.admin1 = f.loc_admin1.value.trim() || null;
  for (const k of ["lat", "lon"]) {
    const v = f["loc_" + k].value === "" ? null : Number(f["loc_" + k].value);
    if (v !== (loc[k] ?? null)) location[k] = v;
  }
  if (Object.keys(location).length) changes.location = location;
  if (f.date.value && f.date.value !== ev.date) changes.date = f.date.value;
  const dead = f.fatalities.value === "" ? null : Number(f.fatalities.value);
  if (dead !== (ev.fatalities ?? null)) changes.fatalities = dead;
  if (!Object.keys(changes).length) { toast("Nothing changed.", ""); return; }
  try {
    const updated = await api("/api/events/" + ev.id, { method: "PATCH", json: { changes, comment: f.comment.value.trim() || null } });
    toast("Changes saved.", "ok");
    renderPanel(updated);
    refreshRow(updated);
    reviewed(updated, null);
  } catch (e) { handleError(e); }
}

// Tells the review queue (review.js) of a review made here: decision accept, reject, or null for an edit.
function reviewed(updated, decision) {
  document.dispatchEvent(new CustomEvent("eventwire:reviewed", { detail: { event: updated, decision } }));
}

function refreshRow(updated) {
  const i = state.events.findIndex((e) => e.id === updated.id);
  if (i >= 0) {
    const copy = Object.assign({}, updated);
    delete copy.sources; delete copy.reviews;
    state.events[i] = copy;
    renderTable();
    renderMap();
  }
}

// -- signing in ---------------------------------------------------------------------------------------
function openSignin() {
  $("#signin-error").textContent = "";
  $("#token-input").value = "";
  $("#signin-dialog").showModal();
}

async function checkToken() {
  if (!token()) { setReviewer(null); return; }
  try {
    const me = await api("/api/whoami");
    setReviewer(me.name, me.role);
  } catch (e) {
    if (e.status === 401) localStorage.removeItem(TOKEN_KEY);
    setReviewer(null);
  }
}

function mayReview() {
  return ROLES.indexOf(state.role) >= ROLES.indexOf("reviewer");
}

function setReviewer(name, role) {
  state.reviewer = name;
  state.role = name ? role : null;
  $("#whoami").textContent = name ? `${name} (${role})` : "read-only";
  $("#signin").textContent = name ? "Sign out" : "Sign in";
}

function initSignin() {
  $("#signin").addEventListener("click", () => {
    if (state.reviewer) {
      localStorage.removeItem(TOKEN_KEY);
      setReviewer(null);
      if (state.selected) selectEvent(state.selected);
    } else openSignin();
  });
  $("#signin-cancel").addEventListener("click", () => $("#signin-dialog").close());
  $("#signin-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    localStorage.setItem(TOKEN_KEY, $("#token-input").value.trim());
    await checkToken();
    if (!state.reviewer) { $("#signin-error").textContent = "That token is not valid here."; return; }
    $("#signin-dialog").close();
    toast(`Signed in as ${state.reviewer} (${state.role}).`, "ok");
    if (!state.meta) await start();
    else if (state.selected) selectEvent(state.selected);
  });
}

// -- filters and start --------------------------------------------------------------------------------
function onFiltersChanged() {
  // a field's change event also comes when it loses focus, after its value was already applied: the brushed
  // period and the history stay unless a filter really changed
  if (filterParams(false).toString() === state.filtersLoaded) return;
  EventMap.frameNext();  // the map frames the new selection once it is loaded
  showBrush(null);
  UrlState.write(true);
  loadAll();
}

function initFilters() {
  const f = $("#filters");
  f.addEventListener("submit", (e) => e.preventDefault());
  for (const name of ["date_from", "date_to", "country", "type", "rejected"]) f[name].addEventListener("change", onFiltersChanged);
  let timer;
  for (const name of ["actor", "q"]) {
    f[name].addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(onFiltersChanged, 350); });
  }
  $("#f-reset").addEventListener("click", () => { f.reset(); state.filtersLoaded = null; onFiltersChanged(); });
}

async function start() {
  try {
    state.meta = await api("/api/meta");
  } catch (e) { handleError(e); return; }
  fillTypes();
  Views.fillMeta(state.meta);
  await openUrlView();
}

// the view the URL names (state.js): at start, and on back/forward
async function openUrlView() {
  const id = UrlState.apply();
  EventMap.frameNext();
  await loadAll();
  if (id !== null) selectEvent(id);
  else if (state.selected !== null) closePanel();
}

document.addEventListener("DOMContentLoaded", async () => {
  renderLegend();
  initMap();
  initBrush();
  initTable();
  initFilters();
  Views.init(onFiltersChanged);
  initSignin();
  window.addEventListener("popstate", openUrlView);
  window.addEventListener("resize", () => { if (state.timelineStats) renderTimeline(); });
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && state.selected && !$("#signin-dialog").open) closePanel();
  });
  await checkToken();
  await start();
  document.body.dataset.ready = "1";
});
