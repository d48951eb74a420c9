package nl.kamerstroom.index.operator;

import java.util.Map;

/**
 * Reads sums out of the Prometheus text format ({@code name{label="value",...} 12.0}), enough
 * to take document counters from a service's /metrics without a Prometheus server.
 */
final class PrometheusText {

    private final String text;

    PrometheusText(String text) {
        this.text = text;
    }

    /** The sum of every sample of {@code metric} carrying all of {@code labels}; null when there is none. */
    Double sum(String metric, Map<String, String> labels) {
        Double sum = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !line.startsWith(metric)) {
                continue;
            }
            int nameEnd = line.length() > metric.length() ? metric.length() : -1;
            if (nameEnd < 0 || (line.charAt(nameEnd) != '{' && line.charAt(nameEnd) != ' ')) {
                continue;
            }
            int valueStart = line.lastIndexOf(' ');
            String labelText = line.charAt(nameEnd) == '{' ? line.substring(nameEnd, valueStart) : "";
            if (labels.entrySet().stream().allMatch(l -> labelText.contains(l.getKey() + "=\"" + l.getValue() + "\""))) {
                try {
                    double value = Double.parseDouble(line.substring(valueStart + 1).trim());
                    sum = sum == null ? value : sum + value;
                } catch (NumberFormatException e) {
                    // a sample with a timestamp or NaN: not one of the counters read here
                }
            }
        }
        return sum;
    }
}
