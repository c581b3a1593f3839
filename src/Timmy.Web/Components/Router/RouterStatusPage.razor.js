// The live part of /router/status. A provider.* event on the page's feed (feed.js), and a timer every 15 s,
// make it read the page's live texts as a fragment the server rendered (RouterLiveFragment: the same card
// markup) and copy each [data-field] and [data-metric] text into the page. It writes no words or numbers of its
// own: only the countdown until an open circuit lets trial calls through ticks here, from the server's figure.
import { subscribe, refresher, parseFragment } from '/js/feed.js';

const head = document.querySelector('[data-router-status]');
const cards = [...document.querySelectorAll('[data-provider-card]')];

const refresh = refresher(async () => {
  const response = await fetch('/router/fragments/status');
  if (response.ok) apply(parseFragment(await response.text()));
  return false;
}, 150);

if (head) {
  for (const card of cards) startCountdown(card, card.querySelector('[data-field="half-open"]').dataset.seconds);
  // Each provider event, and a reconnect (something may have changed meanwhile), is a cue to read again.
  subscribe(['provider.*'], refresh);
  setInterval(refresh, 15000);
  setInterval(tick, 1000);
}

function apply(fresh) {
  for (const field of ['preferred', 'summary']) {
    update(head.querySelector(`[data-field="${field}"]`), fresh.querySelector(`[data-router-live] > [data-field="${field}"]`)?.textContent);
  }
  for (const card of cards) {
    const from = fresh.querySelector(`[data-provider-card="${CSS.escape(card.dataset.providerCard)}"]`);
    if (from) applyCard(card, from);
  }
}

function applyCard(card, from) {
  card.dataset.availability = from.dataset.availability;
  for (const el of from.querySelectorAll('[data-field], [data-metric]')) {
    const key = el.dataset.field ? `[data-field="${el.dataset.field}"]` : `[data-metric="${el.dataset.metric}"]`;
    const target = card.querySelector(key);
    if (!target || el.dataset.field === 'half-open' || el.dataset.field === 'countdown') continue;
    if (el.dataset.state !== undefined) target.dataset.state = el.dataset.state;
    update(target, el.textContent);
  }
  startCountdown(card, from.querySelector('[data-field="half-open"]').dataset.seconds);
  const enabled = from.dataset.enabled === 'true';
  card.querySelector('[data-action="enable"]').hidden = enabled;
  card.querySelector('[data-action="disable"]').hidden = !enabled;
}

/** Counts down from the server's figure on this clock, so the two clocks need not agree. */
function startCountdown(card, seconds) {
  const line = card.querySelector('[data-field="half-open"]');
  const wait = seconds === null || seconds === undefined || seconds === '' ? NaN : Number(seconds);
  line.hidden = Number.isNaN(wait);
  line.dataset.deadline = Number.isNaN(wait) ? '' : String(Date.now() + wait * 1000);
  tick();
}

function tick() {
  for (const card of cards) {
    const line = card.querySelector('[data-field="half-open"]');
    if (!line.dataset.deadline) continue;
    const left = (Number(line.dataset.deadline) - Date.now()) / 1000;
    card.querySelector('[data-field="countdown"]').textContent = countdown(left);
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

/** Writes text; a changed value flashes briefly so the eye finds it. */
function update(el, text) {
  if (!el || text === undefined || el.textContent === text) return;
  el.textContent = text;
  el.classList.remove('changed');
  void el.offsetWidth; // restart the animation
  el.classList.add('changed');
}
