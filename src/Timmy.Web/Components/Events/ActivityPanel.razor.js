// Keeps the activity panels of the page current: each event on the feed is a cue to read the items logged after
// the newest one shown, rendered by the server (ActivityItemsFragment), which prepends them; the list keeps its
// limit (data-swap-limit). See feed.js liveRegion.
import { liveRegion } from '/js/feed.js';

for (const panel of document.querySelectorAll('[data-activity-panel]')) {
  const list = panel.querySelector('[data-activity-list]');
  liveRegion(panel, {
    url: '/swarm/fragments/activity',
    cursor: () => ({ after: list.firstElementChild?.dataset.eventId ?? 0, limit: list.dataset.swapLimit }),
    applied: () => markOverflow(panel, list),
  });
  markOverflow(panel, list);
  window.addEventListener('resize', () => markOverflow(panel, list));
}

// A bounded panel (Home) fades out at the bottom when it holds more than it shows.
function markOverflow(panel, list) {
  if (!panel.hasAttribute('data-bounded')) return;
  panel.toggleAttribute('data-overflowing', list.scrollHeight > list.clientHeight + 1);
}
