// Drag and drop for match and order questions, on top of the selects that always work (keyboard,
// screen readers, no JavaScript). Pointer events cover mouse, touch and pen alike. Whatever is
// dragged, the selects are updated, and the form posts the selects: one source of truth.
(function () {
  "use strict";

  // Order: drag an item up or down; every select then shows its item's new position.
  document.querySelectorAll('[data-arrange="order"]').forEach(function (list) {
    list.classList.add("arrange-enhanced");
    let dragging = null;

    function renumber() {
      list.querySelectorAll(".order-item").forEach(function (item, i) {
        item.querySelector("select").value = String(i + 1);
      });
    }

    // Choosing a position with the keyboard moves the item there and shifts the others, so each
    // position stays used once.
    list.addEventListener("change", function (e) {
      const select = e.target.closest("select");
      if (!select) return;
      const item = select.closest(".order-item");
      const position = Number(select.value) - 1;
      list.removeChild(item);
      list.insertBefore(item, list.children[position] || null);
      renumber();
      select.focus();
    });

    list.addEventListener("pointerdown", function (e) {
      const item = e.target.closest(".order-item");
      if (!item || e.target.closest("select") || e.button > 0) return;
      dragging = item;
      item.classList.add("dragging");
      item.setPointerCapture(e.pointerId);
      e.preventDefault();
    });

    list.addEventListener("pointermove", function (e) {
      if (!dragging) return;
      const over = document.elementFromPoint(e.clientX, e.clientY);
      const item = over && over.closest(".order-item");
      if (!item || item === dragging || item.parentNode !== list) return;
      const box = item.getBoundingClientRect();
      list.insertBefore(dragging, e.clientY < box.top + box.height / 2 ? item : item.nextSibling);
    });

    function drop() {
      if (!dragging) return;
      dragging.classList.remove("dragging");
      dragging = null;
      renumber();
    }

    list.addEventListener("pointerup", drop);
    list.addEventListener("pointercancel", drop);
  });

  // Match: drag a description onto a term; that term's select takes it (and no other term keeps it).
  document.querySelectorAll('[data-arrange="match"]').forEach(function (items) {
    const fieldset = items.closest("fieldset");
    const targets = Array.from(fieldset.querySelectorAll(".match-target"));
    const selects = Array.from(items.querySelectorAll("select"));
    let chip = null;
    let ghost = null;
    fieldset.classList.add("arrange-enhanced");

    function mark() {
      const used = new Set(selects.map(function (s) { return s.value; }));
      targets.forEach(function (t) { t.classList.toggle("used", used.has(t.getAttribute("data-target"))); });
    }

    function move(e) {
      ghost.style.left = e.clientX + "px";
      ghost.style.top = e.clientY + "px";
    }

    function itemAt(e) {
      ghost.style.display = "none";
      const under = document.elementFromPoint(e.clientX, e.clientY);
      ghost.style.display = "";
      return under && under.closest(".match-item");
    }

    function end() {
      if (ghost) ghost.remove();
      items.querySelectorAll(".drop-over").forEach(function (i) { i.classList.remove("drop-over"); });
      ghost = null;
      chip = null;
    }

    targets.forEach(function (target) {
      target.addEventListener("pointerdown", function (e) {
        if (e.button > 0) return;
        chip = target;
        ghost = target.cloneNode(true);
        ghost.classList.add("drag-ghost");
        ghost.setAttribute("aria-hidden", "true");
        document.body.appendChild(ghost);
        move(e);
        target.setPointerCapture(e.pointerId);
        e.preventDefault();
      });

      target.addEventListener("pointermove", function (e) {
        if (!chip) return;
        move(e);
        const item = itemAt(e);
        items.querySelectorAll(".match-item").forEach(function (i) { i.classList.toggle("drop-over", i === item); });
      });

      target.addEventListener("pointerup", function (e) {
        if (!chip) return;
        const item = itemAt(e);
        if (item) {
          const id = chip.getAttribute("data-target");
          selects.forEach(function (s) { if (s.value === id) s.value = ""; });
          item.querySelector("select").value = id;
          mark();
        }
        end();
      });

      target.addEventListener("pointercancel", end);
    });

    items.addEventListener("change", mark);
    mark();
  });
})();
