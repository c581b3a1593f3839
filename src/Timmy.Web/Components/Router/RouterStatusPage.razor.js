// The live part of /router/status. A provider.* event on the page's feed (feed.js), a finished chat (a request
// through the router), and a timer every 15 s make it read the page's live parts as a fragment the server rendered
// (RouterLiveFragment: the preferred provider, the summary, the provider cards and the history chart, drawn by the
// page's own components) and swap them in (feed.js liveRegion).
// It writes no words of its own except the countdown until an open circuit lets trial calls through, which ticks
// here from the server's figure in RouterFormat.Countdown's words.
import { liveRegion } from '/js/feed.js';

const head = document.querySelector('[data-router-status]');
if (head) {
  const refresh = liveRegion(document.body, {
    url: '/router/fragments/status',
    types: ['provider.*', 'chat.answered', 'chat.failed', 'chat.stopped'],
    cursor: () => ({ range: new URLSearchParams(location.search).get('range') ?? '' }),
    delay: 150,
    applied: startCountdowns,
  });
  startCountdowns();
  setInterval(refresh, 15000);
  setInterval(() => tick(refresh), 1000);
}

/** Counts down from the server's figure on this clock, so the two clocks need not agree. */
function startCountdowns() {
  for (const line of document.querySelectorAll('[data-provider-card] [data-field="half-open"]')) {
    const seconds = line.dataset.seconds;
    const wait = seconds === undefined || seconds === '' ? NaN : Number(seconds);
    line.dataset.deadline = Number.isNaN(wait) ? '' : String(Date.now() + wait * 1000);
  }
}

function tick(refresh) {
  for (const line of document.querySelectorAll('[data-provider-card] [data-field="half-open"]')) {
    if (!line.dataset.deadline) continue;
    const left = (Number(line.dataset.deadline) - Date.now()) / 1000;
    line.querySelector('[data-field="countdown"]').textContent = countdown(left);
    if (left <= 0) {
      // The recovery timeout is over: the server moves the circuit to half-open when asked.
      line.dataset.deadline = '';
      refresh();
    }
  }
}

function countdown(seconds) {
  const whole = Math.ceil(Math.max(0, seconds));
  return whole < 60 ? `${whole} s` : `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
}
