// Follows a homework's reading progress through the server's events (pushed, not polled) and
// reloads the page when reading ends, so the problems (or the failure reason) appear by themselves.
(function () {
  "use strict";
  const panel = document.querySelector("[data-homework-events]");
  if (!panel || typeof EventSource === "undefined") return;
  const bar = document.getElementById("reading-bar");
  const message = document.getElementById("reading-message");
  const events = new EventSource(panel.getAttribute("data-homework-events"));

  function show(e) {
    const progress = JSON.parse(e.data);
    if (bar) { bar.value = progress.progress; bar.textContent = progress.progress + " %"; }
    if (message && message.textContent !== progress.message) message.textContent = progress.message;
  }

  function finish(e) {
    show(e);
    events.close();
    window.location.reload();
  }

  events.addEventListener("progress", show);
  events.addEventListener("ready", finish);
  events.addEventListener("failed", finish);
})();
