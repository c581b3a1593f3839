// Keeps the summary cards current: each event on the feed is a cue to re-read the cards, counted on the server
// (SummaryCards rendered alone), which replace these. See feed.js liveRegion.
import { liveRegion } from '/js/feed.js';

const cards = document.querySelector('[data-summary-cards]');
if (cards) {
  liveRegion(cards.parentElement, { url: '/swarm/fragments/summary', delay: 250 });
}
