// Pure helpers for placing evidence spans (UTF-8 byte offsets into the
// original article) inside the context texts that GET /events/{id} returns.
// No DOM here, so node can test it directly.

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8");

// Merges the contexts of one document whose byte ranges overlap or touch,
// so that no sentence is shown twice. Contexts: {start, end, text, ...}.
export function mergeContexts(contexts) {
  const sorted = [...contexts]
    .map((c) => ({ start: c.start, end: c.end, bytes: encoder.encode(c.text ?? "") }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged = [];
  for (const c of sorted) {
    const last = merged[merged.length - 1];
    if (last && c.start <= last.end) {
      if (c.end > last.end) {
        const tail = c.bytes.subarray(last.end - c.start);
        const joined = new Uint8Array(last.bytes.length + tail.length);
        joined.set(last.bytes);
        joined.set(tail, last.bytes.length);
        last.bytes = joined;
        last.end = c.end;
      }
    } else {
      merged.push({ ...c });
    }
  }
  return merged.map((c) => ({ start: c.start, end: c.end, text: decoder.decode(c.bytes) }));
}

// For a string, the UTF-16 index at each UTF-8 byte offset that starts a
// code point (and at the end). Offsets inside a code point snap forward.
function byteIndex(text) {
  const starts = []; // [byteOffset, utf16Index]
  let bytes = 0;
  let index = 0;
  for (const ch of text) {
    starts.push([bytes, index]);
    const cp = ch.codePointAt(0);
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    index += ch.length;
  }
  starts.push([bytes, index]);
  return (offset) => {
    if (offset <= 0) return 0;
    // binary search for the first code point starting at or after offset
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid][0] < offset) lo = mid + 1;
      else hi = mid;
    }
    return starts[lo][1];
  };
}

// Cuts a context text into segments, each covered by the same set of
// evidence spans. spans: [{start, end, role, text}] with article byte
// offsets; contextStart: the article byte offset of text[0].
// Returns [{text, roles: [..] }] in order; roles is empty for plain text.
export function segmentContext(text, contextStart, spans) {
  const toIndex = byteIndex(text);
  const length = encoder.encode(text).length;
  const local = [];
  for (const span of spans) {
    const s = Math.max(0, span.start - contextStart);
    const e = Math.min(length, span.end - contextStart);
    if (e <= s) continue;
    local.push({ s: toIndex(s), e: toIndex(e), role: span.role || "evidence", width: e - s });
  }
  const cuts = new Set([0, text.length]);
  for (const l of local) {
    cuts.add(l.s);
    cuts.add(l.e);
  }
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  const segments = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    if (b <= a) continue;
    // narrowest span first: it names the segment's most specific role
    const covering = local.filter((l) => l.s <= a && l.e >= b).sort((x, y) => x.width - y.width);
    const roles = [...new Set(covering.map((l) => l.role))];
    const previous = segments[segments.length - 1];
    if (previous && previous.roles.join() === roles.join()) previous.text += text.slice(a, b);
    else segments.push({ text: text.slice(a, b), roles });
  }
  return segments;
}

// The evidence spans of a document that fall (at least partly) inside
// [start, end).
export function spansWithin(evidence, start, end) {
  return (evidence || []).filter((e) => e.end > start && e.start < end);
}
