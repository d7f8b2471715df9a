// One source report as analysts read it: title, outlet, date, who claims what, and the full
// text with the event's evidence and the claimants highlighted. Text goes in as text nodes.

import { h, isSafeHref } from "./dom.js";
import { segmentText } from "./spans.js";

const MARK_TITLES = { evidence: "evidence for this event", claimant: "who makes the claim" };

/** "Ministry of Defence (official, spokesperson, said)". */
export function claimText(claim) {
  const details = [claim.kind, claim.role, claim.verb].filter(Boolean).join(", ");
  return details ? `${claim.source} (${details})` : String(claim.source || "unnamed source");
}

function markedText(text, evidence, claims) {
  const layers = { evidence: evidence || [], claimant: (claims || []).map((c) => c.span).filter(Boolean) };
  return segmentText(text || "", layers).map((segment) => {
    if (!segment.kinds.length) return segment.text;
    const primary = segment.kinds.includes("evidence") ? "evidence" : segment.kinds[0];
    return h("mark", {
      class: segment.kinds.map((k) => `fp-${k}`).join(" "),
      "data-testid": primary,
      "data-start": segment.start,
      "data-end": segment.end,
      title: segment.kinds.map((k) => MARK_TITLES[k] || k).join("; "),
    }, segment.text);
  });
}

function meta(doc) {
  const link = doc.url && isSafeHref(doc.url)
    ? h("a", { href: doc.url, rel: "noopener noreferrer nofollow", target: "_blank" }, "original")
    : null;
  return h("p", { class: "fp-doc-meta" },
    [doc.source, doc.published].filter(Boolean).join(" · ") || "unknown outlet and date",
    link ? " · " : null, link);
}

function claimList(claims) {
  if (!claims || !claims.length) return h("p", { class: "fp-claims", "data-testid": "claims" }, "No claimant named in this report.");
  return h("div", { class: "fp-claims", "data-testid": "claims" },
    h("span", {}, "Claimed by: "),
    h("ul", {}, claims.map((c) => h("li", { "data-testid": "claimant-name" }, claimText(c)))));
}

/** An <article> for one document of an event. */
export function reportView(doc) {
  const body = h("div", { class: "fp-doc-text", "data-testid": "report-text", tabindex: 0,
    "aria-label": `Text of ${doc.title || "the report"}` }, markedText(doc.text, doc.evidence, doc.claims));
  return h("article", { class: "fp-doc", "data-testid": "report", "data-doc-id": doc.doc_id },
    h("h3", {}, doc.title || "Untitled report"),
    meta(doc),
    claimList(doc.claims),
    body);
}
