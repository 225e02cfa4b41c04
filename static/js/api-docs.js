// Starts Swagger UI on /api/v1/docs from a file, not an inline script, so the strict CSP holds.
(function () {
  var root = document.getElementById("swagger-ui");
  if (!root || typeof SwaggerUIBundle === "undefined") return;
  SwaggerUIBundle({
    url: root.dataset.openapiUrl,
    dom_id: "#swagger-ui",
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    deepLinking: true,
    // The public validator badge would send the schema to another host.
    validatorUrl: null,
    // Only GET exists; the session cookie authenticates "Try it out" for a logged-in analyst.
    supportedSubmitMethods: ["get"],
  });
})();
