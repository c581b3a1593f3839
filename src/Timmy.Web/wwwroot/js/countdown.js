// Counts down elements of a region from the server's figure (their data-seconds), on this clock, so the two clocks
// need not agree; the words are SwarmFormat.Countdown's and RouterFormat.Countdown's. When one reaches zero, `expired`
// is called (the page re-reads its fragment: an auction closes then, a circuit lets trial calls through). `item`
// selects the counting elements and `text` the element inside each that shows the time left. restart() takes the
// figures again after a fragment was swapped in.
export function startCountdowns(region, expired, { item = '[data-countdown]', text = '[data-countdown-text]' } = {}) {
  const restart = () => {
    for (const el of region.querySelectorAll(item)) {
      const seconds = el.dataset.seconds;
      const wait = seconds === undefined || seconds === '' ? NaN : Number(seconds);
      el.dataset.deadline = Number.isNaN(wait) ? '' : String(Date.now() + wait * 1000);
    }
  };
  const tick = () => {
    for (const el of region.querySelectorAll(item)) {
      if (!el.dataset.deadline) continue;
      const left = (Number(el.dataset.deadline) - Date.now()) / 1000;
      el.querySelector(text).textContent = countdown(left);
      if (left <= 0) {
        el.dataset.deadline = '';
        expired();
      }
    }
  };
  restart();
  setInterval(tick, 1000);
  return { restart };
}

function countdown(seconds) {
  const whole = Math.ceil(Math.max(0, seconds));
  return whole < 60 ? `${whole} s` : `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
}
