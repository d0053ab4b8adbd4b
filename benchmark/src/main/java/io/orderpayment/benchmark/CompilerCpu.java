package io.orderpayment.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time used so far by a JVM's just-in-time compiler threads, read from Linux's
 * {@code /proc/<pid>/task}; zero where there is none. A run of a minute or two still compiles
 * while it is measured, a service that runs for days does not: this tells the two apart. Only live
 * threads are read: a compiler thread the JVM ended between two readings takes its time with it.
 */
final class CompilerCpu {

    /** USER_HZ, the unit of a thread's times in {@code stat}: 100 on every Linux this runs on. */
    private static final long TICKS_PER_SECOND = 100;

    private CompilerCpu() {
    }

    static Duration of(Process process) {
        return of(process.pid());
    }

    static Duration of(long pid) {
        Path tasks = Path.of("/proc", String.valueOf(pid), "task");
        if (!Files.isDirectory(tasks)) {
            return Duration.ZERO;
        }
        long ticks = 0;
        for (Path thread : threads(tasks)) {
            try {
                // The kernel keeps 15 characters of a thread's name: "C2 CompilerThread0" is "C2 CompilerThre".
                String name = Files.readString(thread.resolve("comm"));
                if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                    ticks += userAndSystemTicks(Files.readString(thread.resolve("stat")));
                }
            } catch (IOException exited) {
                // A thread that ended between listing and reading used no compiler time we could count.
            }
        }
        return Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
    }

    /** Fields 14 and 15 of {@code stat} (utime, stime), counted after the name, which may hold spaces. */
    static long userAndSystemTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static List<Path> threads(Path tasks) {
        try (Stream<Path> threads = Files.list(tasks)) {
            return threads.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
