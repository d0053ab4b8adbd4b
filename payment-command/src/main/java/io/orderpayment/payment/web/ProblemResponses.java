package io.orderpayment.payment.web;

import io.orderpayment.web.ProblemJsonExceptionHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import static io.orderpayment.web.Problems.problem;

/** The payment service's own errors as problem+json; invalid and malformed requests are handled by the base class. */
@RestControllerAdvice
class ProblemResponses extends ProblemJsonExceptionHandler {

    @ExceptionHandler
    ProblemDetail notFound(PaymentMethodNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "payment-method-not-found", "Payment method not found", e.getMessage(), null);
    }

    @ExceptionHandler
    ProblemDetail invalidSettings(InvalidGatewaySettingsException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-gateway-settings", "Invalid gateway settings", e.getMessage(), null);
    }
}
