package nl.kamerstroom.index.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import nl.kamerstroom.testkit.WithKafkaStack;
import nl.kamerstroom.topic.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;

/**
 * The operator's view (/operator and /api/operator) in Chromium over the running pipeline that
 * ingested the sample corpus, failed one file and sent one record to the dead-letter topic.
 */
@WithKafkaStack
@ExtendWith({SamplePipelineExtension.class, BrowserExtension.class})
class OperatorViewBrowserIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Tall enough for the whole view in one screenshot. */
    private static final Dimension TALL = new Dimension(1280, 1900);

    private final SamplePipeline pipeline;
    private final Browser browser;

    OperatorViewBrowserIT(SamplePipeline pipeline, Browser browser) {
        this.pipeline = pipeline;
        this.browser = browser;
    }

    @Test
    void theApiShowsHealthStagesLagFailuresDeadLettersAndThroughput() throws Exception {
        int documents = pipeline.corpusFiles().size() + 1 + SamplePipeline.MONTHLY_NOTES;
        JsonNode view = awaitView(v -> v.get("failed").size() > 0 && v.get("deadLetters").size() > 0
                && v.get("throughput").get("points").size() >= 2);

        assertThat(names(view.get("health"))).containsExactly("broker", "registry", "ingest", "enrich", "index");
        view.get("health").forEach(part -> assertThat(part.get("up").asBoolean()).as(part.toString()).isTrue());

        JsonNode ingest = view.get("stages").get(0);
        assertThat(ingest.get("name").asText()).isEqualTo("ingest");
        assertThat(ingest.get("out").asLong()).isEqualTo(documents);
        assertThat(ingest.get("failed").asLong()).isEqualTo(1);
        JsonNode enrich = view.get("stages").get(1);
        assertThat(enrich.get("out").asLong()).isEqualTo(documents);
        assertThat(enrich.get("failed").asLong()).isEqualTo(1);
        assertThat(enrich.get("in").asLong()).isEqualTo(documents + 1);
        assertThat(view.get("stages").get(2).get("out").asLong()).isGreaterThanOrEqualTo(documents);

        JsonNode ingested = topic(view, Topics.INGESTED);
        assertThat(ingested.get("offsets").asLong()).isEqualTo(documents + 1);
        assertThat(ingested.get("groups")).anySatisfy(g -> {
            assertThat(g.get("group").asText()).endsWith("-enrich");
            assertThat(g.get("lag").asLong()).isZero();
        });

        JsonNode failed = view.get("failed").get(0);
        assertThat(failed.get("fileName").asText()).isEqualTo(SamplePipeline.TOO_LARGE_FILE);
        assertThat(failed.get("reason").asText()).isNotBlank();

        JsonNode letter = view.get("deadLetters").get(0);
        assertThat(letter.get("topic").asText()).isEqualTo(Topics.DEAD_LETTERS);
        assertThat(letter.get("key").asText()).isEqualTo(SamplePipeline.POISON_KEY);
        assertThat(letter.get("headers").get("__connect.errors.topic").asText()).isEqualTo(Topics.INGESTED);
        assertThat(letter.get("headers").has("__connect.errors.exception.class.name")).isTrue();

        // A sample taken while a service did not answer within the probe's timeout has no rate for it.
        assertThat(view.get("throughput").get("points"))
                .anySatisfy(point -> assertThat(point.get("perSecond").has("ingest")).isTrue())
                .anySatisfy(point -> assertThat(point.get("perSecond").has("index")).isTrue());
    }

    @Test
    void thePageShowsThePipelineAndKeepsFileNamesAsText() throws Exception {
        awaitView(v -> v.get("failed").size() > 0 && v.get("deadLetters").size() > 0
                && v.get("throughput").get("points").size() >= 2);
        browser.open(pipeline.url() + "/operator");
        browser.await(d -> d.findElements(By.cssSelector("#parts li.up")).size() == 5);
        assertThat(browser.script("return document.documentElement.lang")).isEqualTo("nl");
        // The view re-renders every 5 s: each part is read in one script call, never through a held element.
        assertThat(browser.script("return [...document.querySelectorAll('#stages tbody tr')].map(r => r.cells[0].innerText)"))
                .asList().containsExactly("inlezen (ingest)", "verrijken (enrich)", "indexeren (index)");
        assertThat(text("topics")).contains(Topics.INGESTED, Topics.INDEX);
        assertThat(text("failed")).contains(SamplePipeline.TOO_LARGE_FILE);
        assertThat(text("deadLetters")).contains(SamplePipeline.POISON_KEY, "__connect.errors.exception.class.name");
        browser.await(d -> !d.findElements(By.cssSelector("#throughput svg.chart polyline")).isEmpty());
        assertThat(browser.script("return document.querySelectorAll('img').length")).isEqualTo(0L);
        assertThat(browser.script("return typeof window.__xss")).isEqualTo("undefined");
        browser.driver.manage().window().setSize(TALL);
        browser.screenshot("operator");

        browser.driver.manage().window().setSize(Browser.PHONE);
        browser.await(d -> !d.findElements(By.cssSelector("#parts li.up")).isEmpty());
        assertThat((Long) browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                .isLessThanOrEqualTo(0L);
        browser.screenshot("operator-phone");
        browser.driver.manage().window().setSize(Browser.DESKTOP);
    }

    @Test
    void anUnreachableServerShowsAMessageAndTheLastFiguresStay() throws Exception {
        browser.open(pipeline.url() + "/operator");
        browser.await(d -> d.findElements(By.cssSelector("#parts li.up")).size() == 5);
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        browser.driver.setNetworkConditions(offline);
        try {
            browser.driver.findElement(By.id("refresh")).click();
            browser.await(d -> text("message").contains("niet bereikbaar"));
            assertThat(text("updated")).isEqualTo("niet bijgewerkt");
            assertThat(browser.driver.findElements(By.cssSelector("#parts li"))).hasSize(5);
        } finally {
            browser.driver.deleteNetworkConditions();
        }
    }

    private String text(String id) {
        return (String) browser.script("return document.getElementById(arguments[0]).innerText", id);
    }

    private JsonNode awaitView(Predicate<JsonNode> ready) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        JsonNode view = pipeline.api("/api/operator");
        while (!ready.test(view)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Operator view not ready within " + TIMEOUT + ": " + view.toPrettyString());
            }
            Thread.sleep(500);
            view = pipeline.api("/api/operator");
        }
        return view;
    }

    private static List<String> names(JsonNode parts) {
        List<String> names = new ArrayList<>();
        parts.forEach(p -> names.add(p.get("name").asText()));
        return names;
    }

    private static JsonNode topic(JsonNode view, String name) {
        for (JsonNode topic : view.get("topics")) {
            if (topic.get("name").asText().equals(name)) {
                return topic;
            }
        }
        throw new AssertionError("No topic " + name + " in " + view.get("topics"));
    }
}
