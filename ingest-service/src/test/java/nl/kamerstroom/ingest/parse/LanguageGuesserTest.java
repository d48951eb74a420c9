package nl.kamerstroom.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageGuesserTest {

    private static final LanguageGuesser GUESSER = new LanguageGuesser();

    @Test
    void namesTheLanguagesOfGovernmentFiles() {
        assertThat(GUESSER.guess("""
                Hierbij informeer ik uw Kamer over de voortgang van de uitvoering van de motie van het lid
                Van der Berg over de financiering van de jeugdzorg in de gemeenten en de afspraken die daarover
                met de Vereniging van Nederlandse Gemeenten zijn gemaakt.""")).isEqualTo("nl");
        assertThat(GUESSER.guess("""
                The Minister informed the House of Representatives about the progress made in implementing the
                motion on youth care funding and about the agreements reached with the association of
                municipalities on the budget for the coming years.""")).isEqualTo("en");
        assertThat(GUESSER.guess("""
                Die Bundesregierung hat den Bundestag über die Fortschritte bei der Umsetzung des Antrags zur
                Finanzierung der Jugendhilfe und über die mit den Gemeinden getroffenen Vereinbarungen
                unterrichtet.""")).isEqualTo("de");
        assertThat(GUESSER.guess("""
                Le ministre a informé la Chambre des progrès réalisés dans la mise en œuvre de la motion sur le
                financement de l'aide à la jeunesse et des accords conclus avec les communes sur le budget des
                prochaines années.""")).isEqualTo("fr");
        assertThat(GUESSER.guess("""
                Bakan, gençlik hizmetlerinin finansmanına ilişkin önergenin uygulanmasında kaydedilen ilerleme
                ve belediyelerle önümüzdeki yıllara ait bütçe konusunda varılan anlaşmalar hakkında meclisi
                bilgilendirdi.""")).isEqualTo("tr");
    }

    @Test
    void blankTextHasNoLanguage() {
        assertThat(GUESSER.guess("  \n ")).isNull();
    }

    @Test
    void theSampleEndsAtAWordBoundaryWithinTheLimit() {
        String text = "woord ".repeat(2_000);
        String sample = LanguageGuesser.sample(text);
        assertThat(sample.length()).isLessThanOrEqualTo(LanguageGuesser.SAMPLE_CHARS);
        assertThat(sample).endsWith("woord");
    }
}
