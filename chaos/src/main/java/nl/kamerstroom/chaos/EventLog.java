package nl.kamerstroom.chaos;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What happened when, relative to the start of the run: printed as it happens and kept for the summary. */
final class EventLog {

    private final long started = System.nanoTime();
    private final PrintStream out;
    private final List<String> lines = new ArrayList<>();

    EventLog(PrintStream out) {
        this.out = out;
    }

    synchronized void log(String format, Object... args) {
        String line = String.format("[%6.1f s] ", elapsed().toMillis() / 1000.0) + String.format(format, args);
        lines.add(line);
        out.println(line);
        out.flush();
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
