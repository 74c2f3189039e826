// Headless browser test of the web page served by `hadath serve`.
//
//   cd web && npm run build && npm test
//
// Env: HADATH_BINARY (default ../build/apps/hadath), HADATH_TEST_DB (a
// database; when unset one is made from SHARED_DIR/seeds with `hadath
// extract`), SHARED_DIR (default ../../shared), CHROMIUM (default
// /usr/bin/chromium), ALLOW_SKIP=1 (exit 0 when Chromium is missing).
// Saves test/artifacts/page.png. Exit code 1 on any failure.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { segmentContext, mergeContexts } from "../src/evidence.js";

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repo = path.resolve(web, "..");
const binary = path.resolve(web, process.env.HADATH_BINARY || "../build/apps/hadath");
const chromium = process.env.CHROMIUM || "/usr/bin/chromium";
const sharedDir = path.resolve(web, process.env.SHARED_DIR || "../../shared");
const dist = path.join(web, "dist");
const artifacts = path.join(web, "test", "artifacts");

let passed = 0;
let failed = 0;
function check(name, ok, detail = "") {
  if (ok) {
    passed++;
    console.log(`ok   ${name}`);
  } else {
    failed++;
    console.log(`FAIL ${name}${detail ? ` — ${detail}` : ""}`);
  }
  return ok;
}

function fatal(message) {
  console.log(`FAIL ${message}`);
  console.log(`${passed} passed, ${failed + 1} failed`);
  process.exit(1);
}

if (!existsSync(chromium)) {
  if (process.env.ALLOW_SKIP === "1") {
    console.log("SKIP: chromium not installed");
    process.exit(0);
  }
  fatal(`chromium not installed at ${chromium} (apt-get install chromium, or set CHROMIUM; ALLOW_SKIP=1 to skip)`);
}
if (!existsSync(path.join(dist, "index.html"))) fatal("web/dist/index.html missing: run `npm run build` first");
if (!existsSync(binary)) fatal(`hadath binary not found at ${binary} (set HADATH_BINARY)`);

const { chromium: playwright } = await import("playwright-core");

// ---------- database and server ----------

let tempDir = null;
let db = process.env.HADATH_TEST_DB;
if (!db) {
  tempDir = mkdtempSync(path.join(os.tmpdir(), "hadath-web-test-"));
  db = path.join(tempDir, "sample.db");
  const seeds = path.join(sharedDir, "seeds");
  const made = spawnSync(binary, ["extract", seeds, "--db", db], { cwd: repo, encoding: "utf8" });
  if (made.status !== 0) fatal(`could not make a sample database from ${seeds}: ${made.stderr || made.stdout}`);
  console.log(`made a sample database from ${seeds}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const port = await freePort();
const base = `http://127.0.0.1:${port}/`;
const server = spawn(binary, ["serve", "--db", db, "--static", dist, "--listen", `127.0.0.1:${port}`], {
  cwd: repo,
  stdio: ["ignore", "pipe", "pipe"],
});
let serverLog = "";
server.stdout.on("data", (d) => (serverLog += d));
server.stderr.on("data", (d) => (serverLog += d));

let browser = null;
function cleanup() {
  if (server.exitCode === null) server.kill("SIGTERM");
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
}
const guard = setTimeout(() => {
  console.log("FAIL the test took longer than 180 s");
  cleanup();
  process.exit(1);
}, 180000);

async function waitForServer() {
  const until = Date.now() + 20000;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`hadath serve exited: ${serverLog.slice(-500)}`);
    try {
      const r = await fetch(`${base}openapi.json`);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`hadath serve did not answer on port ${port}: ${serverLog.slice(-500)}`);
}

async function apiJson(route) {
  const r = await fetch(`${base}${route}`);
  if (!r.ok) throw new Error(`${route}: HTTP ${r.status} ${await r.text()}`);
  return r.json();
}

async function apiEvents(filters = {}) {
  const events = [];
  let cursor = null;
  do {
    const q = new URLSearchParams({ ...filters, limit: "500" });
    if (cursor) q.set("cursor", cursor);
    const page = await apiJson(`events?${q}`);
    events.push(...page.events);
    cursor = page.next_cursor;
  } while (cursor && events.length < 5000);
  return events;
}

const mapped = (events) => events.filter((e) => typeof e.latitude === "number" && typeof e.longitude === "number");

try {
  await waitForServer();

  // ---------- evidence offsets (no browser) ----------
  const all = await apiEvents();
  if (!check("the sample database has events", all.length > 0, "no events: is HADATH_TEST_DB right?")) throw new Error("no events");
  let spansChecked = 0;
  let spansWrong = 0;
  for (const e of all.slice(0, 20)) {
    const detail = await apiJson(`events/${encodeURIComponent(e.event_id)}`);
    for (const doc of detail.event.documents || []) {
      const contexts = mergeContexts((detail.context || []).filter((c) => c.document === doc.document));
      for (const c of contexts) {
        for (const span of doc.evidence || []) {
          if (span.start < c.start || span.end > c.end || !span.text) continue;
          const segs = segmentContext(c.text, c.start, [span]);
          const marked = segs.filter((s) => s.roles.length);
          spansChecked++;
          if (marked.length !== 1 || marked[0].text !== span.text || segs.map((s) => s.text).join("") !== c.text) {
            spansWrong++;
            if (spansWrong <= 3) console.log(`  span ${span.start}-${span.end} of ${e.event_id}: got "${marked.map((s) => s.text).join("|")}", want "${span.text}"`);
          }
        }
      }
    }
  }
  check(`evidence byte offsets map onto context text (${spansChecked} spans)`, spansChecked > 0 && spansWrong === 0,
    `${spansWrong} of ${spansChecked} wrong`);

  // ---------- browser ----------
  browser = await playwright.launch({ executablePath: chromium, headless: true, args: ["--no-sandbox", "--disable-gpu"] });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const consoleErrors = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") consoleErrors.push(msg.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => consoleErrors.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));

  const loads = async () => Number(await page.evaluate(() => document.body.dataset.loads || 0));
  const waitLoaded = async (after) =>
    page.waitForFunction((n) => document.body.dataset.state === "ready" && Number(document.body.dataset.loads || 0) > n, after,
      { timeout: 15000 });
  const rowCount = () => page.locator("#event-list .event-row").count();

  mkdirSync(artifacts, { recursive: true });
  await page.goto(base, { waitUntil: "load" });
  await waitLoaded(0);
  check("page loads and reports ready", true);

  // markers: the page's count, and what the clusters and lone markers add up to
  const expected = mapped(all).length;
  const markerCount = Number(await page.getAttribute("#map", "data-markers"));
  check(`map has markers for the API's events (${markerCount} = ${expected})`, markerCount > 0 && markerCount === expected,
    `page ${markerCount}, API ${expected}`);
  const drawn = await page
    .waitForFunction((want) => {
      const lone = document.querySelectorAll("#map path.event-marker").length;
      const inClusters = [...document.querySelectorAll("#map .marker-cluster")].reduce((n, c) => n + Number(c.textContent || 0), 0);
      return lone + inClusters === want ? lone + inClusters : false;
    }, expected, { timeout: 10000 })
    .then((h) => h.jsonValue())
    .catch(() => null);
  check("markers and clusters drawn on the map add up to the events", drawn === expected, `drawn ${drawn}, want ${expected}`);
  check("boundaries drawn", (await page.locator("#map path.leaflet-interactive:not(.event-marker)").count()) >= 10);
  check("legend shown", await page.locator("#legend").isVisible());
  check(`list has one row per event (${await rowCount()})`, (await rowCount()) === all.length);
  check("timeline has bars", (await page.locator("#timeline rect.tl-bar").count()) > 0);

  // detail from a marker
  const lone = page.locator("#map path.event-marker");
  if ((await lone.count()) > 0) {
    await lone.first().dispatchEvent("click");
    const ok = await page.waitForFunction(() => {
      const d = document.querySelector("#detail");
      return !d.hidden && d.dataset.state === "ready";
    }, null, { timeout: 10000 }).then(() => true).catch(() => false);
    check("clicking a marker opens the detail", ok);
    await page.click("#detail-close");
  } else {
    check("a lone (unclustered) marker to click", false);
  }

  // date filter
  const days = [...new Set(all.map((e) => e.event_date).filter(Boolean))].sort();
  if (days.length >= 2) {
    const from = days[1];
    const want = (await apiEvents({ date_from: from })).length;
    let n = await loads();
    await page.fill("#f-date-from", from);
    await page.dispatchEvent("#f-date-from", "change");
    await waitLoaded(n);
    const got = await rowCount();
    check(`date filter changes the list (${all.length} -> ${got}, API ${want})`, got === want && got !== all.length);
    const exportHref = await page.getAttribute("#export-acled", "href");
    check("export link carries the filters", exportHref.includes("format=acled") && exportHref.includes(`date_from=${from}`), exportHref);
    const csv = await page.request.get(new URL(exportHref, base).toString());
    check("ACLED export answers CSV", csv.ok() && (csv.headers()["content-type"] || "").startsWith("text/csv"));
    n = await loads();
    await page.click("#f-reset");
    await waitLoaded(n);
    check("reset shows all events again", (await rowCount()) === all.length);
  } else {
    check("sample has at least two event dates for the date filter test", false);
  }

  // timeline brush over the first week with events
  const bar = await page.locator("#timeline rect.tl-bar").first().boundingBox();
  if (bar) {
    const n = await loads();
    const y = bar.y + bar.height / 2;
    await page.mouse.move(bar.x - 2, y);
    await page.mouse.down();
    await page.mouse.move(bar.x + bar.width / 2, y, { steps: 3 });
    await page.mouse.move(bar.x + bar.width + 2, y, { steps: 3 });
    await page.mouse.up();
    await waitLoaded(n);
    const from = await page.inputValue("#f-date-from");
    const to = await page.inputValue("#f-date-to");
    const want = (await apiEvents({ date_from: from, date_to: to })).length;
    const got = await rowCount();
    check(`brushing the timeline sets ${from}..${to} and refilters (${got}, API ${want})`,
      Boolean(from && to) && got === want && got > 0 && got !== all.length);
    const m = Number(await page.getAttribute("#map", "data-markers"));
    check("map follows the brush", m === mapped(await apiEvents({ date_from: from, date_to: to })).length);
    await page.screenshot({ path: path.join(artifacts, "page-brushed.png") }).catch(() => {});
    const n2 = await loads();
    await page.click("#f-reset");
    await waitLoaded(n2);
  } else {
    check("timeline bar found for brushing", false);
  }

  // detail from a list row
  let opened = false;
  const rows = await rowCount();
  for (let i = 0; i < rows && !opened; i++) {
    const row = page.locator("#event-list .event-row").nth(i);
    const id = await row.getAttribute("data-id");
    await row.click();
    await page.waitForFunction((want) => {
      const d = document.querySelector("#detail");
      return !d.hidden && d.dataset.state !== "loading" && d.dataset.event === want;
    }, id, { timeout: 10000 }).catch(() => {});
    const marks = await page.locator("#detail mark.evidence").count();
    if (marks > 0) {
      opened = true;
      const arabic = await page.locator("#detail-evidence p.context[dir=rtl][lang=ar]").first().textContent();
      check("clicking a row opens the detail", await page.locator("#detail").isVisible());
      check("detail shows Arabic text right-to-left", /[\u0600-\u06FF]/.test(arabic || ""));
      check(`detail highlights evidence (${marks} marks)`, marks > 0);
      const title = await page.locator("#detail mark.evidence").first().getAttribute("title");
      check("evidence marks carry their role as a title", Boolean(title));
      check("detail shows the English record", /Fatalities/.test(await page.locator("#detail-record").textContent()));
      check("detail lists the merged reports", (await page.locator("#detail-reports .report-link").count()) >= 1);
      await page.screenshot({ path: path.join(artifacts, "page.png") });
    }
  }
  check("some event row opens a detail with evidence marks", opened);

  // a bad filter value is shown, not thrown
  {
    const n = await page.evaluate(() => Number(document.body.dataset.loads || 0));
    await page.fill("#f-actor", "NO_SUCH_ACTOR_ID");
    await page.dispatchEvent("#f-actor", "change");
    await waitLoaded(n);
    check("a filter that keeps nothing shows an empty list", (await rowCount()) === 0);
  }

  // paging through next_cursor, and the cap
  {
    await page.goto(`${base}?page=5`, { waitUntil: "load" });
    await waitLoaded(0);
    check(`follows next_cursor pages (page size 5: ${await rowCount()} rows)`, (await rowCount()) === all.length);
    if (all.length > 3) {
      await page.goto(`${base}?page=2&cap=3`, { waitUntil: "load" });
      await waitLoaded(0);
      const status = await page.textContent("#status");
      check(`says so when capped (${status})`, (await rowCount()) === 3 && /capped/.test(status));
    }
  }

  check("no console errors", consoleErrors.length === 0, consoleErrors.slice(0, 5).join(" | "));
} catch (error) {
  check(`test ran to the end`, false, error.stack || error.message);
} finally {
  clearTimeout(guard);
  if (browser) await browser.close().catch(() => {});
  cleanup();
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
