package io.orderpayment.inbox.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ShutdownSignalException;
import org.springframework.amqp.rabbit.connection.Connection;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * Whether a queue or an exchange exists, asked with a passive declaration on a channel of its own:
 * the broker closes a channel on which something is not found (Spring logs that at debug level only
 * for passive declarations), and any other failure is thrown.
 */
public final class BrokerObjects {

    private BrokerObjects() {
    }

    public static boolean queueExists(Connection connection, String queue) throws IOException, TimeoutException {
        return exists(connection, channel -> channel.queueDeclarePassive(queue));
    }

    public static boolean exchangeExists(Connection connection, String exchange) throws IOException, TimeoutException {
        return exists(connection, channel -> channel.exchangeDeclarePassive(exchange));
    }

    private interface PassiveDeclaration {
        void run(Channel channel) throws IOException;
    }

    private static boolean exists(Connection connection, PassiveDeclaration declaration) throws IOException, TimeoutException {
        Channel channel = connection.createChannel(false);
        try {
            declaration.run(channel);
            return true;
        } catch (IOException e) {
            if (notFound(e)) {
                return false;
            }
            throw e;
        } finally {
            if (channel.isOpen()) {
                channel.close();
            }
        }
    }

    private static boolean notFound(IOException e) {
        return e.getCause() instanceof ShutdownSignalException shutdown
                && shutdown.getReason() instanceof AMQP.Channel.Close close
                && close.getReplyCode() == AMQP.NOT_FOUND;
    }
}
