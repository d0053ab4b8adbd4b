package io.orderpayment.order.query;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** Reads the order views; {@link OrderProjection} writes them. */
public interface OrderViewRepository extends JpaRepository<OrderView, String> {

    /** Newest first; the order id breaks ties so that pages never overlap. */
    Page<OrderView> findByCustomerIdOrderByCreatedAtDescOrderIdDesc(String customerId, Pageable pageable);
}
