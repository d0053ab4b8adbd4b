package io.orderpayment.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses a path with parameters ({@code /orders;x=1}) with 400. Neither service has any, and Spring
 * Security's firewall refuses them too, but only after Spring has parsed the path: a malformed escape
 * in them ({@code /orders;%}) made that parser throw, a 500.
 */
public class NoPathParameters extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getRequestURI().indexOf(';') >= 0) {
            Problems.writeStatus(response, HttpServletResponse.SC_BAD_REQUEST, "the path may not have parameters (;)");
            return;
        }
        chain.doFilter(request, response);
    }
}
