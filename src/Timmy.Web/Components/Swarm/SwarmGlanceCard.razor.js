// Keeps Home's swarm card current: a task or agent event is the cue to re-read the card, rendered by the server
// (SwarmGlanceCard alone), which replaces this one. See feed.js liveRegion.
import { liveRegion } from '/js/feed.js';

const card = document.querySelector('[data-swarm-glance]');
if (card) {
  liveRegion(card.parentElement, { url: '/swarm/fragments/glance', types: ['task.*', 'agent.*'], catchUp: true, delay: 250 });
}
