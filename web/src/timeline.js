// A weekly bar chart of event counts in plain SVG, with a brush: drag to
// pick a range of weeks, click to clear it.
const SVG = "http://www.w3.org/2000/svg";
const DAY = 86400000;
const WEEK = 7 * DAY;

// Monday (UTC) of the week holding an ISO date, in ms.
export function weekStart(isoDate) {
  const t = Date.parse(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(t)) return null;
  const weekday = (new Date(t).getUTCDay() + 6) % 7; // Monday = 0
  return t - weekday * DAY;
}

export function isoDay(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

// Counts per week: {start (ms of first Monday), weeks, counts[]}.
export function weeklyCounts(events, start, weeks) {
  const counts = new Array(weeks).fill(0);
  for (const e of events) {
    if (!e.event_date) continue;
    const w = weekStart(e.event_date);
    if (w === null) continue;
    const i = Math.round((w - start) / WEEK);
    if (i >= 0 && i < weeks) counts[i]++;
  }
  return counts;
}

function el(name, attrs = {}, parent = null) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (parent) parent.appendChild(node);
  return node;
}

// container: element to draw in. onBrush(range|null): range = {from, to}
// as ISO days.
export class Timeline {
  constructor(container, onBrush) {
    this.container = container;
    this.onBrush = onBrush;
    this.base = [];
    this.selected = [];
    this.range = null;
  }

  // base: events without the date filter (grey bars); selected: the events
  // the filters keep (coloured bars); range: {from, to} or null.
  update(base, selected, range) {
    this.base = base;
    this.selected = selected;
    this.range = range;
    this.render();
  }

  domain() {
    let min = Infinity;
    let max = -Infinity;
    for (const e of this.base) {
      if (!e.event_date) continue;
      const w = weekStart(e.event_date);
      if (w === null) continue;
      min = Math.min(min, w);
      max = Math.max(max, w);
    }
    if (!Number.isFinite(min)) return null;
    // a little room on both sides
    min -= WEEK;
    max += WEEK;
    return { start: min, weeks: Math.round((max - min) / WEEK) + 1 };
  }

  render() {
    const box = this.container;
    box.textContent = "";
    const width = Math.max(200, box.clientWidth || 600);
    const height = Math.max(60, box.clientHeight || 96);
    const m = { left: 30, right: 10, top: 6, bottom: 18 };
    const svg = el("svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "img",
      "aria-label": "Events per week" }, box);
    const domain = this.domain();
    if (!domain) {
      const t = el("text", { x: width / 2, y: height / 2, "text-anchor": "middle", class: "tl-empty" }, svg);
      t.textContent = "No dated events";
      svg.dataset.weeks = "0";
      return;
    }
    const { start, weeks } = domain;
    const baseCounts = weeklyCounts(this.base, start, weeks);
    const selCounts = weeklyCounts(this.selected, start, weeks);
    const maxCount = Math.max(1, ...baseCounts, ...selCounts);
    const plotW = width - m.left - m.right;
    const plotH = height - m.top - m.bottom;
    const x = (i) => m.left + (i / weeks) * plotW;
    const y = (c) => m.top + plotH - (c / maxCount) * plotH;
    const barW = Math.max(1, plotW / weeks - (plotW / weeks > 4 ? 1 : 0));
    svg.dataset.weeks = String(weeks);
    svg.dataset.start = isoDay(start);

    // axes
    el("line", { x1: m.left, x2: width - m.right, y1: m.top + plotH, y2: m.top + plotH, class: "tl-axis" }, svg);
    const yl = el("text", { x: m.left - 4, y: m.top + 8, "text-anchor": "end", class: "tl-label" }, svg);
    yl.textContent = String(maxCount);
    const y0 = el("text", { x: m.left - 4, y: m.top + plotH, "text-anchor": "end", class: "tl-label" }, svg);
    y0.textContent = "0";
    const end = start + weeks * WEEK;
    const spanYears = (end - start) / (365 * DAY);
    const first = new Date(start);
    let tick = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1);
    const stepMonths = spanYears > 6 ? 24 : spanYears > 2.5 ? 12 : spanYears > 1 ? 3 : 1;
    if (stepMonths >= 12) tick = Date.UTC(first.getUTCFullYear(), 0, 1);
    let lastLabelX = -Infinity;
    while (tick <= end) {
      if (tick >= start) {
        const px = m.left + ((tick - start) / (end - start)) * plotW;
        el("line", { x1: px, x2: px, y1: m.top + plotH, y2: m.top + plotH + 4, class: "tl-axis" }, svg);
        if (px - lastLabelX > 44) {
          const d = new Date(tick);
          const label = el("text", { x: px, y: height - 4, "text-anchor": "middle", class: "tl-label" }, svg);
          label.textContent = stepMonths >= 12 ? String(d.getUTCFullYear())
            : `${d.toLocaleString("en", { month: "short", timeZone: "UTC" })} ${String(d.getUTCFullYear()).slice(2)}`;
          lastLabelX = px;
        }
      }
      const d = new Date(tick);
      tick = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + stepMonths, 1);
    }

    // bars
    baseCounts.forEach((c, i) => {
      if (!c) return;
      el("rect", { x: x(i), y: y(c), width: barW, height: m.top + plotH - y(c), class: "tl-base" }, svg);
    });
    selCounts.forEach((c, i) => {
      if (!c) return;
      const r = el("rect", { x: x(i), y: y(c), width: barW, height: m.top + plotH - y(c), class: "tl-bar",
        "data-week": isoDay(start + i * WEEK), "data-count": c }, svg);
      const t = el("title", {}, r);
      t.textContent = `Week of ${isoDay(start + i * WEEK)}: ${c} event${c === 1 ? "" : "s"}`;
    });

    // current range
    const brush = el("rect", { y: m.top, height: plotH, class: "tl-brush", visibility: "hidden" }, svg);
    const showRange = (x0, x1) => {
      brush.setAttribute("x", Math.min(x0, x1));
      brush.setAttribute("width", Math.max(1, Math.abs(x1 - x0)));
      brush.setAttribute("visibility", "visible");
    };
    if (this.range && (this.range.from || this.range.to)) {
      const from = this.range.from ? Date.parse(`${this.range.from}T00:00:00Z`) : start;
      const to = this.range.to ? Date.parse(`${this.range.to}T00:00:00Z`) + DAY : end;
      const px0 = m.left + Math.max(0, Math.min(1, (from - start) / (end - start))) * plotW;
      const px1 = m.left + Math.max(0, Math.min(1, (to - start) / (end - start))) * plotW;
      showRange(px0, px1);
    }

    // brushing
    const overlay = el("rect", { x: m.left, y: 0, width: plotW, height, class: "tl-overlay" }, svg);
    const toX = (event) => {
      const r = svg.getBoundingClientRect();
      return Math.max(m.left, Math.min(width - m.right, ((event.clientX - r.left) / r.width) * width));
    };
    const weekAt = (px) => Math.max(0, Math.min(weeks - 1, Math.floor(((px - m.left) / plotW) * weeks)));
    let dragFrom = null;
    overlay.addEventListener("pointerdown", (event) => {
      dragFrom = toX(event);
      overlay.setPointerCapture?.(event.pointerId);
      showRange(dragFrom, dragFrom);
      event.preventDefault();
    });
    overlay.addEventListener("pointermove", (event) => {
      if (dragFrom === null) return;
      showRange(dragFrom, toX(event));
    });
    const finish = (event) => {
      if (dragFrom === null) return;
      const dragTo = toX(event);
      const a = Math.min(dragFrom, dragTo);
      const b = Math.max(dragFrom, dragTo);
      dragFrom = null;
      if (b - a < 3) {
        this.onBrush(null);
        return;
      }
      const w0 = weekAt(a);
      const w1 = weekAt(b);
      this.onBrush({ from: isoDay(start + w0 * WEEK), to: isoDay(start + w1 * WEEK + 6 * DAY) });
    };
    overlay.addEventListener("pointerup", finish);
    overlay.addEventListener("pointercancel", () => {
      dragFrom = null;
    });
  }
}
