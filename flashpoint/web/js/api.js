// Calls to the Flashpoint HTTP API (same origin). Every failure becomes an ApiError whose
// message comes from the API's one error shape {ok: false, error, errors, status}.

export class ApiError extends Error {
  constructor(message, status, errors = []) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.errors = errors;
  }
}

async function request(path, options = {}) {
  let response;
  try {
    response = await fetch(path, { ...options, headers: { Accept: "application/json", ...(options.headers || {}) } });
  } catch (exc) {
    throw new ApiError(`cannot reach the server (${exc.message})`, 0);
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`${path}: HTTP ${response.status}, not JSON`, response.status);
  }
  if (!response.ok || (body && body.ok === false)) {
    const message = (body && body.error) || `HTTP ${response.status}`;
    throw new ApiError(message, response.status, (body && body.errors) || []);
  }
  return body;
}

function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

/**
 * Store summary as the page uses it: `{actors: [{id, name}], event_types: [..], date_min,
 * date_max, total}`. Counts keyed by type and a `date_range` object are accepted too.
 */
export async function getStats() {
  const raw = await request("/api/stats");
  const types = raw.event_types || [];
  const range = raw.date_range || {};
  return {
    actors: raw.actors || [],
    event_types: Array.isArray(types) ? types : Object.keys(types),
    date_min: raw.date_min ?? range.start ?? null,
    date_max: raw.date_max ?? range.end ?? null,
    total: raw.total ?? raw.events ?? null,
  };
}
export const getInfluences = () => request("/api/influences");
export const getEvent = (eventId) => request(`/api/events/${encodeURIComponent(eventId)}`);

/** One page of events: `{total, events}`. */
export const getEventsPage = (filters, limit, offset) =>
  request(`/api/events${query({ ...filters, limit, offset })}`);

/**
 * Every event matching `filters`, fetched page by page up to `cap` events, so the timeline
 * and table can be filtered instantly in the browser. Returns `{total, events, truncated}`.
 */
export async function getAllEvents(filters, { pageSize = 500, cap = 5000 } = {}) {
  const events = [];
  let total = 0;
  while (events.length < cap) {
    const page = await getEventsPage(filters, Math.min(pageSize, cap - events.length), events.length);
    total = page.total;
    events.push(...page.events);
    if (page.events.length === 0 || events.length >= total) break;
  }
  return { total, events, truncated: events.length < total };
}

/** Record a review; the token is sent as a bearer token and never stored by the API client. */
export function postReview(eventId, review, token) {
  return request(`/api/events/${encodeURIComponent(eventId)}/review`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
    body: JSON.stringify(review),
  });
}
