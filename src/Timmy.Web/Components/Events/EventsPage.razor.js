// Keeps the first page of /swarm/events current: each matching event on the feed is a cue to read the rows
// logged after the newest one shown (with the page's filters), rendered by the server (EventRow.razor), and
// insert them with the table's new count line.
import { subscribe, refresher, parseFragment } from '/js/feed.js';

const table = document.querySelector('[data-live-events="on"]');
if (table) {
  const body = table.querySelector('[data-events-body]');
  const filters = new URLSearchParams(table.dataset.filters || '');
  const refresh = refresher(async () => {
    const ids = [...body.querySelectorAll(':scope > tr')].map((row) => Number(row.dataset.eventId));
    const params = new URLSearchParams(filters);
    params.set('after', String(ids.length > 0 ? Math.max(...ids) : 0));
    params.set('shown', String(ids.length));
    params.set('lowest', String(ids.length > 0 ? Math.min(...ids) : 0));
    const response = await fetch(`/swarm/fragments/event-rows?${params}`);
    if (!response.ok) return false;
    const fragment = parseFragment(await response.text());
    const rows = [...fragment.querySelectorAll('[data-fragment-rows] > tr')];
    if (rows.length > 0) {
      body.prepend(...rows);
      document.querySelector('[data-events-empty]')?.remove();
      document.querySelector('[data-event-count]').textContent = fragment.querySelector('[data-event-count]').textContent;
    }
    return fragment.querySelector('[data-more]') !== null;
  });
  subscribe((table.dataset.types || '').split(',').map((t) => t.trim()), refresh);
}
