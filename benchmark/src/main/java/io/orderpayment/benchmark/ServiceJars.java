package io.orderpayment.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a service's packaged jar as a process of its own for a benchmark, and talks to it. */
final class ServiceJars {

    /** C1 only: docs/adr/0021-the-services-compile-with-c1-only.md. */
    static final String DEFAULT_JAVA_OPTS = "-XX:TieredStopAtLevel=1";

    private ServiceJars() {
    }

    /**
     * Starts {@code jar} on {@code port} and waits until {@code readinessPath} answers 200. A port that
     * is taken (a service left over from an interrupted run, say) would answer for it: refused.
     */
    static Process start(String name, String jar, int port, String readinessPath, List<String> arguments, File log)
            throws Exception {
        try (Socket taken = new Socket("127.0.0.1", port)) {
            throw new IllegalStateException("port " + port + " is taken; stop what listens there before running this");
        } catch (IOException free) {
            // as it should be
        }
        List<String> command = new ArrayList<>(List.of("java", "-Daxoniq.update-checker.disabled=true"));
        String profiles = System.getenv("BENCHMARK_PROFILE_DIR");
        if (profiles != null) {
            // A Java Flight Recorder profile of the whole run, written when the service stops. The JVM
            // refuses to start when the recording's directory is missing.
            new File(profiles).mkdirs();
            // Axon's units of work nest deeper than the recorder's default 64 frames, which would cut
            // the callers off the deepest samples.
            command.add("-XX:FlightRecorderOptions=stackdepth=256");
            command.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + new File(profiles, name.replace(' ', '-') + ".jfr").getAbsolutePath());
        }
        // The services' JVM options as bin/start and the Dockerfile set them; JAVA_OPTS measures another choice.
        String jvmOptions = System.getenv().getOrDefault("JAVA_OPTS", DEFAULT_JAVA_OPTS);
        if (!jvmOptions.isBlank()) {
            command.addAll(List.of(jvmOptions.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar, "--server.port=" + port));
        command.addAll(arguments);
        log.getAbsoluteFile().getParentFile().mkdirs();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        try {
            awaitReady(name, process, port, readinessPath, log);
            return process;
        } catch (Exception | Error e) {
            // Not left running on its port, untracked.
            process.destroyForcibly().waitFor();
            throw e;
        }
    }

    private static void awaitReady(String name, Process process, int port, String readinessPath, File log)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the " + name + " stopped during start-up; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + readinessPath)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the " + name + " did not start within 120 s");
    }

    static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Registers a {@code tok_ok} payment method of {@code customerId} with the payment service on {@code port}. */
    static String registerPaymentMethod(int port, String customerId) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/payment-methods"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"customerId\":\"" + customerId + "\",\"token\":\"tok_ok\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body()).get("paymentMethodId").asText();
    }
}
