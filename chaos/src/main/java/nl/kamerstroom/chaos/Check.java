package nl.kamerstroom.chaos;

/**
 * One line of the result table.
 *
 * @param awaitsFix null when the check holds on its own; otherwise the fix (branch: what) it relies on, so a
 *                  failure before that fix is merged is expected and named
 */
record Check(String name, String expected, String actual, boolean passed, String awaitsFix) {

    static Check of(String name, Object expected, Object actual, boolean passed) {
        return new Check(name, String.valueOf(expected), String.valueOf(actual), passed, null);
    }

    Check awaiting(String fix) {
        return new Check(name, expected, actual, passed, fix);
    }
}
