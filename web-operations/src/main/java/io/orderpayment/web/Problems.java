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
import java.util.Locale;

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

    /**
     * Writes the problem of an error known only by its status, as another layer reported it: its
     * reason phrase as title and type; {@code message} as detail for a 4xx, which concerns the
     * request; nothing of a 5xx's cause, which the log tells.
     */
    public static void writeStatus(HttpServletResponse response, int status, String message) throws IOException {
        HttpStatus known = HttpStatus.resolve(status);
        String title = known != null ? known.getReasonPhrase() : "Error";
        String detail = status < 500 && message != null && !message.isBlank()
                ? message : "the request could not be answered (" + title + ")";
        write(response, status, title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"), title, detail);
    }
}
