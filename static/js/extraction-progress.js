// The review tool's article list and page: while an article waits for or goes through extraction,
// ask the server for its progress line every few seconds and put the answer in its place, until
// the line says the run is over (it then carries no data-progress-url). A file, not an inline
// script: the Content Security Policy allows none. Without JavaScript the page's Refresh link does it.
(function () {
  "use strict";
  var INTERVAL_MS = 2500;

  function poll(line) {
    window.setTimeout(function () {
      fetch(line.dataset.progressUrl, { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) { throw new Error(String(response.status)); }
          return response.text();
        })
        .then(function (html) {
          var holder = document.createElement("template");
          holder.innerHTML = html.trim();  // our own escaped fragment (apps/records/article_review.py)
          var next = holder.content.firstElementChild;
          if (!next) { return; }
          var refresh = line.parentElement && line.parentElement.querySelector(".progress-refresh");
          line.replaceWith(next);
          if (next.dataset.progressUrl) {
            poll(next);
          } else if (refresh) {
            refresh.remove();  // the line now offers the reload itself
          }
        })
        .catch(function () { /* signed out or server gone: the Refresh link still works */ });
    }, INTERVAL_MS);
  }

  function start() {
    document.querySelectorAll("[data-progress-url]").forEach(poll);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
