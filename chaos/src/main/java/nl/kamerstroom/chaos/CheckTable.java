package nl.kamerstroom.chaos;

import java.io.PrintStream;
import java.util.List;

/** The checks as one plain-text table, failures marked, with the mechanisms each check proves. */
final class CheckTable {

    private static final int ACTUAL_WIDTH = 70;

    private CheckTable() {
    }

    static void print(List<Check> checks, PrintStream out) {
        int name = width(checks.stream().map(Check::name).toList(), "check");
        int expected = width(checks.stream().map(Check::expected).toList(), "expected");
        String format = "%-4s  %-" + name + "s  %-" + expected + "s  %-" + ACTUAL_WIDTH + "s  %s%n";
        out.printf(format, "", "check", "expected", "actual", "relies on");
        for (Check check : checks) {
            out.printf(format, check.passed() ? "ok" : "FAIL", check.name(), check.expected(), cut(check.actual()),
                    String.join("; ", check.reliesOn()));
        }
        long failed = checks.stream().filter(c -> !c.passed()).count();
        out.printf("%d of %d checks passed%s%n", checks.size() - failed, checks.size(),
                failed == 0 ? "" : "; " + failed + " FAILED");
    }

    private static int width(List<String> values, String header) {
        return Math.max(header.length(), values.stream().mapToInt(String::length).max().orElse(0));
    }

    private static String cut(String value) {
        return value.length() <= ACTUAL_WIDTH ? value : value.substring(0, ACTUAL_WIDTH - 1) + "…";
    }
}
