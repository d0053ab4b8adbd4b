package io.orderpayment.operations.logging;

import io.orderpayment.inbox.amqp.InboundLogContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Requests about one order ({@code /orders/{id}...}, {@code /admin/orders/{id}...}, or
 * {@code ?orderId=}) log with that order's id, as message handling does; only what looks like an
 * id ({@link InboundLogContext#loggableId}).
 */
public class OrderIdRequestFilter extends OncePerRequestFilter {

    private static final Pattern ORDER_PATH = Pattern.compile("^(?:/admin)?/orders/([^/]+)");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String orderId = orderId(request);
        if (orderId == null) {
            chain.doFilter(request, response);
            return;
        }
        MDC.put(OrderLogContext.ORDER_ID, orderId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(OrderLogContext.ORDER_ID);
        }
    }

    static String orderId(HttpServletRequest request) {
        Matcher path = ORDER_PATH.matcher(request.getRequestURI());
        String orderId = path.find() ? path.group(1) : request.getParameter("orderId");
        return InboundLogContext.loggableId(orderId);
    }
}
