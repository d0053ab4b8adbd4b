package io.orderpayment.order.it;

import io.orderpayment.testsupport.RabbitProbe;
import io.orderpayment.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances change the same order at the same moment (a customer's cancellation on one, the
 * saga's payment request or another cancellation on the other): the store takes one change, and
 * the other instance's command is tried again on top of it, so the customer never sees a 5xx.
 * ForwarderScaleOutIT met this as a 500 on a CI run.
 */
class ConcurrentCancellationIT {

    private static final TestInfrastructure INFRASTRUCTURE = new TestInfrastructure("concurrent_cancel");
    private static final int ORDERS = 20;

    @Test
    void cancellationsOfOneOrderThroughTwoInstancesAtOnceAreAllAccepted() throws Exception {
        try (RabbitProbe consumer = INFRASTRUCTURE.resetWithConsumer();
             OrderServiceInstance first = OrderServiceInstance.start(INFRASTRUCTURE, Map.of("app.node-id", "first"));
             OrderServiceInstance second = OrderServiceInstance.start(INFRASTRUCTURE, Map.of("app.node-id", "second"))) {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < ORDERS; i++) {
                String orderId = first.http().placeOrder("customer-concurrent-" + i);
                CyclicBarrier together = new CyclicBarrier(2);
                CompletableFuture<Integer> viaFirst = CompletableFuture.supplyAsync(() -> cancel(first, orderId, together));
                CompletableFuture<Integer> viaSecond = CompletableFuture.supplyAsync(() -> cancel(second, orderId, together));
                statuses.add(viaFirst.get());
                statuses.add(viaSecond.get());
            }

            assertThat(statuses).containsOnly(202);
        }
    }

    private static int cancel(OrderServiceInstance instance, String orderId, CyclicBarrier together) {
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return instance.http().post("/orders/" + orderId + "/cancel", "", Map.of()).status();
    }
}
