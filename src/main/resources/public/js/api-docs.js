// Swagger UI on /openapi.json (a file, not an inline script: the pages' Content-Security-Policy allows only files).
window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#api", deepLinking: true, tryItOutEnabled: false });
