package io.orderpayment.order.config;

import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.Task;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;

import java.time.Instant;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

class DeadlineRetryConfigurationTest {

    private static final Instant FAILED_AT = Instant.parse("2026-11-24T10:15:00Z");

    private final Task<DbSchedulerBinaryDeadlineDetails> task =
            new DeadlineRetryConfiguration().deadlineDetailsTask(mock(ApplicationContext.class));

    @Test
    void aDeadlineThatFailedIsTriedAgainAfterASecondNotAfterFiveMinutes() {
        verifyRetriedAt(0, FAILED_AT.plusSeconds(1));
    }

    @Test
    void eachFurtherFailureDoublesTheWait() {
        verifyRetriedAt(3, FAILED_AT.plusSeconds(8));
    }

    @SuppressWarnings("unchecked")
    private void verifyRetriedAt(int failuresBefore, Instant expected) {
        Execution execution = new Execution(FAILED_AT, task.instance("deadline-1"), true, "node-1", null, null,
                failuresBefore, null, 1);
        ExecutionOperations<DbSchedulerBinaryDeadlineDetails> operations = mock(ExecutionOperations.class);

        task.getFailureHandler().onFailure(
                ExecutionComplete.failure(execution, FAILED_AT, FAILED_AT, new IllegalStateException("concurrent change")),
                operations);

        verify(operations).reschedule(any(ExecutionComplete.class), eq(expected));
    }
}
