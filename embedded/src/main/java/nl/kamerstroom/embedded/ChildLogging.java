package nl.kamerstroom.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Logging settings for the broker's child JVM. It runs with this JVM's class path, and so with
 * whichever SLF4J backend this JVM has (logback in the services and launcher, slf4j-simple in some
 * tests); both are pointed at the child's stdout, which goes to its log file. With no backend at
 * all the broker logs nothing (SLF4J says so at the top of the file).
 *
 * <p>WARN and up, plus the broker's lifecycle at INFO: Kafka's INFO level writes a line per segment
 * roll and partition change, and single-machine mode appends to the same file for weeks.
 */
final class ChildLogging {

    private static final List<String> LIFECYCLE_LOGGERS = List.of("kafka.server.KafkaRaftServer", "kafka.server.BrokerServer");

    private ChildLogging() {
    }

    /** JVM options that configure every supported backend; writes logback's file into {@code dir}. */
    static List<String> jvmArgs(Path dir) {
        Path logback = dir.resolve("logback-child.xml");
        StringBuilder loggers = new StringBuilder();
        LIFECYCLE_LOGGERS.forEach(name -> loggers.append("  <logger name=\"").append(name).append("\" level=\"INFO\"/>\n"));
        String config = """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern></encoder>
                  </appender>
                LOGGERS  <root level="WARN"><appender-ref ref="OUT"/></root>
                </configuration>
                """.replace("LOGGERS", loggers);
        try {
            Files.writeString(logback, config);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + logback, e);
        }
        List<String> args = new ArrayList<>(List.of(
                "-Dlogback.configurationFile=" + logback,
                "-Dorg.slf4j.simpleLogger.logFile=System.out",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd HH:mm:ss.SSS",
                // Kafka calls log4j2 directly for its dynamic log levels; without a file it complains once.
                "-Dlog4j2.statusLoggerLevel=OFF"));
        LIFECYCLE_LOGGERS.forEach(name -> args.add("-Dorg.slf4j.simpleLogger.log." + name + "=info"));
        return args;
    }
}
