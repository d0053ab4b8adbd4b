package io.orderpayment.order.operations;

import io.orderpayment.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClientException;

import java.io.IOException;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * The payment service's operator endpoints that the console uses, under
 * {@code /admin/payment-service/...} of the order service: the browser talks to one origin with one
 * set of credentials, and the payment service need not be reachable from the operator's network.
 * Only the paths the console needs pass; the answer (status, problem or JSON) passes unchanged.
 */
@RestController
class PaymentServiceConsoleProxy {

    static final String PREFIX = "/admin/payment-service/";

    /** Dead letters, parked events, processors, the gateway; never anything else of the payment service. */
    private static final Pattern ALLOWED = Pattern.compile(
            "dead-letters(/[\\w.-]+(/redrive)?)?|outbox/parked(/retry|/[\\w.-]+/retry)?|processors|gateway");
    /** Their parameters are numbers and names: nothing to escape, nothing the client would read as a URI template. */
    private static final Pattern ALLOWED_QUERY = Pattern.compile("[\\w.=&-]*");

    private static final Logger log = LoggerFactory.getLogger(PaymentServiceConsoleProxy.class);

    private final PaymentServiceAdminApi paymentService;

    PaymentServiceConsoleProxy(PaymentServiceAdminApi paymentService) {
        this.paymentService = paymentService;
    }

    @RequestMapping(value = PREFIX + "**", method = {RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT})
    void forward(HttpServletRequest request, @RequestBody(required = false) byte[] body, HttpServletResponse response)
            throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length() + PREFIX.length());
        String query = request.getQueryString();
        if (!ALLOWED.matcher(path).matches() || (query != null && !ALLOWED_QUERY.matcher(query).matches())) {
            Problems.write(response, HttpServletResponse.SC_NOT_FOUND, "not-found", "Not Found",
                    "the console reaches only the payment service's dead letters, parked events, processors and gateway, not /"
                            + path + (query == null ? "" : "?" + query));
            return;
        }
        URI target = URI.create("/admin/" + path + (query == null ? "" : "?" + query));
        try {
            PaymentServiceAdminApi.Answer answer = paymentService.exchange(HttpMethod.valueOf(request.getMethod()), target,
                    request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType()), body);
            response.setStatus(answer.status());
            if (answer.contentType() != null) {
                response.setContentType(answer.contentType().toString());
            }
            response.getOutputStream().write(answer.body());
        } catch (RestClientException e) {
            log.warn("The console's call to the payment service ({} {}) failed: {}", request.getMethod(), target, e.getMessage());
            Problems.write(response, HttpServletResponse.SC_BAD_GATEWAY, "payment-service-unavailable", "Bad Gateway",
                    "the payment service did not answer: " + e.getMessage());
        }
    }
}
