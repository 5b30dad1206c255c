// Math help's "Math keyboard": swaps the plain problem box for a MathLive math field with its
// on-screen keyboard on phones (fractions, powers, roots), and writes every change back into the plain box
// as text the engine reads, so the form sends exactly what it sends without JavaScript.
// MathLive (850 KB) is fetched only when someone asks for the keyboard.
(() => {
  let loading = null;
  const load = src => loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve(window.MathfieldElement);
    script.onerror = () => { loading = null; reject(new Error('MathLive did not load')); };
    document.head.appendChild(script);
  });

  // MathLive's ASCIIMath → the engine's plain syntax (÷ and × as typed on the symbol keys).
  const plain = ascii => ascii
    .replace(/\s*-:\s*/g, '÷')
    .replace(/\s*xx\s*/g, '×')
    .replace(/\s*\*\s*/g, '*')
    .replace(/\s+/g, ' ')
    .trim();

  const setUp = () => {
    for (const toggle of document.querySelectorAll('.math-keyboard-toggle[data-target]')) {
      if (toggle.dataset.ready) continue;
      toggle.dataset.ready = '1';
      const input = document.getElementById(toggle.dataset.target);
      if (!input) continue;
      const keys = document.querySelector(`.math-keys[data-target="${toggle.dataset.target}"]`);
      const label = document.querySelector(`label[for="${input.id}"]`);
      let field = null;
      toggle.hidden = false;

      const show = on => {
        input.hidden = on;
        input.required = !on;
        if (keys) keys.hidden = on;
        if (field) field.hidden = !on;
        toggle.setAttribute('aria-pressed', String(on));
        toggle.textContent = on ? 'Type instead' : 'Math keyboard';
      };

      toggle.addEventListener('click', async () => {
        if (toggle.getAttribute('aria-pressed') === 'true') {
          show(false);
          if (window.mathVirtualKeyboard) window.mathVirtualKeyboard.hide();
          input.focus();
          return;
        }
        toggle.disabled = true;
        try {
          const MathfieldElement = await load(toggle.dataset.library);
          if (!field) {
            MathfieldElement.soundsDirectory = null;
            field = new MathfieldElement();
            field.id = input.id + '-math';
            field.className = 'math-field';
            field.mathVirtualKeyboardPolicy = 'auto';
            field.setAttribute('aria-label', label ? label.textContent.trim() : 'Problem');
            if (input.getAttribute('aria-describedby')) field.setAttribute('aria-describedby', input.getAttribute('aria-describedby'));
            input.insertAdjacentElement('afterend', field);
            field.addEventListener('input', () => { input.value = plain(field.getValue('ascii-math')); });
          }
          field.value = input.value;
          show(true);
          // On a touch screen MathLive opens its on-screen keyboard on focus ('auto'); with a
          // physical keyboard it stays closed and its toggle inside the field opens it.
          // The element finishes mounting after insertion; focus it on the next frame.
          requestAnimationFrame(() => field.focus());
        } catch {
          // The plain box keeps working; say why the keyboard did not open.
          toggle.textContent = 'Math keyboard unavailable';
        } finally {
          toggle.disabled = false;
        }
      });
    }
  };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', setUp); else setUp();
  document.addEventListener('enhancedload', setUp);
})();
