// Draws the progress pages' charts with Chart.js. The figures come from the canvas's data-*
// attributes (the strict CSP allows no inline script); every chart has a table with the same
// figures next to it, so nothing depends on this script.
(function () {
  "use strict";

  // The theme's colours are light-dark() pairs, which Chart.js can't read: let the browser resolve
  // one (through CSSOM, which the CSP allows) and hand Chart.js the rgb() it computed.
  function css(name) {
    const probe = document.createElement("span");
    probe.style.color = "var(" + name + ")";
    probe.hidden = true;
    document.body.appendChild(probe);
    const colour = getComputedStyle(probe).color;
    probe.remove();
    return colour || undefined;
  }

  function weeklyTrend(canvas) {
    const labels = JSON.parse(canvas.dataset.labels || "[]");
    const accuracy = JSON.parse(canvas.dataset.accuracy || "[]");
    const seconds = JSON.parse(canvas.dataset.seconds || "[]");
    const text = css("--text"), muted = css("--muted"), border = css("--border");
    return new Chart(canvas, {
      type: "line",
      data: {
        labels: labels,
        datasets: [
          { label: "Right first time (%)", data: accuracy, yAxisID: "accuracy", borderColor: css("--accent"), backgroundColor: css("--accent"), spanGaps: true, tension: 0.25 },
          { label: "Median time (s)", data: seconds, yAxisID: "seconds", borderColor: css("--warn"), backgroundColor: css("--warn"), borderDash: [6, 4], spanGaps: true, tension: 0.25 }
        ]
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { labels: { color: text } } },
        scales: {
          x: { ticks: { color: muted }, grid: { color: border } },
          accuracy: { position: "left", min: 0, max: 100, title: { display: true, text: "%", color: muted }, ticks: { color: muted }, grid: { color: border } },
          seconds: { position: "right", min: 0, title: { display: true, text: "seconds", color: muted }, ticks: { color: muted }, grid: { drawOnChartArea: false } }
        }
      }
    });
  }

  function draw() {
    if (typeof Chart === "undefined") return;
    document.querySelectorAll("canvas[data-chart]:not([data-drawn])").forEach(function (canvas) {
      canvas.setAttribute("data-drawn", "");
      if (canvas.dataset.chart === "weekly-trend") weeklyTrend(canvas);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw);
  else draw();
})();
