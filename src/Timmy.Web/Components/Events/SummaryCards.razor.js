// Keeps the summary cards current: each event on the feed is a cue to re-read the cards, counted on the server.
import { subscribe, refresher, parseFragment } from '/js/feed.js';

const cards = document.querySelector('[data-summary-cards]');
if (cards) {
  subscribe([], refresher(async () => {
    const response = await fetch('/swarm/fragments/summary');
    if (!response.ok) return false;
    const fresh = parseFragment(await response.text()).querySelector('[data-summary-cards]');
    if (fresh) cards.replaceChildren(...fresh.children);
    return false;
  }, 250));
}
