// The dashboard's live connection: one WebSocket to /ws/events per page, feeding the activity panel,
// the summary cards and (on /swarm/events) the events table. It resumes with ?since=<last id> after a
// drop or a gap, backing off between attempts. All text is inserted with textContent, never as HTML.

const catalogue = readCatalogue();
const panels = [...document.querySelectorAll('[data-activity-panel]')];
const table = document.querySelector('[data-live-events="on"]');
const cards = [...document.querySelectorAll('[data-summary-card]')];
const badges = [...document.querySelectorAll('[data-feed-badge]')];

let lastId = null;
let attempt = 0;
let socket = null;

if (panels.length > 0 || table) {
  connect();
}
window.addEventListener('resize', () => panels.forEach(markOverflow));

function connect() {
  setState(attempt === 0 ? 'connecting' : 'reconnecting');
  const params = new URLSearchParams();
  if (lastId !== null) params.set('since', String(lastId));
  const types = table?.dataset.types?.trim();
  if (types && panels.length === 0) params.set('types', types);
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  socket = new WebSocket(`${scheme}://${location.host}/ws/events?${params}`);
  socket.addEventListener('message', (e) => handle(JSON.parse(e.data)));
  socket.addEventListener('close', () => scheduleReconnect());
  socket.addEventListener('error', () => socket.close());
}

function scheduleReconnect() {
  setState('reconnecting');
  attempt += 1;
  const delay = Math.min(30000, 500 * 2 ** Math.min(attempt, 6)) * (0.75 + Math.random() * 0.5);
  setTimeout(connect, delay);
}

function handle(message) {
  switch (message.type) {
    case 'initial_state': {
      attempt = 0;
      setState('live');
      if (lastId === null) {
        // Oldest first, so the newest ends up on top.
        [...message.payload.recent].reverse().forEach((e) => addToPanels(e));
        lastId = message.payload.last_event_id;
      }
      break;
    }
    case 'event': {
      const e = message.payload;
      if (lastId !== null && e.id <= lastId) return;
      lastId = e.id;
      addToPanels(e);
      addToTable(e);
      bumpCards(e);
      document.dispatchEvent(new CustomEvent('timmy:event', { detail: e }));
      break;
    }
    case 'gap':
      // We fell behind; the missed events are in the log. Reconnect and resume from the last one we have.
      socket.close();
      break;
    default:
      break;
  }
}

function setState(state) {
  for (const badge of badges) {
    badge.dataset.state = state;
    badge.textContent = state;
  }
}

function addToPanels(e) {
  for (const panel of panels) {
    const list = panel.querySelector('[data-activity-list]');
    const limit = Number(panel.dataset.limit || 25);
    list.prepend(activityItem(e));
    while (list.children.length > limit) list.lastElementChild.remove();
    panel.querySelector('[data-activity-empty]')?.setAttribute('hidden', '');
    markOverflow(panel);
  }
}

// A bounded panel (Home) fades out at the bottom when it holds more than it shows.
function markOverflow(panel) {
  if (!panel.hasAttribute('data-bounded')) return;
  const list = panel.querySelector('[data-activity-list]');
  panel.toggleAttribute('data-overflowing', list.scrollHeight > list.clientHeight + 1);
}

function activityItem(e) {
  const info = catalogue[e.event_type] || { icon: '•', label: e.event_type };
  const li = el('li', 'activity-item');
  li.dataset.eventId = e.id;
  li.dataset.eventType = e.event_type;
  li.append(el('span', 'activity-icon', info.icon));
  const body = el('div', 'activity-body');
  const head = el('div', 'activity-head');
  head.append(el('strong', 'activity-label', info.label));
  const time = el('time', 'activity-time', clockTime(e.timestamp));
  time.dateTime = e.timestamp;
  time.title = `${fullTime(e.timestamp)} UTC`;
  head.append(time);
  body.append(head);
  body.append(el('p', 'activity-desc', describe(e)));
  body.append(el('span', 'activity-source', e.source));
  li.append(body);
  return li;
}

function addToTable(e) {
  if (!table || !matchesTable(e)) return;
  const row = document.createElement('tr');
  row.dataset.eventId = e.id;
  row.className = 'new-row';
  row.append(cell(String(e.id), 'num', '#'));
  const timeCell = cell('', 'time', 'Time (UTC)');
  const time = el('time', '', fullTime(e.timestamp));
  time.dateTime = e.timestamp;
  timeCell.append(time);
  row.append(timeCell);
  const typeCell = cell('', 'type', 'Type');
  const info = catalogue[e.event_type] || { icon: '•' };
  const badge = el('span', `badge cat-${e.event_type.split('.')[0]}`, `${info.icon} ${e.event_type}`);
  badge.title = e.event_type;
  typeCell.append(badge);
  row.append(typeCell);
  row.append(idCell(e.source, 'Source'));
  row.append(idCell(e.task_id, 'Task', 'task_id'));
  row.append(idCell(e.agent_id, 'Agent', 'agent_id'));
  const dataCell = cell('', 'data', 'Data');
  dataCell.append(dataView(e.data, 0));
  row.append(dataCell);
  table.querySelector('[data-events-body]').prepend(row);
  document.querySelector('[data-events-empty]')?.remove();
  updateCount();
}

function updateCount() {
  const target = document.querySelector('[data-event-count]');
  if (!target) return;
  const ids = [...table.querySelectorAll('[data-events-body] tr')].map((row) => Number(row.dataset.eventId));
  target.textContent = describeCount(ids.length, Math.min(...ids), Math.max(...ids));
}

// The same words as the server's EventsViewModel.DescribeCount.
function describeCount(count, lowestId, highestId) {
  if (count === 0) return 'No events to show.';
  if (count === 1) return `1 event (#${highestId})`;
  return `${count} events (ids ${lowestId}–${highestId})`;
}

function matchesTable(e) {
  const types = (table.dataset.types || '').split(',').map((t) => t.trim()).filter(Boolean);
  if (types.length > 0 && !types.some((t) => typeMatches(t, e.event_type))) return false;
  if (table.dataset.task && e.task_id !== table.dataset.task) return false;
  if (table.dataset.agent && e.agent_id !== table.dataset.agent) return false;
  if (table.dataset.source && e.source !== table.dataset.source) return false;
  return true;
}

function bumpCards(e) {
  for (const card of cards) {
    const patterns = (card.dataset.summaryMatch || '').split(' ');
    if (patterns.some((p) => typeMatches(p, e.event_type))) {
      const value = card.querySelector('[data-summary-value]');
      value.textContent = String(Number(value.textContent) + 1);
    }
  }
}

function typeMatches(pattern, type) {
  if (pattern === '*') return true;
  return pattern.endsWith('.*') ? type.startsWith(pattern.slice(0, -1)) : pattern === type;
}

function describe(e) {
  const d = e.data || {};
  // What the event is about (a provider, a token), then its message.
  const subject = ['provider', 'name'].map((k) => d[k]).find((v) => typeof v === 'string' && v.length > 0);
  for (const key of ['message', 'description', 'title', 'summary', 'error', 'reason', 'detail']) {
    if (typeof d[key] === 'string' && d[key].length > 0) return clip(subject ? `${subject}: ${d[key]}` : d[key]);
  }
  const parts = Object.entries(d).slice(0, 3).map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`);
  const who = [e.task_id && `task ${e.task_id}`, e.agent_id && `agent ${e.agent_id}`].filter(Boolean);
  return clip([...who, ...parts].join(' · ') || e.event_type);
}

function text(value) {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function listView(items, depth) {
  const ol = el('ol', 'data-list');
  for (const item of items) {
    const li = el('li', '');
    if (item && typeof item === 'object' && !Array.isArray(item)) li.append(dataView(item, depth + 1));
    else li.textContent = text(item);
    ol.append(li);
  }
  return ol;
}

function dataView(data, depth) {
  const entries = Object.entries(data || {});
  if (entries.length === 0) return el('span', 'muted', '—');
  const dl = el('dl', 'data-view');
  for (const [key, value] of entries) {
    dl.append(el('dt', '', key));
    const dd = el('dd', '');
    if (value && typeof value === 'object' && !Array.isArray(value) && depth < 3) dd.append(dataView(value, depth + 1));
    else if (Array.isArray(value) && value.length > 0 && depth < 3) dd.append(listView(value, depth));
    else dd.textContent = text(value);
    dl.append(dd);
  }
  return dl;
}

// An id (or source) shown whole, cut with an ellipsis when very long; with a filter key it links to its timeline.
function idCell(value, label, filterKey) {
  const td = cell('', 'id', label);
  if (value) {
    const inner = el(filterKey ? 'a' : 'span', '', value);
    if (filterKey) inner.href = `/swarm/events?${new URLSearchParams({ [filterKey]: value })}`;
    inner.title = value;
    td.append(inner);
  }
  return td;
}

// Cells carry their column's name for the stacked layout on narrow screens (site.css).
function cell(text, className, label) {
  const td = el('td', className, text);
  td.dataset.label = label;
  return td;
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function clip(text) {
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

// Times are UTC and 24-hour everywhere, as on the event log and the router page.
function fullTime(iso) {
  return new Date(iso).toISOString().replace('T', ' ').replace('Z', '');
}

function clockTime(iso) {
  return `${fullTime(iso).slice(11, 19)} UTC`;
}

function readCatalogue() {
  try {
    return JSON.parse(document.getElementById('event-catalogue')?.textContent || '{}');
  } catch {
    return {};
  }
}
