// Speech input for a teach-the-AI explanation, as progressive enhancement: the "Speak" button stays
// hidden unless the browser offers the Web Speech API, and what is heard is appended to the
// textarea, where the student can read and correct it before sending. Typing always works.
(function () {
  "use strict";
  const Recognition = window.SpeechRecognition || window.webkitSpeechRecognition;
  const button = document.querySelector("[data-speech-for]");
  if (!button || !Recognition) return;
  const target = document.getElementById(button.getAttribute("data-speech-for"));
  const status = document.getElementById(button.getAttribute("data-speech-status"));
  if (!target || !status) return;
  const idleLabel = button.textContent;
  let recognition = null;
  button.hidden = false;

  function stopped(message) {
    recognition = null;
    button.textContent = idleLabel;
    button.setAttribute("aria-pressed", "false");
    status.textContent = message;
  }

  button.addEventListener("click", function () {
    if (recognition) {
      recognition.stop();
      return;
    }

    recognition = new Recognition();
    recognition.lang = document.documentElement.lang || "en";
    recognition.interimResults = false;
    recognition.maxAlternatives = 1;
    let heard = false;
    recognition.onresult = function (event) {
      const text = Array.from(event.results).map(function (r) { return r[0].transcript; }).join(" ").trim();
      if (text) {
        heard = true;
        target.value = (target.value.trim() ? target.value.trim() + " " : "") + text;
      }
    };
    recognition.onerror = function (event) {
      stopped("Speech input stopped (" + event.error + "). You can type your explanation instead.");
    };
    recognition.onend = function () {
      if (recognition) stopped(heard ? "Added what you said; check it before you send." : "Nothing was heard. Try again, or type.");
      target.focus();
    };
    recognition.start();
    button.textContent = "Stop listening";
    button.setAttribute("aria-pressed", "true");
    status.textContent = "Listening… explain the fix out loud.";
  });
})();
