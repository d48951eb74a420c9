package nl.kamerstroom.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.kamerstroom.extraction.DocumentMetadata;
import nl.kamerstroom.extraction.Extraction;
import nl.kamerstroom.extraction.KamerstukReference;
import nl.kamerstroom.extraction.MotionMention;
import nl.kamerstroom.schema.EntityMentions;
import nl.kamerstroom.schema.IngestedDocument;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

class EntityMentionsMapperTest {

    @Test
    void keysMotionsWithoutKamerstukBySubmittersAndCountsDossiersOfMotionsAndReferences() {
        Extraction extraction = new Extraction(List.of(), List.of(),
                List.of(new MotionMention("motie-Omtzigt/Van Dijk", 40, 62, List.of("Omtzigt", "Van Dijk"), false,
                        "35925", null, null, null, null, null)),
                List.of(),
                List.of(new KamerstukReference("Kamerstuk 35925, nr. 4", 10, 32, "35925", "4", "kst-35925-4")),
                List.of(), new DocumentMetadata("Titel uit de tekst", null, null, null, null));
        IngestedDocument document = IngestedDocument.newBuilder().setId("d1").setFileName("d1.pdf")
                .setRelativePath("d1.pdf").setContentType("application/pdf").setSizeBytes(1).setText("")
                .setTextLength(0).setIngestedAt(Instant.EPOCH).setIngestInstance("t").setMetadata(Map.of()).build();

        List<KeyValue<String, EntityMentions>> records = EntityMentionsMapper.mentions(
                DocumentEnricher.enrich(document, extraction, Instant.EPOCH, 0));

        assertThat(records).extracting(kv -> kv.key).containsExactly("MOTION:Omtzigt, Van Dijk", "KAMERSTUK:35925");
        EntityMentions dossier = records.get(1).value;
        assertThat(dossier.getMentions()).isEqualTo(2);
        assertThat(dossier.getFirstOffset()).isEqualTo(10);
        // Without a title in the file's metadata, the title the text carries.
        assertThat(dossier.getTitle()).isEqualTo("Titel uit de tekst");
    }
}
