package io.orderpayment.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * A {@code Content-Type} Spring cannot parse is refused with 415 before any work is done: some
 * ({@code "/!}) made its parser throw while it looked for the handler, a 500.
 */
public class ContentTypeHeader extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null) {
            try {
                MediaType.parseMediaType(contentType);
            } catch (RuntimeException unparseable) {
                Problems.writeStatus(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
                        "the Content-Type header is not a media type");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
