package io.orderpayment.operations.docs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The service's OpenAPI document ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}):
 * its name and purpose, and HTTP Basic on the operator endpoints ({@code /admin/**}) only, so
 * Swagger UI asks for credentials there and nowhere else.
 */
@AutoConfiguration
public class ApiDocsAutoConfiguration {

    static final String ADMIN_SCHEME = "admin";

    @Bean
    OpenAPI serviceApi(@Value("${spring.application.name}") String service,
                       @Value("${app.api.description:}") String description) {
        return new OpenAPI()
                .info(new Info().title(service).description(description).version("v1"))
                .components(new Components().addSecuritySchemes(ADMIN_SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("User admin with the password in app.admin.password")));
    }

    @Bean
    OpenApiCustomizer adminEndpointsNeedCredentials() {
        return openApi -> openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith("/admin/")) {
                item.readOperations().forEach(operation ->
                        operation.addSecurityItem(new SecurityRequirement().addList(ADMIN_SCHEME)));
            }
        });
    }
}
