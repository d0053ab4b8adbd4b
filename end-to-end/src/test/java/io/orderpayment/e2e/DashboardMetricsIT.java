package io.orderpayment.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

/**
 * Every metric the provisioned Grafana dashboard (docker/grafana/dashboards) queries exists in a real
 * scrape of the two services, after an order went through; a query that names a service (its
 * {@code application} label) finds the metric in that service's scrape. A renamed metric would
 * leave a panel empty without anyone noticing.
 */
class DashboardMetricsIT {

    private static final Path DASHBOARD = Path.of("..", "docker", "grafana", "dashboards", "order-payment.json");
    /** PromQL's own words: functions, aggregations, keywords. */
    private static final Set<String> PROMQL = Set.of("sum", "max", "min", "avg", "count", "rate", "irate", "increase",
            "histogram_quantile", "by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless",
            "offset", "bool", "topk", "bottomk", "delta", "deriv", "abs", "clamp_min", "clamp_max");
    private static final Pattern APPLICATION = Pattern.compile("application=\"([^\"]+)\"");

    private static TwoServices services;

    @BeforeAll
    static void startBothServicesAndPayAnOrder() {
        services = TwoServices.start("e2e_dashboard", Map.of(), Map.of());
        SystemHttp http = services.http();
        String customer = "customer-" + UUID.randomUUID();
        http.awaitFinal(http.placeOrder(customer, http.registerPaymentMethod(customer, "tok_ok")), Duration.ofSeconds(90));
    }

    @AfterAll
    static void stopBothServices() {
        services.close();
    }

    @Test
    void everyMetricTheDashboardQueriesIsScrapedFromTheServiceItNames() throws Exception {
        Map<String, String> scrapes = Map.of(
                "order-service", scrape(services.orderService().port()),
                "payment-service", scrape(services.paymentService().port()));
        List<String> queries = new ArrayList<>();
        new ObjectMapper().readTree(DASHBOARD.toFile()).get("panels")
                .forEach(panel -> panel.get("targets").forEach(target -> queries.add(target.get("expr").asText())));
        assertThat(queries).hasSizeGreaterThan(10);

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
    void theOrderPaidBeforeTheScrapeIsInTheConfirmationLatencyHistogram() throws Exception {
        Matcher count = Pattern.compile("(?m)^orders_confirmation_seconds_count\\{[^}]*} (\\S+)$")
                .matcher(scrape(services.orderService().port()));
        assertThat(count.find()).isTrue();
        assertThat(Double.parseDouble(count.group(1))).isEqualTo(1.0);
    }

    @Test
    void theQueryParserFindsMetricsAndOnlyMetrics() {
        assertThat(metricNames("histogram_quantile(0.99, sum by (application, le) (rate(outbox_batch_confirm_seconds_bucket"
                + "{application=\"order-service\"}[5m])))")).containsExactly("outbox_batch_confirm_seconds_bucket");
        assertThat(metricNames("60 * max by (reason) (rate(orders_cancelled_total[5m])) + sagas_active"))
                .containsExactlyInAnyOrder("orders_cancelled_total", "sagas_active");
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
