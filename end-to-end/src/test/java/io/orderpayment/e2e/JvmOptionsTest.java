package io.orderpayment.e2e;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The services run with the JVM options of docs/adr/0021 however they are started: by bin/start,
 * in their container, by the benchmarks that measure them and by the tests that start them as
 * processes. A benchmark that ran them otherwise would measure something nobody runs.
 */
class JvmOptionsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

    @Test
    void everyWayOfStartingTheServicesCompilesWithC1Only() throws IOException {
        assertThat(find("bin/start", "JAVA_OPTS=\\$\\{JAVA_OPTS-(.+)}")).isEqualTo(C1_ONLY);
        assertThat(read("bin/start")).contains("read -ra jvm_options <<< \"$JAVA_OPTS\"", "java \"${jvm_options[@]}\" -jar");
        assertThat(find("Dockerfile", "ENV JAVA_OPTS=\"(.+)\"")).isEqualTo(C1_ONLY);
        assertThat(read("Dockerfile")).contains("exec java $JAVA_OPTS -jar");
        assertThat(find("benchmark/src/main/java/io/orderpayment/benchmark/ServiceJars.java",
                "DEFAULT_JAVA_OPTS = \"(.+)\";")).isEqualTo(C1_ONLY);
        assertThat(read("test-support/src/main/java/io/orderpayment/testsupport/ServiceProcess.java"))
                .contains("\"" + C1_ONLY + "\"");
        assertThat(read("pom.xml")).contains("<argLine>" + C1_ONLY + "</argLine>");
    }

    private static String find(String file, String regex) throws IOException {
        Matcher matcher = Pattern.compile(regex).matcher(read(file));
        assertThat(matcher.find()).as("%s in %s", regex, file).isTrue();
        return matcher.group(1);
    }

    private static String read(String file) throws IOException {
        return Files.readString(ROOT.resolve(file));
    }
}
