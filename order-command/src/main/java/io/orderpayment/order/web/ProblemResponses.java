package io.orderpayment.order.web;

import io.orderpayment.order.application.IdempotencyKeyReusedException;
import io.orderpayment.order.domain.InvalidOrderException;
import io.orderpayment.order.domain.OrderAlreadyConfirmedException;
import io.orderpayment.order.domain.OrderNotPendingException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every error as RFC 7807 application/problem+json: a stable {@code type}, a title, a detail that
 * says what is wrong and, for invalid input, {@code errors} with one line per problem.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final String TYPES = "https://github.com/orderpayment/problems/";

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
    ProblemDetail notPending(OrderNotPendingException e) {
        return problem(HttpStatus.CONFLICT, "order-not-pending", "Order no longer pending", e.getMessage(), null);
    }

    @ExceptionHandler
    ProblemDetail keyReused(IdempotencyKeyReusedException e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", "Idempotency-Key reused",
                e.getMessage(), null);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<String> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getField() + " " + error.getDefaultMessage())
                .sorted()
                .toList();
        return ResponseEntity.badRequest().body(
                problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", String.join("; ", errors), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<String> errors = e.getParameterValidationResults().stream()
                .flatMap(ProblemResponses::describe)
                .sorted()
                .toList();
        return ResponseEntity.badRequest().body(
                problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", String.join("; ", errors), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String detail = "the request body is not valid JSON of the expected shape: "
                + e.getMostSpecificCause().getMessage().lines().findFirst().orElse("");
        return ResponseEntity.badRequest().body(
                problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail, null));
    }

    /** A request body's errors by field path ({@code items[0].quantity}), a parameter's by its name. */
    private static Stream<String> describe(ParameterValidationResult result) {
        if (result instanceof ParameterErrors bodyErrors) {
            return bodyErrors.getFieldErrors().stream().map(error -> error.getField() + " " + error.getDefaultMessage());
        }
        return result.getResolvableErrors().stream()
                .map(error -> result.getMethodParameter().getParameterName() + " " + error.getDefaultMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail, List<String> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        if (errors != null) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }
}
