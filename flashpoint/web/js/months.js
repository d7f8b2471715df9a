// Calendar months as integers (year * 12 + month0) for the timeline: pure date arithmetic on
// ISO "YYYY-MM-DD" strings, free of time zones (event dates are calendar days, not instants).

/** Month number of an ISO date, or null. */
export function monthOf(iso) {
  const match = /^(\d{4})-(\d{2})/.exec(iso || "");
  return match ? Number(match[1]) * 12 + Number(match[2]) - 1 : null;
}

const pad = (n) => String(n).padStart(2, "0");

/** "YYYY-MM" label of a month number. */
export function monthLabel(month) {
  return `${Math.floor(month / 12)}-${pad((month % 12) + 1)}`;
}

/** First day of the month, ISO. */
export function monthStart(month) {
  return `${monthLabel(month)}-01`;
}

/** Last day of the month, ISO (day 0 of the next month). */
export function monthEnd(month) {
  const year = Math.floor(month / 12);
  const last = new Date(Date.UTC(year, (month % 12) + 1, 0)).getUTCDate();
  return `${monthLabel(month)}-${pad(last)}`;
}

/** Events per month between `first` and `last` inclusive, keyed by the start date. */
export function countByMonth(events, first, last) {
  const counts = new Array(Math.max(0, last - first + 1)).fill(0);
  for (const event of events) {
    const month = monthOf(event.time && event.time.start);
    if (month !== null && month >= first && month <= last) counts[month - first] += 1;
  }
  return counts;
}

/** Does an event's time range overlap [start, end] (ISO strings, either may be empty)? */
export function overlaps(time, range) {
  if (!range) return true;
  if (!time || !time.start) return false;
  const end = time.end || time.start;
  return (!range.start || end >= range.start) && (!range.end || time.start <= range.end);
}
