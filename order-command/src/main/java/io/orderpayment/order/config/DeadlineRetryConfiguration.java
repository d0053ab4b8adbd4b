package io.orderpayment.order.config;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * Axon's db-scheduler task for deadlines, with one change: a deadline whose handling failed (the
 * order changed concurrently, the database blinked) is tried again after a second, doubling each
 * time, instead of db-scheduler's five minutes for a one-time task. An order past its deadline
 * should not stay PENDING minutes longer. Axon's own task bean steps aside for a bean with this qualifier.
 */
@Configuration
public class DeadlineRetryConfiguration {

    static final Duration FIRST_RETRY = Duration.ofSeconds(1);

    @Bean
    @Qualifier("deadlineDetailsTask")
    Task<DbSchedulerBinaryDeadlineDetails> deadlineDetailsTask(ApplicationContext context) {
        Task<DbSchedulerBinaryDeadlineDetails> axonTask =
                DbSchedulerDeadlineManager.binaryTask(() -> context.getBean(DbSchedulerDeadlineManager.class));
        return Tasks.oneTime(axonTask.getName(), DbSchedulerBinaryDeadlineDetails.class)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(FIRST_RETRY, 2.0))
                .execute((instance, execution) -> axonTask.execute(instance, execution));
    }
}
