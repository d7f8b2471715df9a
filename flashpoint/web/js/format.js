// Human-readable text for event fields. Unknown stays visibly unknown ("—"), never a guess,
// and every precision code is shown with its number so analysts can cross-check the codebook.

export const UNKNOWN = "—";

/**
 * The id the API addresses an event by. Store records carry a store-wide `id` (merged events
 * included); a record's `event_id` is only unique within its document, so it is the fallback.
 */
export function eventKey(event) {
  return String(event.id ?? event.event_id);
}

// ACLED codebook: geo_precision and time_precision.
const GEO_PRECISION = {
  1: "exact place",
  2: "near or part of a place",
  3: "region or province only",
};
const TIME_PRECISION = {
  1: "exact day",
  2: "within a week",
  3: "within a month or longer",
};
// UCDP GED: where_prec and date_prec.
const WHERE_PREC = {
  1: "exact location",
  2: "within 25 km",
  3: "second-order admin area",
  4: "first-order admin area",
  5: "several admin areas or a line",
  6: "country only",
  7: "international waters or airspace",
};
const DATE_PREC = {
  1: "exact day",
  2: "2–6 days",
  3: "one week to a month",
  4: "one month to a year",
  5: "more than a year",
};

function coded(table, code, scheme) {
  if (code === null || code === undefined) return `${scheme} unknown`;
  return `${scheme} ${code}: ${table[code] || "unlisted code"}`;
}

export const geoPrecision = (code) => coded(GEO_PRECISION, code, "geo_precision");
export const timePrecision = (code) => coded(TIME_PRECISION, code, "time_precision");
export const wherePrec = (code) => coded(WHERE_PREC, code, "where_prec");
export const datePrec = (code) => coded(DATE_PREC, code, "date_prec");

/** "2024-03-02" or "2024-03-01 – 2024-03-31". */
export function dateRange(time) {
  if (!time || !time.start) return UNKNOWN;
  return time.end && time.end !== time.start ? `${time.start} – ${time.end}` : time.start;
}

/** Actor display name: canonical name, else the words of the report. */
export function actorName(actor) {
  if (!actor) return UNKNOWN;
  return actor.name || actor.text || actor.id || UNKNOWN;
}

/** Place display name with admin1 and country when known. */
export function placeName(place) {
  if (!place) return UNKNOWN;
  const parts = [place.name || place.text, place.admin1, place.country].filter(Boolean);
  return parts.length ? [...new Set(parts)].join(", ") : UNKNOWN;
}

/** The single count used to size markers and sort: best, else low, else null. */
export function fatalityCount(fatalities) {
  if (!fatalities) return null;
  for (const key of ["best", "low", "high"]) {
    if (Number.isFinite(fatalities[key])) return fatalities[key];
  }
  return null;
}

/** "12 (low 10 – high 15, at least)" or "—". */
export function fatalitiesText(fatalities) {
  const count = fatalityCount(fatalities);
  if (count === null) return UNKNOWN;
  const { low, high, qualifier } = fatalities;
  const range = [];
  if (Number.isFinite(low) && low !== count) range.push(`low ${low}`);
  if (Number.isFinite(high) && high !== count) range.push(`high ${high}`);
  const extra = [range.join(" – "), qualifier].filter(Boolean).join(", ");
  return extra ? `${count} (${extra})` : String(count);
}

/** A corrected value as text: a string as is, an actor or place by name (and coordinates). */
export function correctionText(value) {
  if (value === null || value === undefined) return UNKNOWN;
  if (typeof value !== "object") return String(value);
  const coords = Number.isFinite(value.lat) && Number.isFinite(value.lon) ? ` (${value.lat}, ${value.lon})` : "";
  return `${value.name || value.id || UNKNOWN}${coords}`;
}

/** Has a reviewer rejected this event (the flag, or the latest review)? */
export function isRejected(event) {
  return Boolean(event.rejected) || Boolean(event.review && event.review.action === "reject");
}

/** One line about the latest review: "confirmed by ana, 2024-05-01 10:00". */
export function reviewText(review) {
  if (!review) return "not reviewed";
  const verb = { confirm: "confirmed", correct: "corrected", reject: "rejected" }[review.action] || review.action;
  const what = review.action === "correct" && review.field ? ` ${review.field} → ${correctionText(review.value)}` : "";
  const when = review.created_at || review.at || review.timestamp || "";
  const who = review.reviewer ? ` by ${review.reviewer}` : "";
  return `${verb}${what}${who}${when ? `, ${String(when).replace("T", " ").slice(0, 16)}` : ""}`;
}
