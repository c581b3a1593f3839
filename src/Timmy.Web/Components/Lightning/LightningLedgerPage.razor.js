// The live parts of /lightning/ledger: a payment.* event on the feed is the cue to read them again as one fragment the
// server renders (LedgerLive: the node, the balance, the daily volume, the transactions, the budgets, and the invoice or
// payment the address names) for the page's own address, and swap each in where it names (feed.js liveRegion). An
// invoice paid elsewhere, a payment settling, a budget spent: the page shows it without a reload.
import { liveRegion } from '/js/feed.js';

const page = document.querySelector('[data-lightning-page]');
if (page) {
  liveRegion(page, {
    url: '/lightning/fragments/ledger',
    types: ['payment.*'],
    catchUp: true,
    delay: 150,
    cursor: () => new URLSearchParams(location.search),
  });
}
