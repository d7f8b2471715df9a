// Analyst review of one event: confirm, reject, or correct its type, an actor or the place.
// The API stores who and when; the token is kept in sessionStorage (gone when the tab closes),
// the reviewer name in localStorage.

import { postReview } from "./api.js";
import { h } from "./dom.js";
import { eventKey, reviewText } from "./format.js";

const TOKEN_KEY = "flashpoint.token";
const REVIEWER_KEY = "flashpoint.reviewer";
const CORRECTABLE = [
  ["event_type", "Event type"],
  ["sub_event_type", "Sub-event type"],
  ["actor1", "Actor 1"],
  ["actor2", "Actor 2"],
  ["place", "Place"],
];

function storedInput(id, label, storage, key, type) {
  const input = h("input", { id, type, autocomplete: "off", "data-testid": id, value: storage.getItem(key) || "" });
  input.addEventListener("input", () => storage.setItem(key, input.value));
  return [h("label", { for: id }, label), input];
}

// A form of its own so browsers and password managers treat the token field properly.
function credentials(...nodes) {
  const form = h("form", { class: "fp-credentials", "aria-label": "Reviewer credentials" }, nodes);
  form.addEventListener("submit", (e) => e.preventDefault());
  return form;
}

function choices(field, options) {
  if (field === "event_type") return options.eventTypes;
  if (field === "actor1" || field === "actor2") return options.actors.map((a) => a.name || a.id);
  return [];
}

const COORDINATES = /^(.*?)\s*\(\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*\)$/;

/**
 * The value sent for a correction: a known actor's name becomes `{id, name}`; a place written
 * "Name (lat, lon)" becomes `{name, lat, lon}`; anything else is sent as the text typed.
 */
export function correctionValue(field, text, actors) {
  if (field === "actor1" || field === "actor2") {
    const known = actors.find((a) => a.name === text || a.id === text);
    return known ? { id: known.id, name: known.name || known.id } : text;
  }
  const match = field === "place" ? COORDINATES.exec(text) : null;
  if (match) {
    const [lat, lon] = [Number(match[2]), Number(match[3])];
    if (Math.abs(lat) <= 90 && Math.abs(lon) <= 180) return { name: match[1] || null, lat, lon };
  }
  return text;
}

const PLACEHOLDERS = { place: "Name, or Name (lat, lon)", actor1: "actor name", actor2: "actor name" };

function correctionForm(submit, options) {
  const field = h("select", { id: "review-field", "data-testid": "review-field" },
    CORRECTABLE.map(([value, label]) => h("option", { value }, label)));
  const list = h("datalist", { id: "review-choices" });
  const value = h("input", { id: "review-value", type: "text", list: "review-choices", "data-testid": "review-value", required: true });
  const refill = () => {
    list.replaceChildren(...choices(field.value, options).map((c) => h("option", { value: c })));
    value.placeholder = PLACEHOLDERS[field.value] || "new value";
  };
  field.addEventListener("change", refill);
  refill();
  const form = h("form", { class: "fp-correct", "data-testid": "review-correct-form" },
    h("label", { for: "review-field" }, "Correct"), field,
    h("label", { for: "review-value" }, "to"), value, list,
    h("button", { type: "submit", "data-testid": "review-correct" }, "Save correction"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    submit({ action: "correct", field: field.value, value: correctionValue(field.value, value.value.trim(), options.actors) });
  });
  return form;
}

function history(reviews) {
  if (!reviews || !reviews.length) return null;
  return h("details", { class: "fp-review-history" },
    h("summary", {}, `Review history (${reviews.length})`),
    h("ol", { "data-testid": "review-history" }, reviews.map((r) => h("li", {}, reviewText(r)))));
}

/**
 * The review <section> for `event` with its past `reviews` (oldest first). `options` =
 * `{eventTypes, actors}` for suggestions; `onReviewed(review)` runs after the API stored one.
 */
export function reviewSection(event, reviews, options, onReviewed) {
  const status = h("p", { class: "fp-review-status", "data-testid": "review-status", role: "status" }, reviewText(event.review));
  const error = h("p", { class: "fp-error", "data-testid": "review-error", role: "alert" });
  const [reviewerLabel, reviewer] = storedInput("reviewer", "Reviewer", window.localStorage, REVIEWER_KEY, "text");
  const [tokenLabel, token] = storedInput("api-token", "API token", window.sessionStorage, TOKEN_KEY, "password");
  const submit = async (review) => {
    error.textContent = "";
    if (!reviewer.value.trim()) { error.textContent = "Enter your name as reviewer first."; reviewer.focus(); return; }
    if (!token.value) { error.textContent = "Enter the API token first."; token.focus(); return; }
    try {
      const result = await postReview(eventKey(event), { ...review, reviewer: reviewer.value.trim() }, token.value);
      status.textContent = reviewText(result.review);
      onReviewed(result.review);
    } catch (exc) {
      error.textContent = `Review not saved: ${exc.message}`;
    }
  };
  const button = (action, label) => {
    const node = h("button", { type: "button", "data-testid": `review-${action}`, class: `fp-${action}` }, label);
    node.addEventListener("click", () => submit({ action }));
    return node;
  };
  return h("section", { class: "fp-review", "data-testid": "review", "aria-labelledby": "review-title" },
    h("h2", { id: "review-title" }, "Review"),
    status,
    credentials(reviewerLabel, reviewer, tokenLabel, token),
    h("div", { class: "fp-review-actions" }, button("confirm", "Confirm"), button("reject", "Reject")),
    correctionForm(submit, options),
    error,
    history(reviews));
}
