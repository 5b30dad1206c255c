// Copy buttons: <button data-copy="TEXT" hidden> shows once this script runs and copies TEXT to the
// clipboard, saying so in its live region. Without the script the text stays visible to copy by hand.
(() => {
  const setUp = () => {
    for (const button of document.querySelectorAll('button[data-copy]')) {
      if (button.dataset.ready) continue;
      button.dataset.ready = '1';
      button.hidden = false;
      const status = button.dataset.status ? document.getElementById(button.dataset.status) : null;
      button.addEventListener('click', async () => {
        try {
          await navigator.clipboard.writeText(button.dataset.copy);
          if (status) status.textContent = 'Copied.';
        } catch {
          if (status) status.textContent = 'Could not copy: select the code and copy it by hand.';
        }
      });
    }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', setUp); else setUp();
  document.addEventListener('enhancedload', setUp);
})();
