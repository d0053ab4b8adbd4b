package io.orderpayment.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The provisioned Grafana dashboard (docker/grafana/dashboards) against the two services, after an
 * order went through: every metric its queries name exists in a real scrape, in the scrape of the
 * service a query names (its {@code application} label); and a real Prometheus (Debian's
 * {@code prometheus}; {@code -Ddashboard.prometheus} names another), configured from
 * docker/prometheus/prometheus.yml, answers every query with data. A renamed metric or a query
 * Prometheus cannot parse would leave a panel empty without anyone noticing.
 */
@ExtendWith(OperatorServices.class)
class DashboardMetricsIT {

    private static final Path DASHBOARD = Path.of("..", "docker", "grafana", "dashboards", "order-payment.json");
    /** PromQL's own words: functions, aggregations, keywords. */
    private static final Set<String> PROMQL = Set.of("sum", "max", "min", "avg", "count", "rate", "irate", "increase",
            "histogram_quantile", "by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless",
            "offset", "bool", "topk", "bottomk", "delta", "deriv", "abs", "clamp_min", "clamp_max");
    private static final Pattern APPLICATION = Pattern.compile("application=\"([^\"]+)\"");

    private static final Path PROMETHEUS_CONFIG = Path.of("..", "docker", "prometheus", "prometheus.yml");

    private static TwoServices services;
    private static Process prometheus;
    private static int prometheusPort;

    @BeforeAll
    static void startBothServicesPayAnOrderAndStartPrometheus() throws Exception {
        services = OperatorServices.services();
        SystemHttp http = services.http();
        String customer = "customer-" + UUID.randomUUID();
        http.awaitFinal(http.placeOrder(customer, http.registerPaymentMethod(customer, "tok_ok")), Duration.ofSeconds(90));
        prometheus = startPrometheus();
    }

    @AfterAll
    static void stopAll() throws InterruptedException {
        if (prometheus != null) {
            prometheus.destroy();
            prometheus.waitFor();
        }
    }

    /** Compose's Prometheus configuration, scraping this test's services every second. */
    private static Process startPrometheus() throws Exception {
        File binary = new File(System.getProperty("dashboard.prometheus", "/usr/bin/prometheus"));
        if (!binary.canExecute()) {
            throw new IllegalStateException(binary + " is missing: the dashboard's test needs Prometheus"
                    + " (apt-get install prometheus), or -Ddashboard.prometheus=<path>");
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ObjectNode config = (ObjectNode) yaml.readTree(PROMETHEUS_CONFIG.toFile());
        ((ObjectNode) config.get("global")).put("scrape_interval", "1s");
        Map<String, Integer> ports = Map.of("order-service", services.orderService().port(),
                "payment-service", services.paymentService().port());
        config.get("scrape_configs").forEach(job -> {
            ArrayNode targets = (ArrayNode) job.at("/static_configs/0/targets");
            targets.removeAll().add("localhost:" + ports.get(job.get("job_name").asText()));
        });
        Path directory = Files.createTempDirectory("prometheus");
        Path file = directory.resolve("prometheus.yml");
        yaml.writeValue(file.toFile(), config);
        try (ServerSocket free = new ServerSocket(0)) {
            prometheusPort = free.getLocalPort();
        }
        return new ProcessBuilder(binary.getPath(), "--config.file=" + file, "--storage.tsdb.path=" + directory.resolve("data"),
                "--web.listen-address=127.0.0.1:" + prometheusPort)
                .redirectErrorStream(true).redirectOutput(Path.of("target", "e2e_operator-prometheus.log").toFile()).start();
    }

    @Test
    void everyMetricTheDashboardQueriesIsScrapedFromTheServiceItNames() throws Exception {
        Map<String, String> scrapes = Map.of(
                "order-service", scrape(services.orderService().port()),
                "payment-service", scrape(services.paymentService().port()));
        List<String> queries = dashboardQueries();

        Set<String> checked = new TreeSet<>();
        for (String query : queries) {
            Matcher named = APPLICATION.matcher(query);
            List<String> where = named.find() ? List.of(named.group(1)) : List.copyOf(scrapes.keySet());
            for (String metric : metricNames(query)) {
                assertThat(where).as("%s (in %s) is scraped from %s", metric, query, where)
                        .anySatisfy(service -> assertThat(scrapes).containsKey(service)
                                .extractingByKey(service).asString().containsPattern("(?m)^" + metric + "[{ ]"));
                checked.add(metric);
            }
        }
        assertThat(checked).contains("orders_confirmation_seconds_bucket", "payments_attempts_total",
                "outbox_batch_confirm_seconds_bucket", "deadlines_overdue", "jvm_memory_used_bytes");
    }

    @Test
    void prometheusAnswersEveryQueryOfTheDashboardWithData() throws Exception {
        List<String> queries = dashboardQueries();
        HttpClient client = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        // Rates need two scrapes in their window: a few seconds after Prometheus starts.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().untilAsserted(() -> {
            List<String> failing = new ArrayList<>();
            for (String query : queries) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + prometheusPort
                        + "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                JsonNode answer = json.readTree(response.body());
                if (!"success".equals(answer.path("status").asText()) || answer.at("/data/result").isEmpty()) {
                    failing.add(query + " -> " + response.body());
                }
            }
            assertThat(failing).as("queries without data").isEmpty();
        });
    }

    @Test
    void aPaidOrderIsCountedInTheConfirmationLatencyHistogram() throws Exception {
        double before = confirmations();
        SystemHttp http = services.http();
        String customer = "customer-" + UUID.randomUUID();
        http.awaitFinal(http.placeOrder(customer, http.registerPaymentMethod(customer, "tok_ok")), Duration.ofSeconds(90));

        // Recorded once the confirmation is committed, a moment after the order reads CONFIRMED.
        await().atMost(Duration.ofSeconds(10)).until(() -> confirmations() == before + 1);
    }

    private static double confirmations() throws Exception {
        Matcher count = Pattern.compile("(?m)^orders_confirmation_seconds_count\\{[^}]*} (\\S+)$")
                .matcher(scrape(services.orderService().port()));
        return count.find() ? Double.parseDouble(count.group(1)) : 0;
    }

    @Test
    void theQueryParserFindsMetricsAndOnlyMetrics() {
        assertThat(metricNames("histogram_quantile(0.99, sum by (application, le) (rate(outbox_batch_confirm_seconds_bucket"
                + "{application=\"order-service\"}[5m])))")).containsExactly("outbox_batch_confirm_seconds_bucket");
        assertThat(metricNames("60 * max by (reason) (rate(orders_cancelled_total[5m])) + sagas_active"))
                .containsExactlyInAnyOrder("orders_cancelled_total", "sagas_active");
    }

    private static List<String> dashboardQueries() throws IOException {
        List<String> queries = new ArrayList<>();
        new ObjectMapper().readTree(DASHBOARD.toFile()).get("panels")
                .forEach(panel -> panel.get("targets").forEach(target -> queries.add(target.get("expr").asText())));
        assertThat(queries).hasSizeGreaterThan(10);
        return queries;
    }

    /** The metric names in a PromQL query: what is left once labels, ranges, groupings and PromQL's own words are gone. */
    static Set<String> metricNames(String query) {
        String names = query.replaceAll("\"[^\"]*\"", "")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ");
        Set<String> metrics = new TreeSet<>();
        Matcher identifier = Pattern.compile("(?<![\\w.])[a-zA-Z_:][\\w:]*").matcher(names);
        while (identifier.find()) {
            if (!PROMQL.contains(identifier.group())) {
                metrics.add(identifier.group());
            }
        }
        return metrics;
    }

    private static String scrape(int port) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/prometheus")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
