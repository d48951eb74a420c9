package nl.kamerstroom.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Logging settings for a child JVM that runs with this JVM's class path, and so with whichever
 * SLF4J backend this JVM has (logback in the services, slf4j-simple in some tests, log4j2 via
 * Kafka's jars). Each backend is pointed at the child's stdout, which goes to its log file, at INFO
 * with the chattiest Kafka loggers at WARN.
 */
final class ChildLogging {

    private static final String LOGBACK = """
            <configuration>
              <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern></encoder>
              </appender>
              <logger name="kafka.log" level="WARN"/>
              <logger name="org.apache.kafka.storage" level="WARN"/>
              <logger name="org.apache.kafka.common.config" level="WARN"/>
              <logger name="state.change.logger" level="WARN"/>
              <root level="INFO"><appender-ref ref="OUT"/></root>
            </configuration>
            """;

    private ChildLogging() {
    }

    /** JVM options that configure every supported backend; writes the config file into {@code dir}. */
    static List<String> jvmArgs(Path dir) {
        Path logback = dir.resolve("logback-child.xml");
        try {
            Files.writeString(logback, LOGBACK);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + logback, e);
        }
        return List.of(
                "-Dlogback.configurationFile=" + logback,
                "-Dorg.slf4j.simpleLogger.logFile=System.out",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.log.kafka.log=warn",
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.storage=warn",
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.common.config=warn",
                "-Dorg.slf4j.simpleLogger.log.state.change.logger=warn",
                // Kafka calls log4j2 directly for its dynamic log levels; without a file it complains once.
                "-Dlog4j2.statusLoggerLevel=OFF");
    }
}
