package io.orderpayment.axon.transaction;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;

import java.util.function.Supplier;

/**
 * Runs work that stores events (by sending commands) in one transaction that an Axon unit of work
 * owns, so that the event store hears of the events only once they are committed.
 * <p>
 * Under Spring's {@code @Transactional}, the command's unit of work merely joins the transaction,
 * and its after-commit step (where the embedded store wakes its readers: the forwarder, the saga)
 * runs before the real commit. The readers then look too early and find nothing, and the events
 * wait for the next wake-up, on a quiet system the store's poll a second later.
 */
public final class EventStoringTransaction {

    private final TransactionManager transactionManager;

    public EventStoringTransaction(TransactionManager transactionManager) {
        this.transactionManager = transactionManager;
    }

    /** Commits what {@code work} wrote, or rolls all of it back and rethrows what it threw. */
    public <T> T execute(Supplier<T> work) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactionManager);
        ResultMessage<T> result = unitOfWork.executeWithResult(work::get);
        if (result.isExceptional()) {
            throw unchecked(result.exceptionResult());
        }
        return result.getPayload();
    }

    private static RuntimeException unchecked(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(failure);
    }
}
