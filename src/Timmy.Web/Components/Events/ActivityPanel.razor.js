// Keeps the activity panels of the page current: each event on the feed is a cue to read the items logged after
// the newest one shown, rendered by the server (ActivityItem.razor), and prepend them; the list keeps its limit.
import { subscribe, refresher, parseFragment } from '/js/feed.js';

for (const panel of document.querySelectorAll('[data-activity-panel]')) {
  const list = panel.querySelector('[data-activity-list]');
  const limit = Number(panel.dataset.limit || 25);
  const refresh = refresher(async () => {
    const newest = list.firstElementChild ? Number(list.firstElementChild.dataset.eventId) : 0;
    const response = await fetch(`/swarm/fragments/activity?${new URLSearchParams({ after: newest, limit })}`);
    if (!response.ok) return false;
    const fragment = parseFragment(await response.text());
    const items = [...fragment.querySelectorAll('[data-fragment-items] > li')];
    list.prepend(...items);
    while (list.children.length > limit) list.lastElementChild.remove();
    if (list.children.length > 0) panel.querySelector('[data-activity-empty]')?.setAttribute('hidden', '');
    markOverflow(panel, list);
    return fragment.querySelector('[data-more]') !== null;
  });
  subscribe([], refresh);
  markOverflow(panel, list);
  window.addEventListener('resize', () => markOverflow(panel, list));
}

// A bounded panel (Home) fades out at the bottom when it holds more than it shows.
function markOverflow(panel, list) {
  if (!panel.hasAttribute('data-bounded')) return;
  panel.toggleAttribute('data-overflowing', list.scrollHeight > list.clientHeight + 1);
}
