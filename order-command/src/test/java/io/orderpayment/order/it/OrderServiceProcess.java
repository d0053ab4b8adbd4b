package io.orderpayment.order.it;

import io.orderpayment.outbox.testsupport.TestInfrastructure;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/** The packaged order service as a separate JVM process, which a test can kill like a crash would. */
final class OrderServiceProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "order-command-0.1.0-SNAPSHOT-exec.jar");

    private final Process process;
    private final OrderHttp http;

    private OrderServiceProcess(Process process, int port) {
        this.process = process;
        this.http = new OrderHttp(port);
    }

    /** Starts the jar with the test's properties and waits until it takes requests. */
    static OrderServiceProcess start(TestInfrastructure infrastructure, Map<String, Object> overrides, String logName) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Daxoniq.update-checker.disabled=true", "-jar", JAR.toString()));
        Map<String, Object> properties = new HashMap<>(overrides);
        properties.put("server.port", port);
        command.addAll(List.of(infrastructure.commandLine(properties)));
        try {
            File log = Path.of("target", logName + ".log").toFile();
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
            OrderServiceProcess service = new OrderServiceProcess(process, port);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the order service exited during start-up; see " + log);
                }
                return service.answers();
            });
            return service;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    OrderHttp http() {
        return http;
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or released. */
    void kill() {
        process.destroyForcibly();
        await().atMost(Duration.ofSeconds(30)).until(() -> !process.isAlive());
    }

    private boolean answers() {
        try {
            return http.get("/orders?customerId=ready-check").status() == 200;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
