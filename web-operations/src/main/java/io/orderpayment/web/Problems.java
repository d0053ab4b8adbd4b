package io.orderpayment.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 7807 problems, the one shape of every error both services answer: a stable {@code type}, a
 * title, the status, a detail that says what is wrong and, for invalid input, {@code errors} with
 * one line per problem. Built for Spring MVC's handlers, or written straight to a response where an
 * error is answered outside them (a filter, the error page, the server itself).
 */
public final class Problems {

    private static final String TYPES = "https://github.com/orderpayment/problems/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    /** @param errors one line per problem, or null */
    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail, List<String> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        if (errors != null) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    /** Writes a problem as the whole response; nothing is written to a response already committed. */
    public static void write(HttpServletResponse response, int status, String type, String title, String detail)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        ObjectNode body = JSON.createObjectNode()
                .put("type", TYPES + type)
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
        response.flushBuffer();
    }

    /** A title for a status: its reason phrase, or "Error" for one HTTP does not name. */
    public static String titleOf(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known != null ? known.getReasonPhrase() : "Error";
    }

    /** A type for a status: its reason phrase in lower case with hyphens, {@code bad-request}. */
    public static String typeOf(int status) {
        return titleOf(status).toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }
}
