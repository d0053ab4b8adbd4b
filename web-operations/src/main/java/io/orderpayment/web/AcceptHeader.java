package io.orderpayment.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code Accept} header as Spring MVC can honour it, settled before any work is done:
 * <ul>
 *   <li>a {@code charset} in it is dropped: JSON is UTF-8 (RFC 8259 defines no charset parameter for
 *   it). Asked for {@code application/json; charset=utf-32}, Spring found no way to write it only after
 *   the request's work was done (an order placed, then a 500);</li>
 *   <li>one Spring cannot parse is refused with 406: some ({@code "/!}) made its parser throw, a 500.</li>
 * </ul>
 */
public class AcceptHeader extends OncePerRequestFilter {

    private static final Pattern CHARSET = Pattern.compile(";\\s*charset\\s*=\\s*[^,;]*", Pattern.CASE_INSENSITIVE);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null) {
            chain.doFilter(request, response);
            return;
        }
        String usable = accept.toLowerCase(Locale.ROOT).contains("charset") ? CHARSET.matcher(accept).replaceAll("") : accept;
        try {
            MediaType.parseMediaTypes(usable);
        } catch (RuntimeException unparseable) {
            Problems.writeStatus(response, HttpServletResponse.SC_NOT_ACCEPTABLE, "the Accept header is not a list of media types");
            return;
        }
        chain.doFilter(usable.equals(accept) ? request : new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? usable : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.enumeration(List.of(usable)) : super.getHeaders(name);
            }
        }, response);
    }
}
