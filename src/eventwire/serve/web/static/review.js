// eventwire dashboard: the review queue (the events no one has reviewed yet, lowest confidence first, one at a
// time with keyboard shortcuts), bulk review of the filtered selection, undo of the reviewer's last action, and
// the actor names the catalogue did not know. A plain script loaded after app.js: it uses app.js's helpers
// ($, el, api, state, filterParams, selectEvent, handleError, toast, mayReview, openSignin, loadAll) and
// hears of reviews made in the event panel through the "eventwire:reviewed" event app.js sends.
// Everything that comes from data is put into the page as text, never as HTML.
"use strict";

const QUEUE_PAGE = 50;
const QUEUE_PREFETCH = 5;  // load the next page when this few events are left
const SHORTCUTS = [["a", "accept"], ["r", "reject"], ["e", "edit"], ["n / j", "next"], ["k", "previous"], ["u", "undo"]];

const queue = {
  active: false,
  events: [],       // the queue as loaded so far (reviewed ones stay, so that k goes back to them)
  index: 0,
  cursor: null,     // the next page's cursor; null once the end is loaded
  counts: null,     // { reviewed_today, unreviewed, total, max_bulk }
  seq: 0,
};

// -- the queue's parameters: the dashboard's filters plus the queue's own order and outlet ---------------------
function queueParams() {
  const p = filterParams(true);
  const order = $("#queue-order").value, source = $("#queue-source").value.trim();
  if (order !== "confidence") p.set("order", order);
  if (source) p.set("source", source);
  return p;
}

function selectionText() {
  const p = queueParams(), parts = [];
  const names = { country: "country", type: "type", actor: "actor", q: "evidence", source: "source",
    date_from: "from", date_to: "to" };
  for (const [k, label] of Object.entries(names)) if (p.get(k)) parts.push(`${label} ${p.get(k)}`);
  return parts.length ? parts.join(", ") : "all events";
}

// -- loading ---------------------------------------------------------------------------------------------------
async function loadQueue(keepId) {
  const seq = ++queue.seq;
  const params = queueParams();
  params.set("limit", String(QUEUE_PAGE));
  try {
    const page = await api("/api/review/queue?" + params);
    if (seq !== queue.seq) return;
    queue.events = page.events;
    queue.cursor = page.next_cursor;
    queue.counts = page;
    const i = keepId ? queue.events.findIndex((e) => e.id === keepId) : -1;
    queue.index = i >= 0 ? i : 0;
    renderQueueBar();
    showCurrent();
  } catch (e) { handleError(e); }
}

async function loadMore() {
  if (!queue.cursor || queue.loadingMore) return;
  queue.loadingMore = true;
  const seq = queue.seq;
  const params = queueParams();
  params.set("limit", String(QUEUE_PAGE));
  params.set("cursor", queue.cursor);
  try {
    const page = await api("/api/review/queue?" + params);
    if (seq !== queue.seq) return;
    const seen = new Set(queue.events.map((e) => e.id));
    queue.events.push(...page.events.filter((e) => !seen.has(e.id)));
    queue.cursor = page.next_cursor;
    queue.counts = page;
    renderQueueBar();
  } catch (e) { handleError(e); } finally { queue.loadingMore = false; }
}

async function refreshCounts() {
  const params = queueParams();
  params.set("limit", "1");
  try {
    queue.counts = await api("/api/review/queue?" + params);
    renderQueueBar();
  } catch (e) { handleError(e); }
}

// -- the queue bar ---------------------------------------------------------------------------------------------
function renderQueueBar() {
  const c = queue.counts;
  $("#queue-progress").textContent = c
    ? `${fmt.format(c.reviewed_today)} reviewed today / ${fmt.format(c.unreviewed)} unreviewed` : "";
  const current = queue.events[queue.index];
  $("#queue-position").textContent = current ? `event ${queue.index + 1} of the queue · confidence ${Number(current.confidence).toFixed(2)}` : "";
  $("#queue-prev").disabled = queue.index <= 0;
  $("#queue-next").disabled = queue.index >= queue.events.length - 1 && !queue.cursor;
  $("#queue-empty").hidden = queue.events.length > 0;
}

function showCurrent() {
  const ev = queue.events[queue.index];
  renderQueueBar();
  if (ev) selectEvent(ev.id).then(() => { $("#panel").scrollTop = 0; });
  else closePanel();
}

function move(step) {
  const to = queue.index + step;
  if (to < 0) { toast("This is the first event of the queue.", ""); return; }
  if (to >= queue.events.length) {
    if (queue.cursor) { loadMore().then(() => { if (to < queue.events.length) { queue.index = to; showCurrent(); } }); return; }
    toast("The end of the queue: nothing more to review in this selection.", "ok");
    return;
  }
  queue.index = to;
  showCurrent();
  if (queue.events.length - queue.index <= QUEUE_PREFETCH) loadMore();
}

function openQueue() {
  if (!state.reviewer) { toast("Sign in with a reviewer token to work through the review queue.", ""); openSignin(); return; }
  if (!mayReview()) { toast(`Signed in as ${state.reviewer}, a ${state.role}: the review queue needs a reviewer token.`, "error"); return; }
  queue.active = true;
  document.body.classList.add("queue-mode");
  $("#queue-bar").hidden = false;
  $("#queue-toggle").classList.add("on");
  loadQueue();
}

function closeQueue() {
  queue.active = false;
  queue.seq++;
  document.body.classList.remove("queue-mode");
  $("#queue-bar").hidden = true;
  $("#queue-toggle").classList.remove("on");
}

// A review made in the event panel (its buttons, or a shortcut that clicks them): a verdict moves on to the next
// event, an edit stays on the event; the progress follows either way.
function onReviewed(e) {
  if (!queue.active) return;
  const { event: updated, decision } = e.detail || {};
  const current = queue.events[queue.index];
  if (current && updated && current.id === updated.id && decision) {
    Object.assign(current, { status: updated.status });
    refreshCounts();
    move(1);
  } else refreshCounts();
}

// -- undo ------------------------------------------------------------------------------------------------------
async function undoLast() {
  if (!state.reviewer || !mayReview()) { toast("Sign in with a reviewer token to undo your reviews.", ""); return; }
  try {
    const done = await api("/api/review/undo", { method: "POST", json: {} });
    const n = done.event_ids.length;
    toast(n === 1 ? "Undone: the event is back as it was." : `Undone: ${fmt.format(n)} events are back as they were.`, "ok");
    loadAll();
    if (queue.active) {
      const id = done.event_ids[0];
      const i = queue.events.findIndex((e) => e.id === id);
      if (n === 1 && i >= 0) { queue.index = i; showCurrent(); refreshCounts(); } else loadQueue(n === 1 ? id : null);
    } else if (state.selected && done.event_ids.includes(state.selected)) selectEvent(state.selected);
  } catch (e) {
    if (e.status === 404 || e.status === 409) toast(e.message, "error");
    else handleError(e);
  }
}

// -- bulk review -----------------------------------------------------------------------------------------------
async function openBulk(decision) {
  if (!state.reviewer || !mayReview()) { toast("Sign in with a reviewer token to review events.", ""); openSignin(); return; }
  const params = queueParams();
  params.set("limit", "1");
  let counts;
  try { counts = await api("/api/review/queue?" + params); } catch (e) { handleError(e); return; }
  const n = counts.unreviewed, verb = decision === "accept" ? "Accept" : "Reject";
  const dialog = $("#bulk-dialog"), confirm = $("#bulk-confirm"), comment = $("#bulk-comment");
  $("#bulk-title").textContent = `${verb} the unreviewed events of this selection?`;
  $("#bulk-selection").textContent = selectionText();
  $("#bulk-error").textContent = "";
  comment.value = "";
  comment.required = decision === "reject";
  comment.placeholder = decision === "reject" ? "why none of them is a real event (required)" : "optional: kept with each review";
  confirm.className = decision === "accept" ? "accept" : "reject";
  confirm.dataset.decision = decision;
  confirm.dataset.expected = String(n);
  if (n === 0) {
    $("#bulk-count").textContent = "No unreviewed event matches this selection: nothing would change.";
    confirm.disabled = true;
  } else if (n > counts.max_bulk) {
    $("#bulk-count").textContent = `${fmt.format(n)} events match, more than the ${fmt.format(counts.max_bulk)} one bulk review may change: narrow the filters first.`;
    confirm.disabled = true;
  } else {
    $("#bulk-count").textContent = `${fmt.format(n)} event${n === 1 ? "" : "s"} will be ${decision === "accept" ? "accepted" : "rejected"}. Undo (u) reverts them all at once.`;
    confirm.disabled = false;
  }
  confirm.textContent = n > 0 && n <= counts.max_bulk ? `${verb} ${fmt.format(n)} event${n === 1 ? "" : "s"}` : verb;
  dialog.showModal();
  comment.focus();
}

async function confirmBulk(e) {
  e.preventDefault();
  const confirm = $("#bulk-confirm"), decision = confirm.dataset.decision;
  const comment = $("#bulk-comment").value.trim();
  if (decision === "reject" && !comment) { $("#bulk-error").textContent = "Say why these events are rejected."; return; }
  confirm.disabled = true;
  try {
    const done = await api("/api/review/bulk?" + queueParams(), { method: "POST",
      json: { decision, comment: comment || null, expected: Number(confirm.dataset.expected) } });
    $("#bulk-dialog").close();
    toast(`${fmt.format(done.changed)} events ${decision === "accept" ? "accepted" : "rejected"}.`, "ok");
    loadAll();
    if (queue.active) loadQueue();
  } catch (err) {
    confirm.disabled = false;
    if (err.status === 409 || err.status === 422) $("#bulk-error").textContent = err.message;
    else { $("#bulk-dialog").close(); handleError(err); }
  }
}

// -- unresolved actors -----------------------------------------------------------------------------------------
async function openActors() {
  const body = $("#actors-body");
  body.replaceChildren(el("p", { class: "muted" }, "Loading…"));
  $("#actors-dialog").showModal();
  try {
    const actors = await api("/api/actors/unresolved?limit=100");
    if (!actors.length) {
      body.replaceChildren(el("p", { class: "muted", id: "actors-none" }, "Every actor of the stored events is in the catalogue."));
      return;
    }
    body.replaceChildren(el("table", { class: "actors", id: "actors-table" },
      el("thead", {}, el("tr", {}, el("th", {}, "Actor"), el("th", { class: "num" }, "Reports"),
        el("th", {}, "Example"), el("th", {}, "Suggested"))),
      el("tbody", {}, ...actors.map((a) => el("tr", {},
        el("td", {}, el("strong", {}, a.name), a.spellings.length > 1 ? el("div", { class: "muted" }, "also " + a.spellings.filter((s) => s !== a.name).join("; ")) : null),
        el("td", { class: "num" }, String(a.reports)),
        el("td", { class: "example" }, a.example || "–", a.example_article ? el("div", { class: "muted" }, a.example_article) : null),
        el("td", {}, [a.suggested_sector, a.suggested_inter != null ? "inter " + a.suggested_inter : null, a.suggested_country]
          .filter(Boolean).join(" · ") || "–"))))),
      el("p", { class: "muted" }, "Add one to your catalogue with ", el("code", {}, "eventwire actors add NAME --sector SECTOR"),
        ": the stored events that name it are re-coded."));
  } catch (e) {
    $("#actors-dialog").close();
    handleError(e);
  }
}

// -- keyboard --------------------------------------------------------------------------------------------------
function typing(target) {
  const t = target && target.tagName;
  return t === "INPUT" || t === "TEXTAREA" || t === "SELECT" || (target && target.isContentEditable);
}

function onKey(e) {
  if (!queue.active || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
  if (document.querySelector("dialog[open]")) return;
  const click = (sel) => { const b = document.querySelector(sel); if (b) b.click(); return !!b; };
  switch (e.key) {
    case "a": click("#btn-accept"); break;
    case "r": click("#btn-reject"); break;
    case "e":
      if (click("#btn-edit")) {
        const first = document.querySelector("#panel-body .edit-form:not([hidden]) select, #panel-body .edit-form:not([hidden]) input");
        if (first) first.focus();
      }
      break;
    case "n": case "j": move(1); break;
    case "k": move(-1); break;
    case "u": undoLast(); break;
    default: return;
  }
  e.preventDefault();
}

// -- the page's parts ------------------------------------------------------------------------------------------
function buildQueueUi() {
  const auth = document.querySelector(".auth");
  auth.prepend(
    el("button", { type: "button", id: "queue-toggle", class: "ghost", title: "Review the unreviewed events one by one",
      onclick: () => (queue.active ? closeQueue() : openQueue()) }, "Review queue"),
    el("button", { type: "button", id: "actors-open", class: "ghost", title: "Actor names the catalogue did not know",
      onclick: openActors }, "Unknown actors"));
  const order = el("select", { id: "queue-order", title: "Order of the queue", "aria-label": "Order of the queue" },
    el("option", { value: "confidence" }, "lowest confidence first"),
    el("option", { value: "country" }, "by country, then confidence"),
    el("option", { value: "type" }, "by type, then confidence"));
  const source = el("input", { id: "queue-source", type: "search", placeholder: "any source",
    title: "Only events an outlet reported", "aria-label": "Source" });
  order.addEventListener("change", () => loadQueue());
  let timer;
  source.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => loadQueue(), 350); });
  const bar = el("section", { id: "queue-bar", class: "queue-bar", hidden: true, "aria-label": "Review queue" },
    el("div", { class: "queue-head" },
      el("h2", {}, "Review queue"),
      el("span", { id: "queue-progress", class: "queue-progress" }),
      el("button", { type: "button", class: "ghost small", id: "queue-close", title: "Leave the queue", onclick: closeQueue }, "×")),
    el("div", { class: "queue-nav" },
      el("button", { type: "button", class: "ghost small", id: "queue-prev", onclick: () => move(-1) }, "← previous"),
      el("button", { type: "button", class: "ghost small", id: "queue-next", onclick: () => move(1) }, "next →"),
      el("button", { type: "button", class: "ghost small", id: "queue-undo", onclick: undoLast }, "↶ undo"),
      el("span", { id: "queue-position", class: "muted" })),
    el("p", { id: "queue-help", class: "queue-help" }, ...SHORTCUTS.map(([k, what]) => el("span", {}, el("kbd", {}, k), " " + what))),
    el("p", { id: "queue-empty", class: "muted", hidden: true }, "Nothing left to review in this selection."),
    el("div", { class: "queue-tools" }, order, source,
      el("span", { class: "bulk-buttons" },
        el("button", { type: "button", class: "small accept", id: "bulk-accept", title: "Accept every unreviewed event of the selection",
          onclick: () => openBulk("accept") }, "Accept all…"),
        el("button", { type: "button", class: "small reject", id: "bulk-reject", title: "Reject every unreviewed event of the selection",
          onclick: () => openBulk("reject") }, "Reject all…"))));
  $("#panel").prepend(bar);

  document.body.append(
    el("dialog", { id: "bulk-dialog", "aria-labelledby": "bulk-title" },
      el("form", { method: "dialog", id: "bulk-form", onsubmit: confirmBulk },
        el("h2", { id: "bulk-title" }),
        el("p", {}, "Selection: ", el("strong", { id: "bulk-selection" })),
        el("p", { id: "bulk-count", class: "bulk-count" }),
        el("textarea", { id: "bulk-comment", rows: 3, maxlength: 2000 }),
        el("p", { class: "error", id: "bulk-error" }),
        el("menu", {}, el("button", { type: "button", class: "ghost", id: "bulk-cancel", onclick: () => $("#bulk-dialog").close() }, "Cancel"),
          el("button", { id: "bulk-confirm", value: "ok" }, "Confirm")))),
    el("dialog", { id: "actors-dialog", class: "wide", "aria-labelledby": "actors-title" },
      el("div", { class: "dialog-head" }, el("h2", { id: "actors-title" }, "Actors the catalogue did not know"),
        el("button", { type: "button", class: "ghost small", id: "actors-close", onclick: () => $("#actors-dialog").close() }, "×")),
      el("div", { id: "actors-body" })));
}

document.addEventListener("DOMContentLoaded", () => {
  buildQueueUi();
  document.addEventListener("keydown", onKey);
  document.addEventListener("eventwire:reviewed", onReviewed);
  // the dashboard's filters are the queue's: a new selection is a new queue
  let timer;
  const changed = () => { if (queue.active) { clearTimeout(timer); timer = setTimeout(() => loadQueue(), 400); } };
  $("#filters").addEventListener("change", changed);
  $("#filters").addEventListener("input", changed);
  $("#f-reset").addEventListener("click", changed);
});
