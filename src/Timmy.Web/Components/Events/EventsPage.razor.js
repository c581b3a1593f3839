// Keeps the first page of /swarm/events current: each matching event on the feed is a cue to read the rows logged
// after the newest one shown (with the page's filters) as a fragment the server renders (EventRowsFragment: the
// rows, the count line, the empty note gone); the fragment says where each part goes (feed.js liveRegion).
import { liveRegion } from '/js/feed.js';

// The filter form leaves out the fields left empty, so its address names only the filters in use
// (/swarm/events?type=task.*, not ?type=task.*&task_id=&agent_id=&source=&from=&to=).
document.querySelector('form.filters')?.addEventListener('formdata', (e) => {
  for (const [name, value] of [...e.formData.entries()]) {
    if (value === '') e.formData.delete(name);
  }
});

const table = document.querySelector('[data-live-events="on"]');
if (table) {
  const body = table.querySelector('[data-events-body]');
  const filters = new URLSearchParams(table.dataset.filters || '');
  liveRegion(document.body, {
    url: '/swarm/fragments/event-rows',
    types: (table.dataset.types || '').split(',').map((t) => t.trim()),
    cursor: () => {
      const ids = [...body.querySelectorAll(':scope > tr')].map((row) => Number(row.dataset.eventId));
      const params = new URLSearchParams(filters);
      params.set('after', String(ids.length > 0 ? Math.max(...ids) : 0));
      params.set('shown', String(ids.length));
      params.set('lowest', String(ids.length > 0 ? Math.min(...ids) : 0));
      return params;
    },
  });
}
