// The page's one connection to the event feed (/ws/events), shared by every live part of the page. A part
// subscribes with the event types it cares about and is told of each matching event; the events are cues,
// never markup: a part re-reads its server-rendered fragment (see liveRegion below). The connection starts once
// the page's scripts have subscribed, resumes with ?since=<last id seen> after a drop or a gap, and backs off
// between attempts (0.5 s doubling to 30 s, jittered). [data-feed-badge] elements show its state.

const listeners = [];
let socket = null;
let lastId = null;
let attempt = 0;
let starting = false;
let socketTypes = '';

/** Calls listener(event) for each new event whose type matches one of the patterns ('task.*', 'chat.answered');
 *  no patterns: every event. listener(null) is called when the feed reconnects, as a cue to catch up, and with
 *  `catchUp` also when it first connects: for a part redrawn whole, which would otherwise miss what happened
 *  between the page's render and the connection. */
export function subscribe(patterns, listener, { catchUp = false } = {}) {
  listeners.push({ patterns: (patterns || []).filter(Boolean), listener, catchUp });
  if (!starting) {
    starting = true;
    queueMicrotask(connect);
  } else if (socket !== null && unionOfPatterns().join(',') !== socketTypes) {
    // A later script wants types the open socket was not asked for: open one for the new union in its place.
    const old = socket;
    connect();
    old.close();
  }
}

/** Wraps an async read so that cues coalesce: at most one read in flight, started ~100 ms after the first cue,
 *  and one more read afterwards if cues arrived meanwhile (or if the read returns true: "there is more"). */
function refresher(read, delay = 100) {
  let timer = null;
  let reading = false;
  let again = false;
  const run = async () => {
    timer = null;
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    try {
      again = (await read()) === true || again;
    } catch {
      // Offline for a moment: the feed's reconnect brings the next cue.
    } finally {
      reading = false;
      if (again) {
        again = false;
        cue();
      }
    }
  };
  const cue = () => {
    if (timer === null) timer = setTimeout(run, delay);
  };
  return cue;
}

/** Keeps a region of the page current from a fragment the server renders. Each cue (an event of one of `types`,
 *  a reconnect, or a call of the returned function) reads `url` with the query `cursor()` returns, coalesced by
 *  refresher. The fragment's top-level elements say where they go: data-swap="<name>" targets the region's
 *  [data-swap-target="<name>"]; data-swap-mode="prepend" moves the element's children to the target's start (and
 *  trims the target to its data-swap-limit children), otherwise the element replaces the target. A [data-more]
 *  element means there is more to read. `filter(event)` narrows the cues to the events it accepts (a reconnect
 *  always cues); `catchUp` reads once when the feed first connects (see subscribe). `swapping()` runs just before the
 *  parts go in and `applied()` just after (a page keeps what the owner is typing across a swap with the pair).
 *  Nothing here builds markup. */
export function liveRegion(element, {
  url, types = [], filter = () => true, catchUp = false, cursor = () => ({}), delay = 100, swapping = () => {},
  applied = () => {},
}) {
  const cue = refresher(async () => {
    const response = await fetch(`${url}?${new URLSearchParams(cursor())}`, { headers: { Accept: 'text/html' } });
    if (!response.ok) return false;
    const fragment = parseFragment(await response.text());
    swapping();
    for (const part of [...fragment.children]) swap(element, part);
    applied();
    return fragment.querySelector(':scope > [data-more]') !== null;
  }, delay);
  subscribe(types, (e) => (e === null || filter(e)) && cue(), { catchUp });
  return cue;
}

function swap(region, part) {
  const name = part.dataset.swap;
  const target = name === undefined ? null : region.querySelector(`[data-swap-target="${CSS.escape(name)}"]`);
  if (target === null) return;
  if (part.dataset.swapMode === 'prepend') {
    target.prepend(...part.children);
    const limit = Number(target.dataset.swapLimit || Infinity);
    while (target.children.length > limit) target.lastElementChild.remove();
    return;
  }
  delete part.dataset.swap;
  part.dataset.swapTarget = name;
  target.replaceWith(part);
}

/** Parses an HTML fragment the server rendered into a detached document fragment. */
export function parseFragment(html) {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

function connect() {
  setState(attempt === 0 ? 'connecting' : 'reconnecting');
  const params = new URLSearchParams();
  if (lastId !== null) params.set('since', String(lastId));
  socketTypes = unionOfPatterns().join(',');
  if (socketTypes !== '') params.set('types', socketTypes);
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const ws = new WebSocket(`${scheme}://${location.host}/ws/events?${params}`);
  socket = ws;
  // A socket replaced by another (see subscribe) is ignored from then on.
  ws.addEventListener('message', (e) => ws === socket && handle(JSON.parse(e.data)));
  ws.addEventListener('close', () => ws === socket && scheduleReconnect());
  ws.addEventListener('error', () => ws.close());
}

function scheduleReconnect() {
  setState('reconnecting');
  attempt += 1;
  const delay = Math.min(30000, 500 * 2 ** Math.min(attempt - 1, 6)) * (0.75 + Math.random() * 0.5);
  setTimeout(connect, delay);
}

function handle(message) {
  if (message.type === 'initial_state') {
    const wasConnected = lastId !== null;
    attempt = 0;
    setState('live');
    if (lastId === null) lastId = message.payload.last_event_id;
    listeners.forEach((l) => (wasConnected || l.catchUp) && l.listener(null));
  } else if (message.type === 'event') {
    const e = message.payload;
    if (lastId !== null && e.id <= lastId) return;
    lastId = e.id;
    for (const l of listeners) {
      if (l.patterns.length === 0 || l.patterns.some((p) => typeMatches(p, e.event_type))) l.listener(e);
    }
  } else if (message.type === 'gap') {
    // Fell behind: the missed events are in the log; reconnecting resumes after the last one seen.
    socket.close();
  }
}

function unionOfPatterns() {
  if (listeners.some((l) => l.patterns.length === 0)) return [];
  return [...new Set(listeners.flatMap((l) => l.patterns))];
}

function typeMatches(pattern, type) {
  if (pattern === '*') return true;
  return pattern.endsWith('.*') ? type.startsWith(pattern.slice(0, -1)) : pattern === type;
}

function setState(state) {
  for (const badge of document.querySelectorAll('[data-feed-badge]')) {
    badge.dataset.state = state;
    badge.textContent = state;
  }
}
