package nl.kamerstroom.chaos;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of the result table.
 *
 * @param reliesOn the mechanisms (area: what) this check proves beside its own subject, named in the
 *                 table so that a failure points at them
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
