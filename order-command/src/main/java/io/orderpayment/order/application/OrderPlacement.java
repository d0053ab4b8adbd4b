package io.orderpayment.order.application;

import io.orderpayment.api.order.PlaceOrder;
import io.orderpayment.axon.transaction.EventStoringTransaction;
import lombok.RequiredArgsConstructor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

import java.util.Optional;
import java.util.UUID;

/**
 * Places orders, honouring Idempotency-Key. The key is claimed in the same transaction that stores
 * the OrderPlaced event, so a rejected order leaves no key behind and a key never points at an
 * order that does not exist.
 */
@Service
@RequiredArgsConstructor
public class OrderPlacement {

    private final CommandGateway commandGateway;
    private final IdempotencyKeys idempotencyKeys;
    private final EventStoringTransaction transaction;

    public PlacedOrder place(NewOrder order, Optional<String> idempotencyKey) {
        return transaction.execute(() -> placeOnce(order, idempotencyKey));
    }

    private PlacedOrder placeOnce(NewOrder order, Optional<String> idempotencyKey) {
        String orderId = UUID.randomUUID().toString();
        if (idempotencyKey.isPresent()) {
            String fingerprint = order.fingerprint();
            Optional<IdempotencyKeys.Claim> earlier =
                    idempotencyKeys.claim(order.customerId(), idempotencyKey.get(), fingerprint, orderId);
            if (earlier.isPresent()) {
                if (!earlier.get().fingerprint().equals(fingerprint)) {
                    throw new IdempotencyKeyReusedException(idempotencyKey.get());
                }
                return new PlacedOrder(earlier.get().orderId(), true);
            }
        }
        commandGateway.sendAndWait(new PlaceOrder(orderId, order.customerId(), order.paymentMethodId(),
                order.items(), order.currency()));
        return new PlacedOrder(orderId, false);
    }
}
