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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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

    /**
     * The optional monitoring profile: Prometheus scrapes both services where they listen, and Grafana
     * provisions the dashboard on that Prometheus (DashboardMetricsIT checks its metrics against real
     * scrapes).
     */
    @Test
    void theMonitoringProfileScrapesBothServicesAndProvisionsTheDashboard() throws IOException {
        JsonNode services = compose().get("services");
        for (String monitoring : List.of("prometheus", "grafana")) {
            assertThat(services.at("/" + monitoring + "/profiles/0").asText()).as(monitoring).isEqualTo("monitoring");
            services.at("/" + monitoring + "/ports").forEach(port -> assertThat(port.asText()).as(monitoring).startsWith("127.0.0.1:"));
            services.at("/" + monitoring + "/volumes").forEach(volume -> assertThat(
                    ROOT.resolve(volume.asText().split(":")[0])).as(monitoring + " mounts " + volume.asText()).exists());
        }
        JsonNode prometheus = YAML.readTree(ROOT.resolve("docker/prometheus/prometheus.yml").toFile());
        List<String> targets = new ArrayList<>();
        prometheus.get("scrape_configs").forEach(job -> {
            assertThat(job.get("metrics_path").asText()).isEqualTo("/actuator/prometheus");
            job.at("/static_configs/0/targets").forEach(target -> targets.add(target.asText()));
        });
        assertThat(targets).containsExactlyInAnyOrder(
                "order-service:" + applicationProperties("order-command").get("server.port"),
                "payment-service:" + applicationProperties("payment-command").get("server.port"));

        JsonNode grafana = services.get("grafana");
        assertThat(grafana.at("/environment/GF_SECURITY_ADMIN_PASSWORD").asText()).isEqualTo("${ADMIN_PASSWORD:-}");
        JsonNode datasource = YAML.readTree(ROOT.resolve("docker/grafana/provisioning/datasources/prometheus.yml").toFile())
                .at("/datasources/0");
        assertThat(datasource.get("url").asText()).isEqualTo("http://prometheus:9090");
        JsonNode dashboard = YAML.readTree(ROOT.resolve("docker/grafana/dashboards/order-payment.json").toFile());
        assertThat(dashboard.get("panels")).isNotEmpty().allSatisfy(panel -> assertThat(panel.at("/datasource/uid").asText())
                .as(panel.get("title").asText()).isEqualTo(datasource.get("uid").asText()));
    }

    @ParameterizedTest
    @CsvSource({"order-service", "payment-service"})
    void noServiceStartsWithAnAdminPasswordEveryoneKnows(String service) throws IOException {
        JsonNode environment = compose().at("/services/" + service + "/environment");
        assertThat(environment.get("APP_ADMIN_PASSWORD").asText()).isEqualTo("${ADMIN_PASSWORD:-}");
        assertThat(environment.get("APP_ADMIN_REQUIRE_PASSWORD").asText()).isEqualTo("true");
    }

    @ParameterizedTest
    @CsvSource({"order-service, ORDER_SERVICE_BROKER_PASSWORD", "payment-service, PAYMENT_SERVICE_BROKER_PASSWORD"})
    void eachServiceConnectsToTheBrokerAsItsOwnUserWhoseUsersAreMadeFirst(String service, String password) throws IOException {
        JsonNode compose = compose();
        JsonNode environment = compose.at("/services/" + service + "/environment");
        assertThat(environment.get("SPRING_RABBITMQ_USERNAME").asText()).isEqualTo(service);
        assertThat(environment.get("SPRING_RABBITMQ_PASSWORD").asText()).isEqualTo("${" + password + ":-}");
        assertThat(compose.at("/services/" + service + "/depends_on/rabbitmq-users/condition").asText())
                .isEqualTo("service_completed_successfully");
        JsonNode users = compose.at("/services/rabbitmq-users");
        assertThat(users.at("/environment/" + password).asText()).isEqualTo("${" + password + ":-}");
        assertThat(users.at("/environment/RABBITMQ_ADMIN_PASSWORD").asText()).isEqualTo("${RABBITMQ_ADMIN_PASSWORD:-}");
        assertThat(users.at("/volumes/0").asText()).startsWith("./docker/rabbitmq:");
        assertThat(users.at("/entrypoint").toString()).contains("create-users.sh");
        assertThat(Files.readString(ROOT.resolve("docker/rabbitmq/create-users.sh")))
                .contains("permissions/" + service + ".json", password);
    }

    /**
     * The broker users' permissions (docker/rabbitmq/permissions): each service may declare, bind to
     * and publish to its own exchange, consume its own queues and bind the other's queues to its
     * exchange; neither may publish to the other's exchange, into a queue through the default
     * exchange, or consume the other's queues. LeastPrivilegeIT runs both services with them.
     */
    @ParameterizedTest
    @CsvSource({"order-service, order-command, payment-service, payment-command",
            "payment-service, payment-command, order-service, order-command"})
    void eachBrokerUserMayTouchItsOwnExchangeAndQueuesOnly(String service, String module, String other,
                                                          String otherModule) throws IOException {
        JsonNode permissions = YAML.readTree(ROOT.resolve("docker/rabbitmq/permissions/" + service + ".json").toFile());
        Pattern configure = Pattern.compile(permissions.get("configure").asText());
        Pattern write = Pattern.compile(permissions.get("write").asText());
        Pattern read = Pattern.compile(permissions.get("read").asText());
        Map<String, Object> properties = applicationProperties(module);
        String exchange = properties.get("app.outbox.exchange").toString();
        String otherExchange = applicationProperties(otherModule).get("app.outbox.exchange").toString();
        List<String> ownQueues = queuesOf(service, properties);
        List<String> otherQueues = queuesOf(other, properties);

        for (String name : List.of(exchange, exchange + ".unrouted")) {
            assertThat(name).matches(configure).matches(write).matches(read);
        }
        for (String queue : ownQueues) {
            for (String name : List.of(queue, queue + ".dead-letter", queue + ".dlx", queue + ".redrive")) {
                assertThat(name).as(service).matches(configure).matches(write).matches(read);
            }
        }
        assertThat(otherExchange).as("binding to the other's exchange").matches(read)
                .doesNotMatch(write).doesNotMatch(configure);
        for (String queue : otherQueues) {
            assertThat(queue).as("binding the other's queue to its own exchange").matches(write);
            for (String name : List.of(queue, queue + ".dead-letter")) {
                assertThat(name).as(service + " consuming " + name).doesNotMatch(read);
            }
            assertThat(queue + ".redrive").as(service + " publishing into " + queue).doesNotMatch(write);
        }
        assertThat("amq.default").doesNotMatch(write);
    }

    /** The queues {@code service} consumes, by the names both services' application.yml give them. */
    private static List<String> queuesOf(String service, Map<String, Object> properties) {
        List<String> queues = Stream.of("app.queues.payment-requests", "app.queues.refund-requests", "app.queues.payment-events")
                .map(property -> properties.get(property).toString())
                .toList();
        return queues.stream().filter(queue -> queue.startsWith(service + ".")).toList();
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
