// The live part of /router/status. A provider.* event on the page's feed (feed.js), a finished chat (a request
// through the router), and a timer every 15 s make it read the page's live parts as a fragment the server rendered
// (RouterLiveFragment: the preferred provider, the summary, the provider cards and the history chart, drawn by the
// page's own components) and swap them in (feed.js liveRegion).
// It writes no words of its own except the countdown until an open circuit lets trial calls through, which ticks
// from the server's figure in RouterFormat.Countdown's words (countdown.js); at zero the server moves the circuit to
// half-open when asked, so the page reads again.
import { liveRegion } from '/js/feed.js';
import { startCountdowns } from '/js/countdown.js';

const head = document.querySelector('[data-router-status]');
if (head) {
  const refresh = liveRegion(document.body, {
    url: '/router/fragments/status',
    types: ['provider.*', 'chat.answered', 'chat.failed', 'chat.stopped'],
    cursor: () => ({ range: new URLSearchParams(location.search).get('range') ?? '' }),
    delay: 150,
    applied: () => countdowns.restart(),
  });
  const countdowns = startCountdowns(document, refresh, { item: '[data-provider-card] [data-field="half-open"]', text: '[data-field="countdown"]' });
  setInterval(refresh, 15000);
}
