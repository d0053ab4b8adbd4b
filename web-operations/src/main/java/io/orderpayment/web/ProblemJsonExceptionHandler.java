package io.orderpayment.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.stream.Stream;

import static io.orderpayment.web.Problems.problem;

/**
 * Every error as RFC 7807 application/problem+json: a stable {@code type}, a title, a detail that
 * says what is wrong and, for invalid input, {@code errors} with one line per problem. A service
 * extends this with handlers for its own exceptions.
 */
public abstract class ProblemJsonExceptionHandler extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<String> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getField() + " " + error.getDefaultMessage())
                .sorted()
                .toList();
        return invalidRequest(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<String> errors = e.getParameterValidationResults().stream()
                .flatMap(ProblemJsonExceptionHandler::describe)
                .sorted()
                .toList();
        return invalidRequest(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (e.getMostSpecificCause() instanceof RequestBodyLimit.BodyTooLargeException tooLarge) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem(HttpStatus.PAYLOAD_TOO_LARGE,
                    "request-too-large", "Request too large", tooLarge.getMessage(), null));
        }
        String detail = "the request body is not valid JSON of the expected shape: "
                + e.getMostSpecificCause().getMessage().lines().findFirst().orElse("");
        return ResponseEntity.badRequest().body(
                problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail, null));
    }

    /** Neither service takes uploads; a body that says it is multipart but is not parses as nothing. */
    @ExceptionHandler
    ResponseEntity<Object> handleMultipart(MultipartException e) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                "the request body is not valid multipart: " + e.getMostSpecificCause().getMessage(), null));
    }

    private static ResponseEntity<Object> invalidRequest(List<String> errors) {
        return ResponseEntity.badRequest().body(
                problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", String.join("; ", errors), errors));
    }

    /** A request body's errors by field path ({@code items[0].quantity}), a parameter's by its name. */
    private static Stream<String> describe(ParameterValidationResult result) {
        if (result instanceof ParameterErrors bodyErrors) {
            return bodyErrors.getFieldErrors().stream().map(error -> error.getField() + " " + error.getDefaultMessage());
        }
        return result.getResolvableErrors().stream()
                .map(error -> result.getMethodParameter().getParameterName() + " " + error.getDefaultMessage());
    }
}
