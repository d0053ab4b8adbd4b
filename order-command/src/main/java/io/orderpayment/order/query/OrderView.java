package io.orderpayment.order.query;

import io.orderpayment.api.order.CancellationReason;
import io.orderpayment.api.order.OrderLine;
import io.orderpayment.api.order.OrderStatus;
import io.orderpayment.api.payment.PaymentFailureReason;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order as customers see it, kept up to date from the order's events by {@link OrderProjection}. */
@Entity
@Immutable
@Table(name = "order_view")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class OrderView {

    @Id
    private String orderId;
    private String customerId;
    @Enumerated(EnumType.STRING)
    private OrderStatus status;
    private BigDecimal totalAmount;
    private String currency;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private List<OrderLine> items;
    private int paymentAttempts;
    @Enumerated(EnumType.STRING)
    private CancellationReason cancellationReason;
    @Enumerated(EnumType.STRING)
    private PaymentFailureReason lastPaymentFailure;
    @Enumerated(EnumType.STRING)
    private RefundStatus refundStatus;
    private Instant createdAt;
    private Instant updatedAt;
}
