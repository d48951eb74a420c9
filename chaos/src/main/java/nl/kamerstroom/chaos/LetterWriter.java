package nl.kamerstroom.chaos;

import java.util.List;
import java.util.Random;
import nl.kamerstroom.benchmarks.ingest.BenchmarkFiles;

/**
 * Generated Kamerbrieven: a letter head, sentences naming ministries, countries, motions with
 * their Kamerstuk and amounts (so every entity type is counted), benchmark prose as body, and a
 * unique marker at both ends: a document whose indexed text holds both markers arrived whole.
 */
final class LetterWriter {

    private static final List<String> MINISTRIES = List.of("Buitenlandse Zaken", "Financiën", "Defensie",
            "Justitie en Veiligheid", "Infrastructuur en Waterstaat", "Onderwijs, Cultuur en Wetenschap",
            "Volksgezondheid, Welzijn en Sport", "Sociale Zaken en Werkgelegenheid");
    private static final List<String> COUNTRIES = List.of("Oekraïne", "Duitsland", "België", "Frankrijk", "Polen",
            "Suriname", "Indonesië", "Marokko", "Turkije", "Japan");
    private static final List<String> MEMBERS = List.of("Van Dijk", "Omtzigt", "Kuzu", "Bikker", "Klaver",
            "Sjoerdsma", "Dassen", "Eerdmans", "Paternotte", "Boswijk");
    private static final List<String> MONTHS = List.of("januari", "februari", "maart", "april", "mei", "juni",
            "juli", "augustus", "september", "oktober", "november", "december");

    private final long runSeed;

    LetterWriter(long runSeed) {
        this.runSeed = runSeed;
    }

    /** The marker at the start of letter {@code n}; {@link #endMarker} closes it. Unique per run and letter. */
    String startMarker(int n) {
        return "kenmerk CHAOS-" + runSeed + "-" + n + ".";
    }

    String endMarker(int n) {
        return "einde CHAOS-" + runSeed + "-" + n + ".";
    }

    /** Letter {@code n}: between about 2 and 10 KB, the same for the same run seed. */
    String letter(int n) {
        Random random = new Random(runSeed * 1_000_003L + n);
        StringBuilder text = new StringBuilder(12_000);
        text.append("Tweede Kamer der Staten-Generaal\n")
                .append("Den Haag, ").append(1 + random.nextInt(28)).append(' ')
                .append(pick(random, MONTHS)).append(' ').append(2015 + random.nextInt(11)).append('\n')
                .append(startMarker(n)).append("\n\nGeachte voorzitter,\n\n");
        int facts = 2 + random.nextInt(4);
        for (int f = 0; f < facts; f++) {
            text.append(fact(random)).append(' ');
        }
        text.append("\n\n").append(BenchmarkFiles.prose(random.nextInt(), 1_500 + random.nextInt(8_000)))
                .append("\n\nHoogachtend,\nde minister van ").append(pick(random, MINISTRIES)).append("\n")
                .append(endMarker(n)).append('\n');
        return text.toString();
    }

    private static String fact(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> "Namens het ministerie van " + pick(random, MINISTRIES) + " informeer ik u over de steun aan "
                    + pick(random, COUNTRIES) + ".";
            case 1 -> "De motie van het lid " + pick(random, MEMBERS) + " (Kamerstuk " + (36000 + random.nextInt(600))
                    + ", nr. " + (1 + random.nextInt(120)) + ") verzoekt de regering het overleg met "
                    + pick(random, COUNTRIES) + " voort te zetten.";
            case 2 -> "Het kabinet trekt € " + (1 + random.nextInt(900)) + " miljoen uit voor de samenwerking met "
                    + pick(random, COUNTRIES) + ".";
            default -> "De minister van " + pick(random, MINISTRIES) + " heeft hierover op " + (1 + random.nextInt(28))
                    + " " + pick(random, MONTHS) + " met de ambassadeur van " + pick(random, COUNTRIES) + " gesproken.";
        };
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
