// eventwire dashboard: the view in the URL (filters, brushed period, chart options, selected event) so that a view
// can be shared and back/forward work; the filters beyond the first ones (region, PLOVER, modality, fatalities,
// confidence, source, date presets); the export links of the current view; the phone layout's toggles.
// Uses app.js's helpers ($, el, state); app.js calls in through the hooks named in its comments.
"use strict";

// the form fields sent to the API as they are (the names are its query parameters), and their defaults
const FILTER_FIELDS = ["date_from", "date_to", "country", "type", "actor", "q", "admin1", "plover", "modality",
  "min_fatalities", "min_confidence", "source"];
const FILTER_DEFAULTS = { modality: "asserted" };
const BRUSH_PARAM = /^(\d{4}-\d\d-\d\d)\.\.(\d{4}-\d\d-\d\d)$/;

const UrlState = (() => {
  // the form's filters as API query parameters (without the brushed period); a default is left out
  function formParams() {
    const f = $("#filters"), p = new URLSearchParams();
    for (const name of FILTER_FIELDS) {
      const v = (f[name].value || "").trim();
      if (v && v !== (FILTER_DEFAULTS[name] || "")) p.set(name, v);
    }
    if (f.rejected.checked) p.set("review", "all");
    return p;
  }

  function viewParams() {
    const p = formParams();
    if (state.brush) p.set("brush", state.brush.join(".."));
    if (Views.chartsShown()) p.set("show", "charts");
    if (Charts.options.measure !== "events") p.set("chart", Charts.options.measure);
    if (Charts.options.interval !== "week") p.set("per", Charts.options.interval);
    if (state.selected != null) p.set("event", String(state.selected));
    return p;
  }

  // push: a new history entry (filters, period, chart options); otherwise the current one is replaced (selection)
  function write(push) {
    const query = viewParams().toString();
    const url = location.pathname + (query ? "?" + query : "");
    if (url === location.pathname + location.search && !location.hash) return;
    history[push ? "pushState" : "replaceState"](null, "", url);
  }

  function setField(input, value) {
    // a value the choices do not hold yet (countries come with the stats) is added, so that it is kept
    if (input.tagName === "SELECT" && value && ![...input.options].some((o) => o.value === value)) {
      input.append(el("option", { value }, value));
    }
    input.value = value;
  }

  // The URL into the form, the brush and the chart options; gives the event to select (or null). An old
  // "#event=ID" link still opens its event.
  function apply() {
    const p = new URLSearchParams(location.search), f = $("#filters");
    for (const name of FILTER_FIELDS) setField(f[name], p.get(name) ?? (FILTER_DEFAULTS[name] || ""));
    f.rejected.checked = p.get("review") === "all";
    const b = BRUSH_PARAM.exec(p.get("brush") || "");
    showBrush(b && b[1] <= b[2] ? [b[1], b[2]] : null);
    Charts.options.measure = p.get("chart") === "fatalities" ? "fatalities" : "events";
    Charts.options.interval = p.get("per") === "month" ? "month" : "week";
    Views.syncPreset();
    Views.showCharts(p.get("show") === "charts");
    const id = /^\d{1,18}$/.exec(p.get("event") || "") || /^#event=(\d{1,18})$/.exec(location.hash);
    return id ? Number(id[1] ?? id[0]) : null;
  }

  return { formParams, write, apply, setField };
})();

const Views = (() => {
  const EXPORT_FILES = { "acled-csv": ".csv", "plover-jsonl": ".jsonl", "geojson": ".geojson", "parquet": ".parquet" };

  const localIso = (d) => new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 10);

  // a preset's [from, to]; "all" clears both
  function presetRange(preset) {
    const today = new Date();
    if (preset === "all") return ["", ""];
    if (preset === "year") return [`${today.getFullYear()}-01-01`, localIso(today)];
    const days = Number(preset);
    return [localIso(new Date(today.getTime() - (days - 1) * 86400000)), localIso(today)];
  }

  // the preset select shows the preset the dates are, or "custom"
  function syncPreset() {
    const f = $("#filters");
    const match = [...f.preset.options].map((o) => o.value).find((v) => {
      if (!v) return false;
      const [a, b] = presetRange(v);
      return a === f.date_from.value && b === f.date_to.value;
    });
    f.preset.value = match || "";
  }

  // the choices /api/meta gives: modalities, PLOVER categories, article sources
  function fillMeta(meta) {
    const f = $("#filters");
    f.modality.replaceChildren(...meta.modalities.map((m) => {
      const o = el("option", { value: m }, m);
      o.defaultSelected = m === FILTER_DEFAULTS.modality;  // what Reset comes back to
      return o;
    }), el("option", { value: "all" }, "any modality"));
    f.modality.value = FILTER_DEFAULTS.modality;
    f.plover.replaceChildren(el("option", { value: "" }, "Any category"),
      ...meta.plover_events.map((p) => el("option", { value: p }, p)));
    f.source.replaceChildren(el("option", { value: "" }, "Any source"),
      ...(meta.sources || []).map((s) => el("option", { value: s }, s)));
  }

  // the regions of the listed events (the filters' newest 5000), as suggestions
  function fillRegions(events) {
    if ($("#f-admin1").value) return;  // a chosen region keeps the suggestions it was chosen from
    const names = [...new Set(events.map((e) => (e.location || {}).admin1).filter(Boolean))].sort();
    $("#admin1-list").replaceChildren(...names.map((a) => el("option", { value: a })));
  }

  function exportLinks(params) {
    for (const a of document.querySelectorAll("#exports a[data-format]")) {
      const p = new URLSearchParams(params);
      p.set("format", a.dataset.format);
      a.href = "/api/export?" + p;
      a.download = "eventwire-events" + (EXPORT_FILES[a.dataset.format] || "");
    }
  }

  function selectionChanged() {
    document.body.classList.toggle("event-open", state.selected != null);
    UrlState.write(false);
  }

  const chartsShown = () => !$("#charts").hidden;

  // the charts in the table's place, or the table
  function showCharts(on) {
    $("#charts").hidden = !on;
    $("#events-box").hidden = on;
    if (on) Charts.redraw();
  }

  function init(onFiltersChanged) {
    $("#show-charts").addEventListener("click", () => { showCharts(true); UrlState.write(true); });
    $("#show-table").addEventListener("click", () => { showCharts(false); UrlState.write(true); });
    const f = $("#filters");
    for (const name of ["plover", "modality", "source", "min_fatalities", "min_confidence"]) {
      f[name].addEventListener("change", onFiltersChanged);
    }
    let timer;
    f.admin1.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(onFiltersChanged, 350); });
    f.preset.addEventListener("change", () => {
      if (!f.preset.value) return;
      [f.date_from.value, f.date_to.value] = presetRange(f.preset.value);
      if (f.preset.value === "all") f.preset.value = "";
      onFiltersChanged();
    });
    for (const name of ["date_from", "date_to"]) f[name].addEventListener("change", syncPreset);
    const toggle = $("#filters-toggle");
    toggle.addEventListener("click", () => {
      const open = document.body.classList.toggle("filters-open");
      toggle.setAttribute("aria-expanded", String(open));
    });
    Charts.init((name, value) => { UrlState.setField(f[name], value); onFiltersChanged(); });
  }

  return { init, fillMeta, fillRegions, exportLinks, selectionChanged, syncPreset, showCharts, chartsShown };
})();
