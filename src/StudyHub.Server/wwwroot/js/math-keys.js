// Math help's symbol keys: each button types its symbol into the problem box at the caret.
// Without this script the keys stay hidden and the box still takes typed or pasted text.
(() => {
  const setUp = () => {
    for (const keys of document.querySelectorAll('.math-keys[data-target]')) {
      if (keys.dataset.ready) continue;
      keys.dataset.ready = '1';
      const input = document.getElementById(keys.dataset.target);
      if (!input) continue;
      keys.hidden = false;
      keys.addEventListener('click', event => {
        const key = event.target.closest('[data-insert]');
        if (!key) return;
        const text = key.dataset.insert;
        const start = input.selectionStart ?? input.value.length;
        const end = input.selectionEnd ?? start;
        input.setRangeText(text, start, end, 'end');
        const caret = key.dataset.caret;
        if (caret !== undefined) {
          const at = start + Number(caret);
          input.setSelectionRange(at, at);
        }
        input.focus();
      });
    }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', setUp); else setUp();
  // Blazor's enhanced navigation swaps pages without a reload.
  document.addEventListener('enhancedload', setUp);
})();
