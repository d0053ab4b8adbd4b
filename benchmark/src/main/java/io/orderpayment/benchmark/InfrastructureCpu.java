package io.orderpayment.benchmark;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU time used so far by the infrastructure's processes on this machine (PostgreSQL with its
 * backends, RabbitMQ's Erlang VM, Redis), by their command's name. A backend that exits between two
 * readings takes its time with it; the services' pooled connections live as long as the run.
 */
record InfrastructureCpu(Map<String, Duration> byServer) {

    /** Debian's redis-server is a link to redis-check-rdb, the name its process shows. */
    private static final Map<String, String> SERVERS = Map.of(
            "postgres", "PostgreSQL", "beam.smp", "RabbitMQ", "redis-server", "Redis", "redis-check-rdb", "Redis");

    static InfrastructureCpu now() {
        return new InfrastructureCpu(ProcessHandle.allProcesses()
                .filter(process -> server(process) != null)
                .collect(Collectors.groupingBy(InfrastructureCpu::server, Collectors.reducing(Duration.ZERO,
                        process -> process.info().totalCpuDuration().orElse(Duration.ZERO), Duration::plus))));
    }

    InfrastructureCpu minus(InfrastructureCpu earlier) {
        return new InfrastructureCpu(byServer.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                entry -> entry.getValue().minus(earlier.byServer.getOrDefault(entry.getKey(), Duration.ZERO)))));
    }

    /** Milliseconds by server, per order. */
    String perOrder(int orders) {
        return per(orders, 1e6, "%s %.1f");
    }

    /** Microseconds by server, per message or event. */
    String microsPer(long messages) {
        return per(messages, 1e3, "%s %.0f");
    }

    private String per(long count, double nanosPerUnit, String format) {
        return SERVERS.values().stream().distinct().sorted()
                .map(server -> String.format(format, server,
                        byServer.getOrDefault(server, Duration.ZERO).toNanos() / nanosPerUnit / count))
                .collect(Collectors.joining(", "));
    }

    private static String server(ProcessHandle process) {
        return process.info().command()
                .map(command -> SERVERS.get(command.substring(command.lastIndexOf('/') + 1)))
                .orElse(null);
    }
}
