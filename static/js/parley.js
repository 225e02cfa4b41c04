// Parley's few behaviours beyond htmx. No inline handlers anywhere: the CSP forbids them.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // The filters are folded on a phone (a <details>); on a wide screen they open, for browsers
  // without ::details-content too.
  var filterDetails = document.querySelector(".filter-details");
  if (filterDetails && window.matchMedia("(min-width: 901px)").matches) filterDetails.open = true;

  // The language switcher submits as soon as a language is picked (its button is for no-JS).
  document.addEventListener("change", function (event) {
    var select = event.target.closest && event.target.closest("select.js-autosubmit");
    if (select && select.form) select.form.requestSubmit();
  });

  // "/" focuses the search box, as on most sites with a search.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target.closest && target.closest("input, textarea, select, [contenteditable]")) return;
    var search = document.getElementById("id_q");
    if (search) { event.preventDefault(); search.focus(); }
  });

  // Filters left empty stay out of the URL htmx requests and pushes (?kind=call, not ?q=&topic=&kind=call).
  document.addEventListener("htmx:configRequest", function (event) {
    var data = event.detail.formData;
    if (!data || !event.detail.useUrlParams) return;
    var empty = new Set();
    data.forEach(function (value, name) { if (value === "") empty.add(name); });
    empty.forEach(function (name) {
      var kept = data.getAll(name).filter(function (value) { return value !== ""; });
      data.delete(name);
      kept.forEach(function (value) { data.append(name, value); });
    });
  });

  // The actor picker is an ARIA combobox (templates/timeline/_actor_picker.html): its suggestions
  // are a listbox of links. Arrow keys move the active option (aria-activedescendant: focus
  // stays in the box, so typing goes on), Enter picks it through its boosted link, and never
  // submits the picker's own form, which would leave for the suggestions page; Escape closes.
  var PICKER_BOX = "id_actor_q";

  function pickerOptions() {
    var list = document.getElementById("actor-options");
    return list ? Array.prototype.slice.call(list.querySelectorAll('[role="option"]')) : [];
  }

  function setActiveOption(box, index) {
    var options = pickerOptions();
    options.forEach(function (option, i) { option.setAttribute("aria-selected", i === index ? "true" : "false"); });
    if (index >= 0 && options[index]) {
      box.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({block: "nearest"});
    } else {
      box.removeAttribute("aria-activedescendant");
    }
  }

  function closePicker(box) {
    var suggestions = document.getElementById("actor-suggestions");
    if (suggestions) suggestions.replaceChildren();
    box.setAttribute("aria-expanded", "false");
    box.removeAttribute("aria-activedescendant");
  }

  document.addEventListener("keydown", function (event) {
    var box = event.target;
    if (!box || box.id !== PICKER_BOX) return;
    var options = pickerOptions();
    var active = options.findIndex(function (option) { return option.getAttribute("aria-selected") === "true"; });
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!options.length) return;
      event.preventDefault();
      var step = event.key === "ArrowDown" ? 1 : -1;
      setActiveOption(box, active < 0 ? (step > 0 ? 0 : options.length - 1) : (active + step + options.length) % options.length);
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (active >= 0) options[active].click();
    } else if (event.key === "Escape" && box.getAttribute("aria-expanded") === "true") {
      event.preventDefault();  // a search box would also clear its text
      closePicker(box);
    }
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    if (!event.detail.target || event.detail.target.id !== "actor-suggestions") return;
    // htmx boosts swapped-in links only when the swap settles (20 ms on): an option picked in
    // between, by Enter or a click, would leave the page instead of loading in place. Boost them
    // now, before the browser can hand the reader the new list (processing twice is a no-op).
    htmx.process(event.detail.target);
    var box = document.getElementById(PICKER_BOX);
    if (box) {
      box.setAttribute("aria-expanded", pickerOptions().length ? "true" : "false");
      box.removeAttribute("aria-activedescendant");
    }
  });

  // Leaving the picker (Tab, a click elsewhere) closes its list.
  document.addEventListener("focusout", function (event) {
    var picker = event.target.closest && event.target.closest(".actor-picker");
    if (!picker || (event.relatedTarget && picker.contains(event.relatedTarget))) return;
    var box = document.getElementById(PICKER_BOX);
    if (box && box.getAttribute("aria-expanded") === "true") closePicker(box);
  });

  // Keep the search box's text when htmx swaps results under it, and close suggestion lists
  // once an actor has been picked.
  document.addEventListener("htmx:beforeRequest", function (event) {
    var source = event.detail.elt;
    if (source && source.closest && source.closest(".suggestion-list")) {
      var box = document.getElementById("id_actor_q");
      if (box) box.value = "";
    }
  });
})();
