package nl.kamerstroom.ingest.parse;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MarkupNestingTest {

    @Test
    void sloppyButRealHtmlPasses() {
        String page = "<html><head><meta charset=utf-8><title>x</title></head><body>"
                + "<p>alinea zonder eind<br><img src=a.png><ul><li>een<li>twee</ul><script>if (a<b) {}</script>"
                .repeat(20_000) + "</body></html>";

        assertThatCode(() -> MarkupNesting.check(bytes(page))).doesNotThrowAnyException();
    }

    @Test
    void tenThousandLevelsIsTooDeep() {
        String page = "<span>".repeat(MarkupNesting.MAX_DEPTH + 1);

        assertThatThrownBy(() -> MarkupNesting.check(bytes(page))).isInstanceOf(UnsafeDocumentException.class)
                .hasMessageContaining("nested more than 10000 levels");
    }

    private static InputStream bytes(String markup) {
        return new ByteArrayInputStream(markup.getBytes(StandardCharsets.UTF_8));
    }
}
