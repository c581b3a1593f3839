// The live part of /router/status. Any provider.* event on /ws/events (and a timer every 15 s) makes it
// read GET /api/v1/router/status and rewrite the provider cards' fields, as text only (textContent, never
// HTML). Between reads it counts down the time until an open circuit lets trial calls through.
// Words and number formats match the server's (ProviderStatusText, RouterFormat).

const head = document.querySelector('[data-router-status]');
const badge = document.querySelector('[data-router-badge]');
const cards = [...document.querySelectorAll('[data-provider-card]')];
const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const formats = {
  count: (v) => number.format(v ?? 0),
  ms: (v) => (v === null || v === undefined ? '—' : `${number.format(v)} ms`),
};

let attempt = 0;
let timer = null;
let reading = false;
let readAgain = false;

if (head) {
  for (const card of cards) startCountdown(card, card.querySelector('[data-field="half-open"]').dataset.seconds);
  connect();
  setInterval(refresh, 15000);
  setInterval(tick, 1000);
}

function connect() {
  setState(attempt === 0 ? 'connecting' : 'reconnecting');
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const socket = new WebSocket(`${scheme}://${location.host}/ws/events?types=provider.*`);
  socket.addEventListener('message', (e) => {
    const type = JSON.parse(e.data).type;
    if (type === 'initial_state') {
      attempt = 0;
      setState('live');
    }
    // The snapshot (after a reconnect, something may have changed), an event, or a gap: read again.
    soon();
  });
  socket.addEventListener('close', () => {
    setState('reconnecting');
    attempt += 1;
    setTimeout(connect, Math.min(30000, 500 * 2 ** Math.min(attempt, 6)) * (0.75 + Math.random() * 0.5));
  });
  socket.addEventListener('error', () => socket.close());
}

function setState(state) {
  badge.dataset.state = state;
  badge.textContent = state;
}

/** A burst of events costs one read. */
function soon() {
  clearTimeout(timer);
  timer = setTimeout(refresh, 150);
}

async function refresh() {
  if (reading) {
    readAgain = true;
    return;
  }
  reading = true;
  try {
    const response = await fetch('/api/v1/router/status', { headers: { Accept: 'application/json' } });
    if (response.ok) apply(await response.json());
  } catch {
    // Offline for a moment; the socket's reconnect and the timer try again.
  } finally {
    reading = false;
    if (readAgain) {
      readAgain = false;
      soon();
    }
  }
}

function apply(status) {
  set(head, 'preferred', status.preferred_provider ?? 'none');
  set(head, 'summary', summary(status.providers));
  for (const card of cards) {
    const p = status.providers.find((x) => x.name === card.dataset.providerCard);
    if (p) applyCard(card, p);
  }
}

function applyCard(card, p) {
  const circuit = p.circuit_state.replace('_', '-');
  card.dataset.availability = p.availability;
  set(card, 'circuit', `circuit ${circuit}`).dataset.state = circuit;
  set(card, 'availability', availability(p));
  startCountdown(card, p.seconds_until_half_open);
  set(card, 'enabled', p.enabled ? 'yes' : 'no');
  card.querySelector('[data-action="enable"]').hidden = p.enabled;
  card.querySelector('[data-action="disable"]').hidden = !p.enabled;
  for (const el of card.querySelectorAll('[data-metric]')) {
    // Latency figures mean nothing before the first request.
    const value = el.dataset.format === 'ms' && p.metrics.requests === 0 ? null : p.metrics[el.dataset.metric];
    update(el, formats[el.dataset.format](value));
  }
  set(card, 'last-error', p.metrics.last_error ?? 'none');
  set(card, 'last-error-at', p.metrics.last_error_at ? time(p.metrics.last_error_at) : '');
  set(card, 'last-success-at', time(p.metrics.last_success_at));
  set(card, 'last-probe', p.last_probe_detail ?? 'not probed yet');
  set(card, 'last-probe-at', p.last_probe_at ? time(p.last_probe_at) : '');
}

function summary(providers) {
  const available = providers.filter((p) => p.availability === 'available').length;
  const open = providers.filter((p) => p.circuit_state === 'open').length;
  return `${available} of ${providers.length} providers available · ${open} circuit${open === 1 ? '' : 's'} open`;
}

function availability(p) {
  const label = { not_configured: 'not configured', unknown: 'not probed yet' }[p.availability] ?? p.availability;
  let reason = p.detail ?? '';
  for (const prefix of ['ok: ', 'unavailable: ', 'not configured: ']) {
    if (reason.startsWith(prefix)) reason = reason.slice(prefix.length);
  }
  return !reason || reason === label ? label : `${label}: ${reason}`;
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
      soon();
    }
  }
}

function countdown(seconds) {
  const whole = Math.ceil(Math.max(0, seconds));
  return whole < 60 ? `${whole} s` : `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
}

function time(iso) {
  return iso ? `${iso.slice(0, 19).replace('T', ' ')} UTC` : 'never';
}

function set(scope, field, text) {
  return update(scope.querySelector(`[data-field="${field}"]`), text);
}

/** Writes text; a changed value flashes briefly so the eye finds it. */
function update(el, text) {
  if (el.textContent !== text) {
    el.textContent = text;
    el.classList.remove('changed');
    void el.offsetWidth; // restart the animation
    el.classList.add('changed');
  }
  return el;
}
