// Cut a report text into segments at span boundaries so evidence and claimant spans can be
// wrapped in <mark>. Offsets from the API are Python string indices (Unicode code points);
// JavaScript strings index UTF-16 units, so the two differ after any astral character
// (emoji, some scripts). We convert once instead of trusting the two to agree.

/** Map code-point offsets 0..n to UTF-16 offsets. */
export function codePointIndex(text) {
  const index = [0];
  let unit = 0;
  for (const ch of text) {
    unit += ch.length;
    index.push(unit);
  }
  return index;
}

function clampSpan(span, limit) {
  if (!Array.isArray(span) || span.length !== 2) return null;
  const [s, e] = span.map(Number);
  if (!Number.isInteger(s) || !Number.isInteger(e)) return null;
  const start = Math.max(0, Math.min(s, limit));
  const end = Math.max(0, Math.min(e, limit));
  return end > start ? [start, end] : null;
}

/**
 * Segments of `text` with the kinds of span covering each one.
 * `layers` is `{kind: [[start, end], ...]}` in code points; spans may overlap, be unsorted, or
 * fall outside the text (they are clamped or dropped). Returns `[{text, kinds: [..]}]` whose
 * texts concatenate back to `text`.
 */
export function segmentText(text, layers) {
  const index = codePointIndex(text);
  const limit = index.length - 1;
  const spans = [];
  for (const [kind, list] of Object.entries(layers || {})) {
    for (const raw of list || []) {
      const span = clampSpan(raw, limit);
      if (span) spans.push({ kind, start: span[0], end: span[1] });
    }
  }
  const cuts = new Set([0, limit]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const segments = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const kinds = [...new Set(spans.filter((s) => s.start <= a && s.end >= b).map((s) => s.kind))].sort();
    segments.push({ text: text.slice(index[a], index[b]), kinds, start: a, end: b });
  }
  return segments;
}
