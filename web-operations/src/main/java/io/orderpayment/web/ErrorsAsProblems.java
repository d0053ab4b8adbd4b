package io.orderpayment.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * Makes an error answered without a body a problem: one sent with {@code sendError} by any layer
 * (Spring Security's firewall refusing a method or path, its HTTP Basic entry point, the servlet's
 * defaults), and a 4xx status set with nothing written (Spring MVC when no representation it knows
 * suits the request's {@code Accept}, an endpoint that answers 404 empty). The outermost filter, so
 * every other one answers through it.
 */
public class ErrorsAsProblems extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ProblemOnError answer = new ProblemOnError(response);
        chain.doFilter(request, answer);
        int status = answer.getStatus();
        if (status >= 400 && !answer.bodyStarted && !response.isCommitted()) {
            Problems.writeStatus(response, status, null);
        }
    }

    private static final class ProblemOnError extends HttpServletResponseWrapper {

        private boolean bodyStarted;

        ProblemOnError(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        /** Answered here instead of by the container's error page, which a refused request may not reach. */
        @Override
        public void sendError(int status, String message) throws IOException {
            if (isCommitted()) {
                throw new IllegalStateException("the response is committed: too late to send error " + status);
            }
            bodyStarted = true;
            Problems.writeStatus((HttpServletResponse) getResponse(), status, message);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            bodyStarted = true;
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            bodyStarted = true;
            return super.getWriter();
        }
    }
}
