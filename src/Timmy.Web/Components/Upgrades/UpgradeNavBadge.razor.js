// The navigation's count of proposals waiting for the owner: a queue event (upgrade.* but a run's steps) is the cue to
// read it again as a fragment the server renders and swap it in (feed.js liveRegion).
import { liveRegion } from '/js/feed.js';

const nav = document.querySelector('nav.nav[data-upgrade-types]');
if (nav) {
  liveRegion(nav, { url: '/self-modify/fragments/badge', types: nav.dataset.upgradeTypes.split(','), delay: 200 });
}
