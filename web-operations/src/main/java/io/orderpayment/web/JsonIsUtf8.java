package io.orderpayment.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Drops the {@code charset} a client puts in its {@code Accept} header: JSON is UTF-8 (RFC 8259
 * defines no charset parameter for it). Asked for {@code application/json; charset=utf-32}, Spring
 * MVC would find no way to write it only after the request's work was done (an order placed, then a
 * 500); the answer is UTF-8 JSON instead.
 */
public class JsonIsUtf8 extends OncePerRequestFilter {

    private static final Pattern CHARSET = Pattern.compile(";\\s*charset\\s*=\\s*[^,;]*", Pattern.CASE_INSENSITIVE);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || !accept.toLowerCase(Locale.ROOT).contains("charset")) {
            chain.doFilter(request, response);
            return;
        }
        String withoutCharsets = CHARSET.matcher(accept).replaceAll("");
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? withoutCharsets : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return HttpHeaders.ACCEPT.equalsIgnoreCase(name)
                        ? Collections.enumeration(java.util.List.of(withoutCharsets)) : super.getHeaders(name);
            }
        }, response);
    }
}
