package io.orderpayment.order.web;

import io.orderpayment.order.query.OrderView;
import org.springframework.data.domain.Page;

import java.util.List;

record OrderPage(List<OrderResponse> orders, int page, int size, long totalElements, int totalPages) {

    static OrderPage of(Page<OrderView> page) {
        return new OrderPage(page.getContent().stream().map(OrderResponse::of).toList(),
                page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages());
    }
}
