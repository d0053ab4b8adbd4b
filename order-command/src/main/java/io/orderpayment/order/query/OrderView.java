package io.orderpayment.order.query;

import io.orderpayment.api.order.CancellationReason;
import io.orderpayment.api.order.OrderLine;
import io.orderpayment.api.order.OrderPlaced;
import io.orderpayment.api.order.OrderStatus;
import io.orderpayment.api.payment.PaymentFailureReason;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.springframework.data.domain.Persistable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order as customers see it, kept up to date from the order's events. */
@Entity
@Table(name = "order_view")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class OrderView implements Persistable<String> {

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
    /** Lets the repository insert a placed order at once, instead of looking for it first. */
    @Transient
    @Getter(AccessLevel.NONE)
    private boolean placedNow;

    static OrderView placed(OrderPlaced event, Instant at) {
        OrderView view = new OrderView();
        view.orderId = event.orderId();
        view.customerId = event.customerId();
        view.status = OrderStatus.PENDING;
        view.totalAmount = event.total().amount();
        view.currency = event.total().currency();
        view.items = List.copyOf(event.items());
        view.createdAt = at;
        view.updatedAt = at;
        view.placedNow = true;
        return view;
    }

    @Override
    public String getId() {
        return orderId;
    }

    @Override
    public boolean isNew() {
        return placedNow;
    }

    @PostPersist
    @PostLoad
    void stored() {
        placedNow = false;
    }
}
