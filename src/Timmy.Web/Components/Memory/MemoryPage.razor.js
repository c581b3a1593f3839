// The memory page's live parts (/memory). Search as you type: the form's fields, 200 ms after the last keystroke or
// change, are the query of the results fragment the server renders (MemoryResults alone), swapped in by feed.js
// liveRegion; the address follows (history.replaceState), so a search can be bookmarked, and the form still works
// without script. A memory.* event on the feed is a cue to read the results and the figures (MemoryStatsCard) again;
// while a re-embed runs, the figures are read every 2 s as well.
import { liveRegion } from '/js/feed.js';

const page = document.querySelector('[data-memory-page]');
const form = document.querySelector('[data-memory-search]');
if (page && form) {
  const params = () => {
    const query = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (typeof value === 'string' && value.trim() !== '') query.set(name, value.trim());
    }
    return query;
  };
  // An older page (?before=…) stays that page when the feed cues a read; typing starts again from the newest.
  let before = new URLSearchParams(location.search).get('before');
  const results = liveRegion(page.querySelector('[data-memory-results-region]'), {
    url: '/memory/fragments/results',
    types: ['memory.*'],
    delay: 0,
    cursor: () => {
      const query = params();
      if (before) query.set('before', before);
      const text = query.toString();
      if (text !== location.search.replace(/^\?/, '')) {
        history.replaceState(null, '', text === '' ? location.pathname : `${location.pathname}?${text}`);
      }
      return query;
    },
  });

  let timer = null;
  const soon = () => {
    before = null;
    clearTimeout(timer);
    timer = setTimeout(results, 200);
  };
  form.addEventListener('input', soon);
  form.addEventListener('change', soon);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    before = null;
    clearTimeout(timer);
    results();
  });

  let ticking = null;
  const stats = liveRegion(page.querySelector('[data-memory-stats-region]'), {
    url: '/memory/fragments/stats',
    types: ['memory.*'],
    catchUp: true,
    delay: 150,
    applied: () => {
      const reindexing = page.querySelector('[data-memory-stats]')?.dataset.reindexing === 'true';
      if (reindexing && ticking === null) ticking = setInterval(() => stats(), 2000);
      if (!reindexing && ticking !== null) {
        clearInterval(ticking);
        ticking = null;
      }
    },
  });
  if (page.querySelector('[data-memory-stats]')?.dataset.reindexing === 'true') ticking = setInterval(() => stats(), 2000);
}
