package io.orderpayment.payment.it;

import io.orderpayment.payment.domain.PaymentGateway;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes processing fail right after the gateway answered a charge, for the orders a test names:
 * the gateway has charged, our transaction has not committed, as in a crash at the worst moment.
 * Counts the gateway calls per order too (one per delivery: the retries happen inside).
 */
@Configuration(proxyBeanMethods = false)
class GatewayFaults {

    enum Fault { ONCE, ALWAYS }

    private static final Map<String, Fault> FAULTS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> CHARGE_CALLS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> REFUND_CALLS = new ConcurrentHashMap<>();

    static void failAfterCharge(String orderId, Fault fault) {
        FAULTS.put(orderId, fault);
    }

    /** How often the gateway was asked to charge for the order (one call per delivery that got that far). */
    static int chargeCalls(String orderId) {
        return CHARGE_CALLS.getOrDefault(orderId, new AtomicInteger()).get();
    }

    /** How often the gateway was asked to refund for the order (one call per delivery that got that far). */
    static int refundCalls(String orderId) {
        return REFUND_CALLS.getOrDefault(orderId, new AtomicInteger()).get();
    }

    @Bean
    static BeanPostProcessor faultyGateway() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof PaymentGateway gateway ? new FaultyGateway(gateway) : bean;
            }
        };
    }

    private record FaultyGateway(PaymentGateway gateway) implements PaymentGateway {

        @Override
        public ChargeResult charge(Charge charge) {
            ChargeResult result = gateway.charge(charge);
            CHARGE_CALLS.computeIfAbsent(charge.orderId(), order -> new AtomicInteger()).incrementAndGet();
            Fault fault = FAULTS.get(charge.orderId());
            if (fault == Fault.ONCE) {
                FAULTS.remove(charge.orderId());
            }
            if (fault != null) {
                throw new IllegalStateException("injected failure after the gateway answered " + result.outcome());
            }
            return result;
        }

        @Override
        public RefundResult refund(Refund refund) {
            REFUND_CALLS.computeIfAbsent(refund.orderId(), order -> new AtomicInteger()).incrementAndGet();
            return gateway.refund(refund);
        }

        @Override
        public Optional<String> approvedCharge(String idempotencyKey) {
            return gateway.approvedCharge(idempotencyKey);
        }
    }
}
