package io.orderpayment.operations.logging;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class OrderIdRequestFilterTest {

    @Test
    void theOrderIdComesFromThePathOrTheQuery() {
        assertThat(OrderIdRequestFilter.orderId(request("/orders/3f2c9a1e-0b7d-4c55-9d1e-2a6f0e8b7c41/cancel", null)))
                .isEqualTo("3f2c9a1e-0b7d-4c55-9d1e-2a6f0e8b7c41");
        assertThat(OrderIdRequestFilter.orderId(request("/admin/orders/o-1/history", null))).isEqualTo("o-1");
        assertThat(OrderIdRequestFilter.orderId(request("/payments", "o-2"))).isEqualTo("o-2");
        assertThat(OrderIdRequestFilter.orderId(request("/payments", null))).isNull();
    }

    @Test
    void aValueWithALineBreakIsNotLoggedAsAnOrderId() {
        assertThat(OrderIdRequestFilter.orderId(request("/payments", "x\n2026-11-24 ERROR forged line"))).isNull();
        assertThat(OrderIdRequestFilter.orderId(request("/payments", "x".repeat(101)))).isNull();
    }

    private static MockHttpServletRequest request(String path, String orderIdParameter) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        if (orderIdParameter != null) {
            request.setParameter("orderId", orderIdParameter);
        }
        return request;
    }
}
