package io.langnghe.search;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The title of the OpenAPI description generated at build time and served at {@code /swagger/search.yml}. */
@OpenAPIDefinition(info = @Info(
        title = "Lắng Nghe search-service",
        version = "1",
        description = "Search, the officer queue, case actions, the leader dashboard and resident tracking."))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
final class SearchApiDefinition {

    private SearchApiDefinition() {
    }
}
