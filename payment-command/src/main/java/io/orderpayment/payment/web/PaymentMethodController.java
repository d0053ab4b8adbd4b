package io.orderpayment.payment.web;

import io.orderpayment.payment.application.PaymentMethods;
import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping(value = "/payment-methods", produces = MediaType.APPLICATION_JSON_VALUE)
@RequiredArgsConstructor
class PaymentMethodController {

    private final PaymentMethods paymentMethods;

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PaymentMethodResponse> register(@Valid @RequestBody RegisterPaymentMethodRequest request) {
        PaymentMethods.PaymentMethod method = paymentMethods.register(request.customerId(), request.token());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri()
                        .path("/{id}").buildAndExpand(method.paymentMethodId()).toUri())
                .body(PaymentMethodResponse.of(method));
    }

    @GetMapping("/{paymentMethodId}")
    PaymentMethodResponse get(@PathVariable String paymentMethodId) {
        return paymentMethods.find(paymentMethodId).map(PaymentMethodResponse::of)
                .orElseThrow(() -> new PaymentMethodNotFoundException(paymentMethodId));
    }
}
