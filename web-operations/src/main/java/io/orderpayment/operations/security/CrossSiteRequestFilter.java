package io.orderpayment.operations.security;

import io.orderpayment.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.util.Set;

/**
 * Refuses an operator request that changes something (anything but GET, HEAD, OPTIONS) when a
 * browser says that another site sent it. A browser logged in to the console keeps sending the
 * admin credentials with every request to this origin, a form posted by any other page included;
 * without this, such a page could redrive dead letters or retry parked events in the operator's
 * name. Browsers mark those requests ({@code Sec-Fetch-Site}, {@code Origin}); programs
 * such as curl send neither and are not affected. There are no cookies, so no CSRF tokens either.
 */
class CrossSiteRequestFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> SAME_ORIGIN = Set.of("same-origin", "none");

    /** Only the endpoints that take the admin credentials; the public API has none to abuse. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/admin/") || path.startsWith("/actuator/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SAFE_METHODS.contains(request.getMethod()) && fromAnotherSite(request)) {
            Problems.write(response, HttpServletResponse.SC_FORBIDDEN, "cross-site-request", "Forbidden",
                    "a request from another site may not change anything here (Sec-Fetch-Site or Origin)");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean fromAnotherSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return !SAME_ORIGIN.contains(site);
        }
        String origin = request.getHeader("Origin");
        return origin != null && !sameOrigin(origin, request);
    }

    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        try {
            URI uri = URI.create(origin);
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
            return request.getScheme().equals(uri.getScheme()) && request.getServerName().equalsIgnoreCase(uri.getHost())
                    && request.getServerPort() == port;
        } catch (IllegalArgumentException notAnOrigin) {
            return false;
        }
    }
}
