// Typesets every element with class "math-tex" using KaTeX: the element's text is the TeX source.
// Pages emit plain TeX so they stay readable without JavaScript; KaTeX's MathML output keeps the
// math readable to screen readers. A MutationObserver covers content that arrives later
// (status polling, enhanced navigation).
(function () {
  "use strict";

  function typeset(root) {
    if (typeof katex === "undefined") return;
    const scope = root && root.querySelectorAll ? root : document;
    const pending = [];
    if (scope.classList && scope.classList.contains("math-tex")) pending.push(scope);
    scope.querySelectorAll(".math-tex:not([data-typeset])").forEach(function (el) { pending.push(el); });
    pending.forEach(function (el) {
      if (el.hasAttribute("data-typeset")) return;
      const tex = el.textContent;
      el.setAttribute("data-tex", tex);
      el.setAttribute("data-typeset", "");
      try {
        katex.render(tex, el, { displayMode: el.classList.contains("math-display"), throwOnError: false, output: "htmlAndMathml" });
      } catch (e) {
        // Leave the TeX source visible rather than an empty box.
        el.textContent = tex;
      }
    });
  }

  function start() {
    typeset(document);
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        change.addedNodes.forEach(function (node) {
          if (node.nodeType === Node.ELEMENT_NODE) typeset(node);
        });
      });
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
