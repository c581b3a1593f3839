// The live part of /marketplace: an agent event (one joined, left or changed status) or a finished task (new figures)
// is the cue to read the persona cards and remote agents as a fragment the server renders (MarketplaceLive, the page's
// own component) and swap them in (feed.js liveRegion).
import { liveRegion } from '/js/feed.js';

const market = document.querySelector('[data-marketplace]');
if (market) {
  liveRegion(market, {
    url: '/swarm/fragments/marketplace',
    types: ['agent.*', 'task.assigned', 'task.completed', 'task.failed', 'task.cancelled'],
    catchUp: true,
    delay: 250,
  });
}
