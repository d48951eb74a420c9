package nl.kamerstroom.ingest.parse;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkupNestingTest {

    @TempDir
    Path dir;

    @Test
    void sloppyButRealHtmlPasses() throws Exception {
        String page = "<html><head><meta charset=utf-8><title>x</title></head><body>"
                + "<p>alinea zonder eind<br><img src=a.png><ul><li>een<li>twee</ul><script>if (a<b) {}</script>"
                .repeat(20_000) + "</body></html>";
        Path file = Files.writeString(dir.resolve("slordig.html"), page);

        assertThatCode(() -> MarkupNesting.check(file)).doesNotThrowAnyException();
    }

    @Test
    void tenThousandLevelsIsTooDeep() throws Exception {
        Path file = Files.writeString(dir.resolve("diep.html"), "<span>".repeat(MarkupNesting.MAX_DEPTH + 1));

        assertThatThrownBy(() -> MarkupNesting.check(file)).isInstanceOf(UnsafeDocumentException.class)
                .hasMessageContaining("nested more than 10000 levels");
    }
}
