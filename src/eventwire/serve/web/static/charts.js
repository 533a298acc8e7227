// eventwire dashboard: charts of the current view (filters and brushed period) from /api/stats: events or
// fatalities per week or month stacked by event type, and the top countries, actors and dyads. Plain SVG and
// HTML like the timeline (no chart library to vendor); data reaches the page as text only. Uses app.js's helpers.
"use strict";

const Charts = (() => {
  const options = { measure: "events", interval: "week" };  // what the toggles chose (kept in the URL)
  const NO_TYPE = "No ACLED type (PLOVER only)";
  const RANKED = 10;  // rows of each top list
  let stats = null;
  let pick = null;    // (filter name, value) => void: a click on a country or an actor filters by it

  const value = (d) => d[options.measure] || 0;

  // A week is named by its Monday (1970-01-01, day 0, was a Thursday); a month by YYYY-MM.
  function periodOf(iso) {
    if (options.interval === "month") return iso.slice(0, 7);
    const n = dayNum(iso);
    return isoOf(n - ((n + 3) % 7));
  }

  // every period from the first to the last, so that a quiet week shows as a gap
  function periodsBetween(first, last) {
    const out = [];
    if (options.interval === "month") {
      let [y, m] = first.split("-").map(Number);
      const [y1, m1] = last.split("-").map(Number);
      while (y < y1 || (y === y1 && m <= m1)) {
        out.push(`${y}-${String(m).padStart(2, "0")}`);
        if (++m > 12) { m = 1; y++; }
      }
    } else {
      for (let n = dayNum(first); n <= dayNum(last); n += 7) out.push(isoOf(n));
    }
    return out;
  }

  function render(s) {
    stats = s;
    drawPeriods();
    const names = (state.meta && state.meta.countries) || {};
    rankList("#chart-countries", s.by_country.filter((c) => c.country)
      .map((c) => ({ label: names[c.country] || c.country, filter: ["country", c.country], ...c })));
    rankList("#chart-actors", s.by_actor.map((a) => ({ label: a.actor, filter: ["actor", a.actor], ...a })));
    rankList("#chart-dyads", (s.by_dyad || []).map((d) => ({ label: `${d.actor1} – ${d.actor2}`, ...d })));
    for (const b of document.querySelectorAll("#chart-measure button")) {
      b.setAttribute("aria-pressed", String(b.dataset.measure === options.measure));
    }
    for (const b of document.querySelectorAll("#chart-interval button")) {
      b.setAttribute("aria-pressed", String(b.dataset.interval === options.interval));
    }
    $("#charts-unit").textContent = options.measure === "events" ? "events" : "reported fatalities";
    $("#charts-per").textContent = options.interval;
    for (const w of document.querySelectorAll("#charts .per-word")) w.textContent = options.interval;
  }

  function drawPeriods() {
    const box = $("#chart-periods");
    const width = box.clientWidth || 600, height = box.clientHeight || 180;
    const m = { l: 36, r: 8, t: 8, b: 20 };
    box.setAttribute("viewBox", `0 0 ${width} ${height}`);
    box.replaceChildren();
    const rows = stats.by_day_type || [];
    if (!rows.length) {
      box.append(svg("text", { x: width / 2, y: height / 2, class: "empty", "text-anchor": "middle" },
        "No dated events match the filters"));
      box.dataset.total = "0";
      return;
    }
    const types = [...Object.keys(TYPE_COLOURS), NO_TYPE];
    const cells = new Map();  // period -> {type -> value}
    let total = 0;
    for (const d of rows) {
      const p = periodOf(d.date), t = d.event_type || NO_TYPE;
      const cell = cells.get(p) || {};
      cell[t] = (cell[t] || 0) + value(d);
      cells.set(p, cell);
      total += value(d);
    }
    box.dataset.total = String(total);
    const periods = periodsBetween(periodOf(rows[0].date), periodOf(rows[rows.length - 1].date));
    const sums = periods.map((p) => Object.values(cells.get(p) || {}).reduce((a, b) => a + b, 0));
    const top = Math.max(1, ...sums);
    const iw = width - m.l - m.r, ih = height - m.t - m.b;
    const band = iw / periods.length, bw = Math.max(1, band * 0.8);
    const y = (v) => (v / top) * ih;
    const grid = svg("g", { class: "grid" });
    for (const f of [0.5, 1]) grid.append(svg("line", { x1: m.l, x2: width - m.r, y1: m.t + ih * (1 - f), y2: m.t + ih * (1 - f) }));
    box.append(grid);
    const bars = svg("g", { class: "bars" });
    periods.forEach((p, i) => {
      const cell = cells.get(p) || {};
      let base = m.t + ih;
      for (const t of types) {
        const v = cell[t];
        if (!v) continue;
        const h = y(v);
        const rect = svg("rect", { x: m.l + i * band + (band - bw) / 2, y: base - h, width: bw, height: Math.max(0.5, h),
          fill: t === NO_TYPE ? NO_TYPE_COLOUR : typeColour(t), class: "seg" });
        rect.dataset.period = p; rect.dataset.type = t; rect.dataset.value = String(v);
        rect.append(svg("title", {}, `${options.interval === "week" ? "week of " : ""}${p} · ${t}: ${fmt.format(v)} ${options.measure}`));
        bars.append(rect);
        base -= h;
      }
    });
    box.append(bars);
    const axis = svg("g", { class: "axis" });
    const every = Math.max(1, Math.ceil(periods.length / Math.max(1, Math.floor(iw / 80))));
    periods.forEach((p, i) => {
      if (i % every) return;
      axis.append(svg("text", { x: m.l + i * band + band / 2, y: height - 5, "text-anchor": "middle" }, p));
    });
    axis.append(svg("text", { x: m.l - 4, y: m.t + 8, "text-anchor": "end" }, fmt.format(top)));
    axis.append(svg("text", { x: m.l - 4, y: m.t + ih, "text-anchor": "end" }, "0"));
    box.append(axis);
  }

  // a top list as rows of label, bar and figure, by the chosen measure; a row with a filter is a button
  function rankList(sel, items) {
    const box = $(sel);
    const ranked = items.filter((d) => value(d) > 0).sort((a, b) => value(b) - value(a) || a.label.localeCompare(b.label))
      .slice(0, RANKED);
    if (!ranked.length) { box.replaceChildren(el("li", { class: "muted" }, "none")); return; }
    const top = value(ranked[0]);
    box.replaceChildren(...ranked.map((d) => {
      const bar = el("span", { class: "rank-bar" }, el("span", { style: { width: (100 * value(d) / top).toFixed(1) + "%" } }));
      const label = el("span", { class: "rank-label", title: d.label }, d.label);
      const figure = el("span", { class: "rank-value" }, fmt.format(value(d)));
      if (!d.filter || !pick) return el("li", { dataset: { value: value(d) } }, label, bar, figure);
      return el("li", { dataset: { value: value(d) } }, el("button", { type: "button", class: "rank-row",
        title: `Show only ${d.label}`, onclick: () => pick(d.filter[0], d.filter[1]) }, label, bar, figure));
    }));
  }

  function init(onPick) {
    pick = onPick;
    for (const b of document.querySelectorAll("#chart-measure button")) {
      b.addEventListener("click", () => { options.measure = b.dataset.measure; if (stats) render(stats); UrlState.write(true); });
    }
    for (const b of document.querySelectorAll("#chart-interval button")) {
      b.addEventListener("click", () => { options.interval = b.dataset.interval; if (stats) render(stats); UrlState.write(true); });
    }
    window.addEventListener("resize", () => { if (stats) drawPeriods(); });
  }

  return { init, render, options, redraw: () => stats && render(stats) };
})();
