package io.orderpayment.payment.it;

import io.orderpayment.inbox.ProcessedMessages;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts how often each message was claimed (once per delivery that reached the service's inbox),
 * and how long the slowest claim waited: a claim waits while another delivery of the same message
 * holds it in an uncommitted transaction.
 */
@Configuration(proxyBeanMethods = false)
class MessageClaims {

    private static final Map<String, AtomicInteger> CLAIMS = new ConcurrentHashMap<>();
    private static final Map<String, Duration> LONGEST_WAIT = new ConcurrentHashMap<>();

    static int of(String messageId) {
        return CLAIMS.getOrDefault(messageId, new AtomicInteger()).get();
    }

    static Duration longestWait(String messageId) {
        return LONGEST_WAIT.getOrDefault(messageId, Duration.ZERO);
    }

    @Bean
    static BeanPostProcessor countingClaims() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof ProcessedMessages messages) {
                    return (ProcessedMessages) messageId -> {
                        long start = System.nanoTime();
                        boolean claimed = messages.claim(messageId);
                        LONGEST_WAIT.merge(messageId, Duration.ofNanos(System.nanoTime() - start),
                                (one, other) -> one.compareTo(other) >= 0 ? one : other);
                        CLAIMS.computeIfAbsent(messageId, id -> new AtomicInteger()).incrementAndGet();
                        return claimed;
                    };
                }
                return bean;
            }
        };
    }
}
