package io.orderpayment.operations.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * The response headers Spring Security writes by default (but HSTS, which only HTTPS carries), for
 * every request: Spring Security's filter chain runs only for the operator endpoints, and the
 * public API's answers (an order, a customer's list) should no more be cached, sniffed or framed by
 * a browser than the console's. On the operator endpoints Spring Security finds them set and
 * leaves them.
 */
class BrowserSafetyHeaders extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-XSS-Protection", "0");
        response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        response.setHeader("Pragma", "no-cache");
        response.setHeader("Expires", "0");
        response.setHeader("X-Frame-Options", "DENY");
        chain.doFilter(request, response);
    }
}
