package io.orderpayment.inbox.amqp;

import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;

import java.time.Duration;

/**
 * For queues whose messages are retried until they succeed (refunds, dead letters): a failed
 * message waits a moment before it goes back to the queue, so an outage is waited out instead of
 * spun through.
 */
public class PauseBeforeRedelivery implements MessageListener {

    private final MessageListener listener;
    private final Duration pause;

    public PauseBeforeRedelivery(MessageListener listener, Duration pause) {
        this.listener = listener;
        this.pause = pause;
    }

    @Override
    public void onMessage(Message message) {
        try {
            listener.onMessage(message);
        } catch (AmqpRejectAndDontRequeueException e) {
            throw e;
        } catch (RuntimeException e) {
            pause();
            throw e;
        }
    }

    private void pause() {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
