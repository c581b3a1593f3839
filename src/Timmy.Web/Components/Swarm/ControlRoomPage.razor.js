// The control room's live parts (/swarm/live): a task, bid, auction or agent event on the page's feed is the cue to
// read the open auctions, recent tasks and agents as one fragment the server renders (ControlRoomLive, drawn by the
// page's own components) and swap them in (feed.js liveRegion). The auctions' countdowns tick here from the server's
// figure; one reaching zero is a cue too, since the auction closes then.
import { liveRegion } from '/js/feed.js';
import { startCountdowns } from '/js/countdown.js';

const room = document.querySelector('[data-control-room]');
if (room) {
  const refresh = liveRegion(room, {
    url: '/swarm/fragments/control-room',
    types: ['task.*', 'bid.*', 'auction.*', 'agent.*'],
    catchUp: true,
    delay: 150,
    applied: () => countdowns.restart(),
  });
  const countdowns = startCountdowns(room, refresh);
}
