// Counts the question's time-bonus clock down on screen. The server measures the time that
// scores (from the question's first delivery); this only shows it, starting from the remaining
// time the server rendered, so the device's own clock never matters.
(function () {
  "use strict";
  const timer = document.querySelector("[data-remaining-ms]");
  if (!timer) return;
  const value = timer.querySelector(".timer-value");
  const deadline = performance.now() + Number(timer.getAttribute("data-remaining-ms"));

  function face(ms) {
    const seconds = Math.ceil(Math.max(0, ms) / 1000);
    return Math.floor(seconds / 60) + ":" + String(seconds % 60).padStart(2, "0");
  }

  function tick() {
    const left = deadline - performance.now();
    value.textContent = face(left);
    if (left <= 0) {
      timer.classList.add("timer-out");
      value.textContent = "0:00 — no time bonus now, but a right answer still scores";
      return;
    }
    timer.classList.toggle("timer-low", left < 10000);
    setTimeout(tick, Math.min(250, left));
  }

  tick();
})();
