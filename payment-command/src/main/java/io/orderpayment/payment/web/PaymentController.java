package io.orderpayment.payment.web;

import io.orderpayment.payment.query.PaymentView;
import io.orderpayment.payment.query.PaymentViews;
import jakarta.validation.constraints.NotBlank;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequiredArgsConstructor
class PaymentController {

    private final PaymentViews payments;

    /** Every attempt of the order, first attempt first; empty for an order with none (yet). */
    @GetMapping("/payments")
    List<PaymentView> forOrder(@RequestParam @NotBlank String orderId) {
        return payments.forOrder(orderId);
    }
}
