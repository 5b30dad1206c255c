// Small progressive enhancements for the account, class and family pages. Every page works
// without this script; it only adds conveniences (a static file: the CSP forbids inline script).
(() => {
  'use strict';

  // Copy buttons: <button data-copy-from="id-of-input" data-copy-status="id"> copies that element's
  // value; <button data-copy="TEXT" data-copy-status="id"> copies TEXT. Hidden until this script runs,
  // since without it the text stays on the page to copy by hand. The status element announces the result.
  for (const button of document.querySelectorAll('[data-copy-from], [data-copy]')) {
    button.hidden = false;
    button.addEventListener('click', async () => {
      const source = button.dataset.copyFrom ? document.getElementById(button.dataset.copyFrom) : null;
      const status = document.getElementById(button.dataset.copyStatus);
      try {
        await navigator.clipboard.writeText(source ? (source.value ?? source.textContent) : button.dataset.copy);
        if (status) status.textContent = source ? 'Link copied.' : 'Copied.';
      } catch {
        source?.select?.();
        if (status) status.textContent = source ? 'Press Ctrl+C (or ⌘C) to copy the selected link.' : 'Could not copy: select the code and copy it by hand.';
      }
    });
  }

  // Time-zone pickers that should start at the browser's zone (a new class, a new account).
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  for (const select of document.querySelectorAll('select[data-default-to-browser-zone]')) {
    if (browserZone && [...select.options].some(o => o.value === browserZone)) {
      select.value = browserZone;
    }
  }

  // Typed confirmations: the destructive button stays disabled until the phrase matches.
  for (const input of document.querySelectorAll('input[data-confirm-phrase]')) {
    const button = document.getElementById(input.dataset.confirmButton);
    if (!button) continue;
    const check = () => { button.disabled = input.value.trim().toUpperCase() !== input.dataset.confirmPhrase.toUpperCase(); };
    input.addEventListener('input', check);
    check();
  }
})();
