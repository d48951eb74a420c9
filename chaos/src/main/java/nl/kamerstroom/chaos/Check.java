package nl.kamerstroom.chaos;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of the result table.
 *
 * @param reliesOn the fixes (area: what) this check needs beyond what it checks itself; a failure
 *                 before they are merged is expected, and the table names them
 */
record Check(String name, String expected, String actual, boolean passed, List<String> reliesOn) {

    static Check of(String name, Object expected, Object actual, boolean passed) {
        return new Check(name, String.valueOf(expected), String.valueOf(actual), passed, List.of());
    }

    Check reliesOn(String... fixes) {
        List<String> all = new ArrayList<>(reliesOn);
        all.addAll(List.of(fixes));
        return new Check(name, expected, actual, passed, List.copyOf(all));
    }
}
