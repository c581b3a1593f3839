// The live part of /swarm/tasks/{id}: while the task is not final, an event about it (task, bid, auction or tool) is
// the cue to read the task's body as a fragment the server renders (TaskBody, the page's own component) and swap it
// in (feed.js liveRegion). Once the body says the task is final, events no longer cue it. The open auction's countdown
// ticks here from the server's figure.
import { liveRegion } from '/js/feed.js';
import { startCountdowns } from '/js/countdown.js';

const region = document.querySelector('[data-task-region]');
if (region) {
  const id = region.dataset.taskId;
  const final = () => region.querySelector('[data-task-body]')?.dataset.final === 'true';
  const refresh = liveRegion(region, {
    url: `/swarm/fragments/tasks/${encodeURIComponent(id)}`,
    types: ['task.*', 'bid.*', 'auction.*', 'tool.*'],
    filter: (e) => !final() && e.task_id === id,
    catchUp: true,
    delay: 150,
    applied: () => countdowns.restart(),
  });
  const countdowns = startCountdowns(region, refresh);
}
