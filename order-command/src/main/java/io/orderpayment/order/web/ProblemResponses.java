package io.orderpayment.order.web;

import io.orderpayment.order.application.IdempotencyKeyReusedException;
import io.orderpayment.order.domain.InvalidOrderException;
import io.orderpayment.order.domain.OrderAlreadyConfirmedException;
import io.orderpayment.web.ProblemJsonExceptionHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;

import static io.orderpayment.web.Problems.problem;

/** The order service's own errors as problem+json; invalid and malformed requests are handled by the base class. */
@RestControllerAdvice
class ProblemResponses extends ProblemJsonExceptionHandler {

    @ExceptionHandler
    ProblemDetail invalidOrder(InvalidOrderException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-order", "Invalid order", e.getMessage(), e.violations());
    }

    @ExceptionHandler
    ProblemDetail notFound(OrderNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "order-not-found", "Order not found", e.getMessage(), null);
    }

    @ExceptionHandler
    ProblemDetail alreadyConfirmed(OrderAlreadyConfirmedException e) {
        return problem(HttpStatus.CONFLICT, "order-already-confirmed", "Order already confirmed", e.getMessage(), null);
    }

    @ExceptionHandler
    ProblemDetail invalidKey(InvalidIdempotencyKeyException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage(), List.of(e.getMessage()));
    }

    @ExceptionHandler
    ProblemDetail keyReused(IdempotencyKeyReusedException e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", "Idempotency-Key reused",
                e.getMessage(), null);
    }
}
