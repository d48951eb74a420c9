package nl.kamerstroom.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Grafana dashboard's PromQL queries, and the metric names they use. */
final class DashboardQueries {

    /** PromQL words that look like metric names but are not. */
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "and", "or", "unless", "bool", "offset", "inf", "nan");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern GROUPING = Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w:.])[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern GRAFANA_VARIABLE = Pattern.compile("\\$\\{?[a-zA-Z_]+}?");

    private final JsonNode dashboard;

    private DashboardQueries(JsonNode dashboard) {
        this.dashboard = dashboard;
    }

    static DashboardQueries load() throws IOException {
        return new DashboardQueries(new ObjectMapper().readTree(
                ComposeFile.repositoryRoot().resolve("deploy/grafana/dashboards/kamerstroom.json").toFile()));
    }

    List<String> expressions() {
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : panels()) {
            for (JsonNode target : panel.path("targets")) {
                expressions.add(target.path("expr").asText());
            }
        }
        return expressions;
    }

    Set<String> datasourceUids() {
        Set<String> uids = new TreeSet<>();
        for (JsonNode panel : panels()) {
            if (panel.has("targets")) {
                uids.add(panel.path("datasource").path("uid").asText());
                panel.path("targets").forEach(t -> uids.add(t.path("datasource").path("uid").asText()));
            }
        }
        return uids;
    }

    /** Every metric name a query selects, after taking out strings, label matchers, groupings, ranges and functions. */
    Set<String> metricNames() {
        Set<String> names = new TreeSet<>();
        for (String expr : expressions()) {
            String bare = GRAFANA_VARIABLE.matcher(expr).replaceAll("1m");
            bare = STRING.matcher(bare).replaceAll("");
            bare = LABEL_MATCHERS.matcher(bare).replaceAll("");
            bare = GROUPING.matcher(bare).replaceAll("");
            bare = RANGE.matcher(bare).replaceAll("");
            Matcher identifier = IDENTIFIER.matcher(bare);
            while (identifier.find()) {
                String word = identifier.group();
                boolean function = bare.substring(identifier.end()).stripLeading().startsWith("(");
                if (!function && !KEYWORDS.contains(word.toLowerCase())) {
                    names.add(word);
                }
            }
        }
        return names;
    }

    private List<JsonNode> panels() {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }
}
