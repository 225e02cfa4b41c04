// The admin's autocomplete boxes (select2) name their combobox after the selected value only:
// with nothing chosen it has no name at all, and a screen reader says "combo box" for "Actor".
// Each box is named here after its field's label (or the aria-label an inline row gives the
// select), followed by the value. A file, not an inline script: the Content Security Policy allows none.
(function () {
  "use strict";

  function fieldName(select) {
    var label = select.labels && select.labels[0];
    var text = select.getAttribute("aria-label") || (label ? label.textContent : "");
    return text.trim().replace(/:$/, "");
  }

  function nameBox(select) {
    var box = select.nextElementSibling;
    if (!box || !box.classList.contains("select2") || !select.id) { return; }
    var combo = box.querySelector(".select2-selection[role=combobox]");
    var rendered = box.querySelector(".select2-selection__rendered");
    var name = fieldName(select);
    if (!combo || !rendered || !rendered.id || !name) { return; }
    var nameId = select.id + "-autocomplete-name";
    if (!document.getElementById(nameId)) {
      var hidden = document.createElement("span");
      hidden.id = nameId;
      hidden.hidden = true;
      hidden.textContent = name;
      box.appendChild(hidden);
    }
    var names = nameId + " " + rendered.id;
    if (combo.getAttribute("aria-labelledby") !== names) { combo.setAttribute("aria-labelledby", names); }
    if (rendered.getAttribute("aria-labelledby") !== names) { rendered.setAttribute("aria-labelledby", names); }
  }

  function nameAll() {
    document.querySelectorAll("select.admin-autocomplete").forEach(nameBox);
  }

  function start() {
    nameAll();
    // Boxes appear after this script (select2 starts on the same event) and with each inline row added.
    new MutationObserver(function (changes) {
      if (changes.some(function (c) { return c.addedNodes.length; })) { nameAll(); }
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
