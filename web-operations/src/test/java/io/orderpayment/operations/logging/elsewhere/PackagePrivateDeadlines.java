package io.orderpayment.operations.logging.elsewhere;

/** A deadline payload as the saga declares its own: a record no other package can see. */
public final class PackagePrivateDeadlines {

    private PackagePrivateDeadlines() {
    }

    record NextAttempt(String orderId, int attempt) {
    }

    public static Object nextAttempt(String orderId) {
        return new NextAttempt(orderId, 2);
    }
}
