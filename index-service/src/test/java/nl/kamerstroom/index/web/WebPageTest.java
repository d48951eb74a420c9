package nl.kamerstroom.index.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import nl.kamerstroom.common.http.Request;
import nl.kamerstroom.common.http.Response;
import org.junit.jupiter.api.Test;

class WebPageTest {

    private final WebPage page = new WebPage();

    @Test
    void everyViewOfTheSearchPageIsTheSameShell() {
        String shell = body(page.answer(get("/")));
        assertThat(shell).contains("<html lang=\"nl\">");
        for (String path : new String[] {"/index.html", "/document/abc", "/entity/ministry/BZ"}) {
            assertThat(body(page.answer(get(path)))).as(path).isEqualTo(shell);
        }
        assertThat(body(page.answer(get("/operator")))).contains("<html lang=\"nl\">", "/static/operator.js");
    }

    @Test
    void thePagesHoldNoInlineScript() {
        for (String path : new String[] {"/", "/operator"}) {
            assertThat(body(page.answer(get(path))).replaceAll("<script src=\"/static/[a-z]+\\.js\" defer></script>", ""))
                    .as(path).doesNotContain("<script").doesNotContain(" on").doesNotContain("style=");
        }
    }

    @Test
    void staticFilesHaveTheirTypesAndAnythingElseIs404() {
        assertThat(page.answer(get("/static/search.js")).contentType()).startsWith("text/javascript");
        assertThat(page.answer(get("/static/style.css")).contentType()).startsWith("text/css");
        assertThat(page.answer(get("/")).contentType()).startsWith("text/html");
        assertThat(page.answer(get("/static/../index.html")).status()).isEqualTo(404);
        assertThat(page.answer(get("/static/nope.js")).status()).isEqualTo(404);
        assertThat(page.answer(get("/documentx")).status()).isEqualTo(404);
    }

    private static Request get(String path) {
        return new Request(path, Map.of());
    }

    private static String body(Response response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
