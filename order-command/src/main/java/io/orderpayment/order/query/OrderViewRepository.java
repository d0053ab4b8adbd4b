package io.orderpayment.order.query;

import io.orderpayment.api.order.CancellationReason;
import io.orderpayment.api.payment.PaymentFailureReason;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;

/**
 * The order views. The projection changes a view with one update statement each, never by loading
 * it: loading the entity (its items are JSON) and checking it for changes cost more than the rest
 * of the event's handling. Each update returns the number of views changed, 0 if there is none.
 */
public interface OrderViewRepository extends JpaRepository<OrderView, String> {

    /** Newest first; the order id breaks ties so that pages never overlap. */
    Page<OrderView> findByCustomerIdOrderByCreatedAtDescOrderIdDesc(String customerId, Pageable pageable);

    @Modifying
    @Query("update OrderView v set v.paymentAttempts = :attempt, v.updatedAt = :at where v.orderId = :orderId")
    int paymentRequested(String orderId, int attempt, Instant at);

    @Modifying
    @Query("update OrderView v set v.lastPaymentFailure = :reason, v.updatedAt = :at where v.orderId = :orderId")
    int paymentFailed(String orderId, PaymentFailureReason reason, Instant at);

    /** A refund that is already REFUNDED stays so when its request is seen again. */
    @Modifying
    @Query("""
            update OrderView v
            set v.refundStatus = coalesce(v.refundStatus, io.orderpayment.order.query.RefundStatus.REQUESTED), v.updatedAt = :at
            where v.orderId = :orderId""")
    int refundRequested(String orderId, Instant at);

    @Modifying
    @Query("""
            update OrderView v set v.refundStatus = io.orderpayment.order.query.RefundStatus.REFUNDED, v.updatedAt = :at
            where v.orderId = :orderId""")
    int refunded(String orderId, Instant at);

    @Modifying
    @Query("""
            update OrderView v set v.status = io.orderpayment.api.order.OrderStatus.CONFIRMED, v.updatedAt = :at
            where v.orderId = :orderId""")
    int confirmed(String orderId, Instant at);

    @Modifying
    @Query("""
            update OrderView v
            set v.status = io.orderpayment.api.order.OrderStatus.CANCELLED, v.cancellationReason = :reason, v.updatedAt = :at
            where v.orderId = :orderId""")
    int cancelled(String orderId, CancellationReason reason, Instant at);
}
