package io.orderpayment.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/** One packaged service (its runnable jar) as a separate JVM process that a test starts, stops and kills. */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Path jar;
    private final Map<String, Object> properties;
    private final String readinessPath;
    private final int port;
    private Process process;

    /**
     * @param name          names its log, {@code target/<name>.log}
     * @param properties    Spring properties, passed as {@code --key=value}; the port is chosen here
     * @param readinessPath a GET that answers below 500 once the service takes requests
     */
    public ServiceProcess(String name, Path jar, Map<String, Object> properties, String readinessPath) {
        this.name = name;
        this.jar = jar;
        this.properties = properties;
        this.readinessPath = readinessPath;
        this.port = freePort();
    }

    public int port() {
        return port;
    }

    /** Starts the jar and waits until it answers HTTP. */
    public ServiceProcess start() {
        launch();
        awaitAnswering();
        return this;
    }

    /**
     * Starts them all at once and waits until each answers HTTP: a JVM starts up on little more than one
     * thread, so services started side by side are ready sooner than one after another. If one does not
     * start, none is left running.
     */
    public static void startTogether(List<ServiceProcess> services) {
        services.forEach(ServiceProcess::launch);
        try {
            services.forEach(ServiceProcess::awaitAnswering);
        } catch (RuntimeException | Error e) {
            services.forEach(ServiceProcess::kill);
            throw e;
        }
    }

    private void launch() {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Daxoniq.update-checker.disabled=true",
                "-jar", jar.toString(),
                "--server.port=" + port));
        properties.forEach((key, value) -> {
            if (!key.equals("server.port")) {
                command.add("--" + key + "=" + value);
            }
        });
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log())).start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + jar, e);
        }
    }

    private void awaitAnswering() {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during start-up; see " + log());
            }
            return answers();
        });
    }

    private File log() {
        return Path.of("target", name + ".log").toFile();
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    /** SIGTERM, as an operator stops it: Spring shuts down in order. */
    public void stop() {
        if (running()) {
            process.destroy();
            awaitExit();
        }
    }

    /** SIGKILL, as a crash: nothing is flushed or released. */
    public void kill() {
        if (running()) {
            process.destroyForcibly();
            awaitExit();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean answers() {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + readinessPath))
                            .timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() < 500;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
}
