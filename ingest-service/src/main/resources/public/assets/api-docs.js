// Swagger UI over this service's OpenAPI description (generated at build time).
document.addEventListener('DOMContentLoaded', function () {
  'use strict';
  window.SwaggerUIBundle({ url: '/swagger/ingest.yml', dom_id: '#swagger-ui', deepLinking: true });
});
