package nl.kamerstroom.index.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.kamerstroom.testkit.WithKafkaStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.interactions.Actions;

/**
 * The search page in Chromium against the real index-service holding the sample corpus (fed
 * through the whole pipeline): search, facets, filters, paging, the document and entity views,
 * the address as state with the back button, messages for empty results, bad input and an
 * unreachable server, a phone-width screen, keyboard use, and a hostile document.
 */
@WithKafkaStack
@ExtendWith({SamplePipelineExtension.class, BrowserExtension.class})
class SearchPageBrowserIT {

    private static final String UKRAINE = "Oekraïne";
    private static final String BIG_LETTER = "004_f206c1f6e5a79f93.txt";

    private final SamplePipeline pipeline;
    private final Browser browser;

    SearchPageBrowserIT(SamplePipeline pipeline, Browser browser) {
        this.pipeline = pipeline;
        this.browser = browser;
    }

    @BeforeEach
    void desktopWidth() {
        browser.driver.manage().window().setSize(Browser.DESKTOP);
    }

    @Test
    void searchShowsHighlightedSnippetsFacetsNarrowPagesTurnAndBackReturns() throws Exception {
        browser.open(pipeline.url() + "/");
        WebElement q = browser.awaitVisible(By.id("q"));
        browser.awaitVisible(By.cssSelector("#hits li.hit"));
        q.sendKeys(UKRAINE, Keys.ENTER);

        browser.await(d -> browser.path().contains("q=Oekra") && summary().contains("voor „Oekraïne”"));
        long total = api("q=" + UKRAINE).get("total").asLong();
        assertThat(total).isGreaterThan(10);
        assertThat(summary()).startsWith(total + " documenten").contains("1 t/m 10");
        List<WebElement> marks = browser.driver.findElements(By.cssSelector("#hits .snippet mark"));
        assertThat(marks).isNotEmpty().allSatisfy(mark -> assertThat(mark.getText()).containsIgnoringCase("oekra"));
        browser.screenshot("search-page");

        WebElement bz = facet("ministry", "BZ");
        long bzCount = Long.parseLong(bz.findElement(By.cssSelector(".count")).getText());
        bz.click();
        browser.await(d -> browser.path().contains("ministry=BZ") && summary().startsWith(bzCount + " document"));
        assertThat(facet("ministry", "BZ").getAttribute("aria-current")).isEqualTo("true");
        assertThat(bzCount).isEqualTo(api("q=" + UKRAINE + "&ministry=BZ").get("total").asLong());

        browser.driver.navigate().back();
        browser.await(d -> !browser.path().contains("ministry") && summary().startsWith(total + " documenten"));
        assertThat(browser.driver.findElement(By.id("q")).getDomProperty("value")).isEqualTo(UKRAINE);

        browser.driver.findElement(By.cssSelector("#pager a[rel=next]")).click();
        browser.await(d -> browser.path().contains("page=2") && summary().contains("11 t/m"));
        browser.driver.navigate().back();
        browser.await(d -> !browser.path().contains("page=2") && summary().contains("1 t/m 10"));
        browser.driver.navigate().forward();
        browser.await(d -> summary().contains("11 t/m"));
    }

    @Test
    void filtersComeFromTheAddressAndNarrowByDateAndAmount() throws Exception {
        browser.open(pipeline.url() + "/?from=2024-03-01&to=2024-06-30&minAmount=40000000");
        long expected = api("from=2024-03-01&to=2024-06-30&minAmount=40000000").get("total").asLong();
        assertThat(expected).isEqualTo(3);   // the April, May and June letters: 40, 50 and 60 million
        browser.await(d -> summary().startsWith(expected + " documenten"));
        assertThat(browser.driver.findElement(By.id("from")).getDomProperty("value")).isEqualTo("2024-03-01");
        assertThat(browser.driver.findElement(By.id("minAmount")).getDomProperty("value")).isEqualTo("40000000");

        WebElement amount = browser.driver.findElement(By.id("minAmount"));
        amount.clear();
        amount.sendKeys("55000000", Keys.ENTER);
        browser.await(d -> browser.path().contains("minAmount=55000000") && summary().startsWith("1 document"));
        assertThat(browser.driver.findElement(By.cssSelector("#hits .hit h2")).getText()).isEqualTo("maandbrief-6.txt");
    }

    @Test
    void theDocumentPageMarksEveryMentionInPlaceAndLeadsToEntityPages() throws Exception {
        String id = idOf(BIG_LETTER);
        browser.open(pipeline.url() + "/?file=" + BIG_LETTER);
        browser.awaitVisible(By.cssSelector("#hits .hit h2 a")).click();
        browser.await(d -> browser.path().equals("/document/" + id));
        browser.awaitVisible(By.cssSelector("#documentView .text a.mention"));

        assertThat(browser.driver.findElement(By.id("searchView")).isDisplayed()).isFalse();
        JsonNode doc = pipeline.api("/api/documents/" + id);
        assertThat(browser.driver.findElement(By.cssSelector("#documentView .facts")).getText()).contains(BIG_LETTER);
        for (String kind : List.of("ministry", "country", "motion")) {
            assertThat(browser.driver.findElements(By.cssSelector(".text a.mention." + kind))).as(kind).isNotEmpty();
        }
        WebElement firstCountry = browser.driver.findElement(By.cssSelector(".text a.mention.country"));
        JsonNode firstCountryMention = doc.get("countries").get(0);
        assertThat(firstCountry.getText()).isEqualTo(firstCountryMention.get("text").asText());
        assertThat(browser.driver.findElements(By.cssSelector(".text mark.mention.amounts"))).hasSize(doc.get("amounts").size());
        browser.screenshot("document-page");

        WebElement netherlands = browser.driver.findElement(By.cssSelector("#documentView aside a[href='/entity/country/NL']"));
        netherlands.click();
        browser.await(d -> browser.path().equals("/entity/country/NL"));
        assertThat(browser.awaitVisible(By.cssSelector("#entityView h1")).getText()).isEqualTo("Nederland");
        assertThat(browser.driver.findElements(By.cssSelector("#entityView svg.chart rect.bar"))).hasSizeGreaterThan(1);
        assertThat(browser.driver.findElements(By.cssSelector("#entityView .hits a[href='/document/" + id + "']"))).hasSize(1);

        browser.driver.findElement(By.linkText("jaar")).click();
        browser.await(d -> browser.path().equals("/entity/country/NL?per=jaar"));
        browser.await(d -> d.findElement(By.cssSelector("#entityView svg.chart")).getAttribute("aria-label").contains("per jaar"));
        browser.driver.navigate().back();
        browser.await(d -> d.findElement(By.cssSelector("#entityView svg.chart")).getAttribute("aria-label").contains("per maand"));
        browser.driver.navigate().back();
        browser.await(d -> browser.path().equals("/document/" + id));
    }

    @Test
    void entityPagesForAMinistryACountryAMotionAndADossier() throws Exception {
        // The motion of the monthly letters: dated documents, so its page has a timeline.
        JsonNode motion = pipeline.api("/api/documents/" + idOf("maandbrief-2.txt")).get("motions").get(0);
        String motionId = motion.get("documentId").asText();
        String dossier = motion.get("dossier").asText();
        record Page(String path, String heading, String shot) {
        }
        for (Page page : List.of(new Page("/entity/ministry/BZ", "Ministerie van Buitenlandse Zaken", "entity-ministry"),
                new Page("/entity/country/UA", "Oekraïne", "entity-country"),
                new Page("/entity/motion/" + motionId, "Motie " + motionId, "entity-motion"),
                new Page("/entity/dossier/" + dossier, "Dossier " + dossier, "entity-dossier"))) {
            browser.open(pipeline.url() + page.path());
            assertThat(browser.awaitVisible(By.cssSelector("#entityView h1")).getText()).startsWith(page.heading());
            assertThat(browser.driver.findElements(By.cssSelector("#entityView svg.chart rect.bar"))).as(page.path()).isNotEmpty();
            assertThat(browser.driver.findElements(By.cssSelector("#entityView .hits .hit a"))).as(page.path()).isNotEmpty();
            browser.screenshot(page.shot());
        }
        String facts = browser.driver.findElement(By.cssSelector("#entityView")).getText();
        assertThat(facts).contains(dossier);
        browser.open(pipeline.url() + "/entity/motion/" + motionId);
        String motionFacts = browser.awaitVisible(By.cssSelector("#entityView .facts")).getText();
        assertThat(motionFacts).contains("Kamerstuk", motionId, "Indieners", motion.get("submitters").get(0).asText());
        // the monthly letters make a timeline of twelve months for the ministry
        browser.open(pipeline.url() + "/entity/ministry/BZ");
        browser.awaitVisible(By.cssSelector("#entityView svg.chart"));
        assertThat(browser.driver.findElements(By.cssSelector("#entityView svg.chart rect.bar"))).hasSizeGreaterThanOrEqualTo(12);
    }

    /**
     * A motion postponed in a Regeling van werkzaamheden and adopted in a later vote record, both
     * fed through the whole pipeline: its page shows the vote as the last known status with the
     * parties for it, the history of both documents with links, and the search page a facet of
     * motion statuses.
     */
    @Test
    void aMotionPageShowsTheLastKnownStatusAndTheHistory() throws Exception {
        String postponed = pipeline.ingest("regeling-stikstof.txt", """
                Tweede Kamer der Staten-Generaal
                Handelingen

                Regeling van werkzaamheden

                Vergadering van dinsdag 6 februari 2024

                Op verzoek van het lid Kuzu stel ik voor, zijn motie (36180, nr. 77) aan te houden.
                """);
        String adopted = pipeline.ingest("stemmingen-stikstof.txt", """
                Tweede Kamer der Staten-Generaal
                Handelingen

                Stemmingen stikstofaanpak

                Vergadering van dinsdag 12 maart 2024

                In stemming komt de motie-Kuzu (36180, nr. 77).

                De voorzitter: Ik constateer dat de leden van de fracties van de SP, GroenLinks en de PvdA voor deze
                motie hebben gestemd en de leden van de overige fracties ertegen, zodat zij is aangenomen.
                """);

        browser.open(pipeline.url() + "/entity/motion/kst-36180-77");
        WebElement status = browser.awaitVisible(By.cssSelector("#entityView .motion-status"));
        assertThat(status.getText()).startsWith("Laatst bekende status: aangenomen (voor: SP, GroenLinks, PvdA)")
                .contains("12 maart 2024");
        assertThat(status.findElement(By.tagName("a")).getAttribute("href")).endsWith("/document/" + adopted);
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#entityView table.motion-history tbody tr"));
        assertThat(rows).extracting(WebElement::getText).satisfiesExactly(
                first -> assertThat(first).startsWith("6 februari 2024").contains("aangehouden"),
                second -> assertThat(second).startsWith("12 maart 2024").contains("aangenomen", "SP, GroenLinks, PvdA"));
        assertThat(rows.get(0).findElement(By.tagName("a")).getAttribute("href")).endsWith("/document/" + postponed);
        browser.screenshot("entity-motion-status");

        browser.open(pipeline.url() + "/");
        facet("motionStatus", "aangenomen").click();
        browser.await(d -> browser.path().contains("motionStatus=aangenomen"));
        browser.await(d -> d.findElements(By.cssSelector("#hits .hit h2 a[href='/document/" + adopted + "']")).size() == 1);
        assertThat(summary()).startsWith(api("motionStatus=aangenomen").get("total").asLong() + " document");
    }

    @Test
    void aHostileDocumentRendersAsTextInEveryView() throws Exception {
        browser.open(pipeline.url() + "/?file=" + SamplePipeline.HOSTILE_FILE);
        WebElement title = browser.awaitVisible(By.cssSelector("#hits .hit h2 a"));
        assertThat(title.getText()).isEqualTo(SamplePipeline.HOSTILE_TITLE);
        assertNothingRan();

        title.click();
        assertThat(browser.awaitVisible(By.cssSelector("#documentView h1")).getText()).isEqualTo(SamplePipeline.HOSTILE_TITLE);
        assertThat(browser.driver.findElement(By.cssSelector("#documentView .text")).getText())
                .contains(SamplePipeline.HOSTILE_TEXT_MARKUP, "<script>window.__xss=3</script>");
        assertNothingRan();
        browser.screenshot("hostile-document");

        browser.open(pipeline.url() + "/?q=" + URLEncoder.encode("kwaadaardige", StandardCharsets.UTF_8));
        browser.await(d -> summary().startsWith("1 document"));
        assertThat(browser.driver.findElement(By.cssSelector("#hits .snippet")).getText()).contains(SamplePipeline.HOSTILE_TEXT_MARKUP);
        assertNothingRan();

        browser.open(pipeline.url() + "/entity/ministry/BZ");
        browser.await(d -> d.findElement(By.id("entityView")).getText().contains(SamplePipeline.HOSTILE_TITLE));
        assertNothingRan();
    }

    @Test
    void emptyResultsBadInputAndAnUnreachableServerGetAClearMessage() throws Exception {
        browser.open(pipeline.url() + "/?q=zzqxjwvk");
        browser.await(d -> summary().equals("Geen documenten gevonden"));
        assertThat(browser.driver.findElement(By.id("hits")).getText()).contains("Niets gevonden voor „zzqxjwvk”");

        browser.open(pipeline.url() + "/?q=" + URLEncoder.encode("*oekraine", StandardCharsets.UTF_8));
        assertThat(browser.awaitVisible(By.id("message")).getText()).startsWith("Ongeldige invoer:");
        browser.screenshot("bad-input");

        browser.open(pipeline.url() + "/?minAmount=veel");
        assertThat(browser.awaitVisible(By.id("message")).getText()).contains("minAmount");

        browser.open(pipeline.url() + "/document/bestaat-niet");
        assertThat(browser.awaitVisible(By.cssSelector("#documentView h1")).getText()).isEqualTo("Document niet gevonden");
        browser.open(pipeline.url() + "/entity/planeet/mars");
        assertThat(browser.awaitVisible(By.cssSelector("#entityView h1")).getText()).isEqualTo("Onbekende soort");
        browser.open(pipeline.url() + "/entity/country/AQ");
        browser.await(d -> d.findElement(By.id("entityView")).getText().contains("Geen enkel document noemt dit."));

        browser.open(pipeline.url() + "/");
        browser.awaitVisible(By.cssSelector("#hits li.hit"));
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        browser.driver.setNetworkConditions(offline);
        try {
            browser.driver.findElement(By.id("q")).sendKeys(UKRAINE, Keys.ENTER);
            assertThat(browser.awaitVisible(By.id("message")).getText()).contains("niet bereikbaar");
            assertThat(summary()).isEqualTo("Zoeken lukt nu niet");
            browser.screenshot("server-unreachable");
        } finally {
            browser.driver.deleteNetworkConditions();
        }
    }

    @Test
    void onAPhoneWidthScreenNothingScrollsSideways() throws Exception {
        browser.driver.manage().window().setSize(Browser.PHONE);
        browser.open(pipeline.url() + "/?q=" + UKRAINE);
        browser.awaitVisible(By.cssSelector("#hits li.hit"));
        assertNoSidewaysScroll();
        browser.screenshot("search-page-phone");

        browser.open(pipeline.url() + "/document/" + idOf(BIG_LETTER));
        browser.awaitVisible(By.cssSelector("#documentView .text a.mention"));
        assertNoSidewaysScroll();
        browser.screenshot("document-page-phone");
    }

    @Test
    void everyFieldHasALabelThePageIsDutchAndTheKeyboardReachesEverything() throws Exception {
        browser.open(pipeline.url() + "/");
        browser.awaitVisible(By.cssSelector("#hits li.hit"));
        assertThat(browser.script("return document.documentElement.lang")).isEqualTo("nl");
        assertThat(browser.script("return [...document.querySelectorAll('input, select')]"
                + ".filter(f => f.labels.length === 0).map(f => f.id)")).asList().isEmpty();

        Actions keys = new Actions(browser.driver);
        keys.sendKeys(Keys.TAB).perform();
        assertThat(browser.script("return document.activeElement.className")).isEqualTo("skip");
        tabUntil("return document.activeElement.id === 'q'");
        keys.sendKeys(UKRAINE, Keys.ENTER).perform();
        browser.await(d -> summary().contains("voor „Oekraïne”"));
        tabUntil("return document.activeElement.matches('#hits .hit h2 a')");
        keys.sendKeys(Keys.ENTER).perform();
        browser.await(d -> browser.path().startsWith("/document/"));
        browser.await(d -> "H1".equals(browser.script("return document.activeElement.tagName")));
    }

    private void tabUntil(String condition) {
        for (int i = 0; i < 80 && !Boolean.TRUE.equals(browser.script(condition)); i++) {
            new Actions(browser.driver).sendKeys(Keys.TAB).perform();
        }
        assertThat(browser.script(condition)).as("reached by Tab: " + condition).isEqualTo(true);
    }

    private void assertNothingRan() {
        assertThat(browser.script("return typeof window.__xss")).isEqualTo("undefined");
        assertThat(browser.script("return document.querySelectorAll('img').length")).isEqualTo(0L);
        assertThat(browser.script("return [...document.scripts].map(s => s.getAttribute('src')).join(' ')"))
                .isEqualTo("/static/ui.js /static/views.js /static/search.js");
        assertThatThrownBy(() -> browser.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    private void assertNoSidewaysScroll() {
        assertThat((Long) browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                .isLessThanOrEqualTo(0L);
    }

    private WebElement facet(String field, String value) {
        return browser.await(d -> d.findElements(By.cssSelector("#facets section[aria-labelledby='facet-" + field + "'] a")).stream()
                .filter(a -> a.findElement(By.tagName("span")).getText().equals(value)).findFirst().orElse(null));
    }

    private String summary() {
        return browser.driver.findElement(By.id("summary")).getText();
    }

    private JsonNode api(String query) throws Exception {
        return pipeline.api("/api/search?" + query.replace(UKRAINE, URLEncoder.encode(UKRAINE, StandardCharsets.UTF_8)));
    }

    private String idOf(String file) throws Exception {
        return pipeline.api("/api/search?file=" + file).get("hits").get(0).get("id").asText();
    }
}
