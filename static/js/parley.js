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
