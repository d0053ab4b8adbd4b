package io.orderpayment.order.domain;

import java.util.List;

/** An order that cannot be placed as asked; {@link #violations()} says every reason. */
public class InvalidOrderException extends RuntimeException {

    private final List<String> violations;

    public InvalidOrderException(List<String> violations) {
        super(String.join("; ", violations));
        this.violations = List.copyOf(violations);
    }

    public List<String> violations() {
        return violations;
    }
}
