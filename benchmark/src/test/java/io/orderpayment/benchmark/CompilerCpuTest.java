package io.orderpayment.benchmark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class CompilerCpuTest {

    @Test
    void aThreadsTimesAreReadAfterItsNameEvenWhenTheNameHasSpacesAndParentheses() {
        String stat = "4242 (C2 Compiler) x) S 1 1 1 0 -1 4194304 126 0 0 0 250 30 0 0 20 0 1 0 197004";

        assertThat(CompilerCpu.userAndSystemTicks(stat)).isEqualTo(280);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void thisJvmHasSpentTimeCompilingByTheTimeItRunsATest() {
        assertThat(CompilerCpu.of(ProcessHandle.current().pid())).isGreaterThan(Duration.ZERO);
    }
}
