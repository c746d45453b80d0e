package io.langnghe.ingest;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The title of the OpenAPI description generated at build time and served at {@code /swagger/ingest.yml}. */
@OpenAPIDefinition(info = @Info(
        title = "Lắng Nghe ingest-service",
        version = "1",
        description = "Every intake channel: resident web (/api/feedback, JSON or multipart with up to 3 photos), hotline (role OPERATOR), meeting batches "
                + "(JSON and CSV, roles GROUP_LEADER and DEPUTY), SMS and Zalo webhooks, Open311 GeoReport v2, and the "
                + "public tracking and similar-cases read-throughs (/api/track, /api/similar), and operator sign-in (/api/login). Errors are application/problem+json in Vietnamese and English."))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
final class IngestApiDefinition {

    private IngestApiDefinition() {
    }
}
