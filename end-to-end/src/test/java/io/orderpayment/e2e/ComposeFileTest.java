package io.orderpayment.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The top-level docker-compose.yml, checked without a Docker engine: valid against the Compose
 * Specification's schema, and consistent with the services it runs (their Dockerfiles, ports,
 * health endpoint, and the properties its environment variables set).
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode compose() throws IOException {
        return YAML.readTree(ROOT.resolve("docker-compose.yml").toFile());
    }

    private static Set<ValidationMessage> violations(JsonNode compose) throws IOException {
        // Loaded by location, so that the schema's relative $id has a base to resolve against.
        JsonSchema spec = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(SchemaLocation.of("classpath:compose/compose-spec.json"));
        return spec.validate(compose);
    }

    @Test
    void theComposeFileFollowsTheComposeSpecification() throws IOException {
        assertThat(violations(compose())).isEmpty();
    }

    @Test
    void theSchemaCheckCatchesAMistake() throws IOException {
        JsonNode broken = compose();
        ((ObjectNode) broken.at("/services/order-service"))
                .put("healtcheck", "typo");

        assertThat(violations(broken)).isNotEmpty();
    }

    @Test
    void theInfrastructureReportsItsHealthSoTheServicesCanWaitForIt() throws IOException {
        JsonNode services = compose().get("services");
        for (String infrastructure : List.of("postgres", "rabbitmq", "redis")) {
            assertThat(services.at("/" + infrastructure + "/healthcheck/test").isArray()).as(infrastructure).isTrue();
            for (String service : List.of("order-service", "payment-service")) {
                assertThat(services.at("/" + service + "/depends_on/" + infrastructure + "/condition").asText())
                        .as(service + " waits for " + infrastructure).isEqualTo("service_healthy");
            }
        }
    }

    @Test
    void theInfrastructureIsReachableFromThisMachineOnly() throws IOException {
        JsonNode services = compose().get("services");
        for (String infrastructure : List.of("postgres", "rabbitmq", "redis")) {
            JsonNode ports = services.at("/" + infrastructure + "/ports");
            assertThat(ports.isArray()).as(infrastructure).isTrue();
            ports.forEach(port -> assertThat(port.asText()).as(infrastructure).startsWith("127.0.0.1:"));
        }
    }

    @ParameterizedTest
    @CsvSource({"order-service", "payment-service"})
    void noServiceStartsWithAnAdminPasswordEveryoneKnows(String service) throws IOException {
        JsonNode environment = compose().at("/services/" + service + "/environment");
        assertThat(environment.get("APP_ADMIN_PASSWORD").asText()).isEqualTo("${ADMIN_PASSWORD:-}");
        assertThat(environment.get("APP_ADMIN_REQUIRE_PASSWORD").asText()).isEqualTo("true");
    }

    @ParameterizedTest
    @CsvSource({"order-service, order-command", "payment-service, payment-command"})
    void eachServiceIsBuiltFromItsModuleOnItsPortWithItsHealthCheck(String service, String module) throws IOException {
        JsonNode definition = compose().at("/services/" + service);
        Map<String, Object> properties = applicationProperties(module);
        String port = properties.get("server.port").toString();

        // No build.dockerfile: the context's Dockerfile, which builds the module its arguments name.
        Path dockerfile = ROOT.resolve(definition.at("/build/context").asText()).resolve("Dockerfile");
        assertThat(definition.at("/build/dockerfile").isMissingNode()).isTrue();
        assertThat(dockerfile).exists();
        assertThat(definition.at("/build/args/MODULE").asText()).isEqualTo(module);
        assertThat(definition.at("/build/args/PORT").asText()).isEqualTo(port);
        String build = Files.readString(dockerfile);
        assertThat(build).contains("-pl ${MODULE} ", "/src/${MODULE}/target/${MODULE}-*-exec.jar",
                "ENV SERVER_PORT=${PORT}", "EXPOSE ${PORT}", "http://localhost:${SERVER_PORT}/actuator/health");
        assertThat(definition.get("ports").get(0).asText()).isEqualTo(port + ":" + port);
        assertThat(definition.at("/healthcheck/test").toString()).contains("http://localhost:" + port + "/actuator/health");
    }

    @ParameterizedTest
    @CsvSource({"order-service, order-command", "payment-service, payment-command"})
    void everyEnvironmentVariableSetsAPropertyTheServiceHas(String service, String module) throws IOException {
        JsonNode environment = compose().at("/services/" + service + "/environment");
        Set<String> known = new HashSet<>();
        applicationProperties(module).keySet().forEach(property -> {
            // Spring's names for a property in the environment: dots to underscores, dashes removed or to underscores.
            known.add(property.replace(".", "_").replace("-", "").toUpperCase());
            known.add(property.replace(".", "_").replace("-", "_").toUpperCase());
        });

        for (Iterator<String> names = environment.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            assertThat(known).as(service + ": " + name + " sets no property of application.yml").contains(name);
        }
    }

    @ParameterizedTest
    @CsvSource({"order-service, order-command", "payment-service, payment-command"})
    void eachServiceUsesADatabaseTheInitScriptCreatesAndItsOwnSchema(String service, String module) throws IOException {
        String url = compose().at("/services/" + service + "/environment/SPRING_DATASOURCE_URL").asText();
        Matcher database = Pattern.compile("^jdbc:postgresql://postgres:5432/(\\w+)\\?currentSchema=(\\w+)$").matcher(url);

        assertThat(database.matches()).as(url).isTrue();
        assertThat(Files.readString(ROOT.resolve("docker/postgres-init.sql")))
                .contains("create database " + database.group(1) + ";");
        assertThat(database.group(2)).isEqualTo(applicationProperties(module).get("app.database.schema"));
        assertThat(compose().at("/services/postgres/volumes").toString()).contains("./docker/postgres-init.sql");
    }

    /** The module's application.yml, flattened to dotted keys. */
    private static Map<String, Object> applicationProperties(String module) throws IOException {
        JsonNode yml = YAML.readTree(ROOT.resolve(module).resolve("src/main/resources/application.yml").toFile());
        Map<String, Object> flat = new TreeMap<>();
        flatten("", yml, flat);
        return flat;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, Object> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field ->
                    flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), into));
        } else {
            into.put(prefix, node.isTextual() ? node.asText() : node.toString());
        }
    }
}
