// The live parts of the upgrade pages (the queue and one upgrade): an upgrade.* event on the feed is the cue to read the
// region's server-rendered fragment again (data-url, for data-upgrade-id when the region is about one upgrade) and swap
// each part in where it names (feed.js liveRegion). What the owner was typing in a form of a swapped part (data-keep: the
// PIN, a reason) is put back, so an event arriving mid-approval does not wipe it. A self-modify run's steps ([data-run-view]
// naming a run) are read again on that run's upgrade.run_* events.
import { liveRegion } from '/js/feed.js';

for (const region of document.querySelectorAll('[data-upgrade-live]')) {
  const upgradeId = region.dataset.upgradeId;
  let kept = { values: new Map(), focused: null };
  liveRegion(region, {
    url: region.dataset.url,
    types: region.dataset.types.split(','),
    filter: (e) => !upgradeId || e.data?.upgrade_id === upgradeId,
    catchUp: true,
    cursor: () => (upgradeId ? { id: upgradeId } : {}),
    // read at the moment of the swap, not when the fetch began: the owner may type while it is under way
    swapping: () => { kept = keep(region); },
    applied: () => restore(kept),
  });
}

const run = document.querySelector('[data-run-view][data-run-id]');
if (run) {
  const runId = run.dataset.runId;
  liveRegion(run.parentElement, {
    url: '/self-modify/fragments/run',
    types: ['upgrade.run_started', 'upgrade.run_progress', 'upgrade.run_finished'],
    filter: (e) => e.data?.run_id === runId,
    catchUp: true,
    cursor: () => ({ run: runId }),
  });
}

function keep(region) {
  const values = new Map();
  for (const input of region.querySelectorAll('input[data-keep]')) {
    if (input.id && input.value) values.set(input.id, input.value);
  }
  return { values, focused: region.contains(document.activeElement) ? document.activeElement.id : null };
}

function restore({ values, focused }) {
  for (const [id, value] of values) {
    const input = document.getElementById(id);
    if (input && !input.value) input.value = value;
  }
  if (focused) document.getElementById(focused)?.focus();
}
