package io.orderpayment.payment.web;

import io.orderpayment.payment.gateway.GatewayLedger;
import io.orderpayment.payment.gateway.GatewaySimulation;
import jakarta.validation.constraints.NotBlank;
import lombok.RequiredArgsConstructor;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The simulated gateway for operators and tests: its outage switch, its latency, its ledger. */
@RestController
@RequestMapping(value = "/admin/gateway", produces = MediaType.APPLICATION_JSON_VALUE)
@RequiredArgsConstructor
class GatewayAdminController {

    /** Each consumer waits out the latency holding a database connection: minutes would stall the service. */
    private static final Duration MAX_LATENCY = Duration.ofSeconds(60);

    private final GatewaySimulation simulation;
    private final GatewayLedger ledger;

    @GetMapping
    GatewaySettingsResponse settings() {
        return GatewaySettingsResponse.of(simulation.settings());
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    GatewaySettingsResponse change(@RequestBody GatewaySettingsRequest request) {
        return GatewaySettingsResponse.of(simulation.change(request.outage(), latency(request.latency())));
    }

    /** What the outside world saw for one order: charges and refunds, declined ones included. */
    @GetMapping(value = "/ledger", params = "orderId")
    List<GatewayLedger.Entry> ledger(@RequestParam @NotBlank String orderId) {
        return ledger.forOrder(orderId);
    }

    /**
     * Everything the gateway recorded since a moment, oldest first, at most {@link GatewayLedger#MAX_SINCE}
     * entries: for an audit that looks for charges of orders it does not know (bin/chaos).
     */
    @GetMapping(value = "/ledger", params = "since")
    List<GatewayLedger.Entry> ledgerSince(@RequestParam Instant since) {
        return ledger.since(since);
    }

    private static Duration latency(String latency) {
        if (latency == null) {
            return null;
        }
        Duration parsed;
        try {
            parsed = DurationStyle.detectAndParse(latency.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidGatewaySettingsException("latency '" + latency + "' is not a duration like 50ms or 2s");
        }
        if (parsed.isNegative() || parsed.compareTo(MAX_LATENCY) > 0) {
            throw new InvalidGatewaySettingsException("latency must be between 0ms and " + MAX_LATENCY.toSeconds()
                    + "s, not " + latency);
        }
        return parsed;
    }
}
