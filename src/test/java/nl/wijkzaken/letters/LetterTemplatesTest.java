package nl.wijkzaken.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every letter template rendered to PDF and read back with PDFBox: the legal elements a jurist checks (Awb 3:45,
 * 3:46, 4:23, 4:30, 10:10, 6:5, 6:7/6:8 with the Algemene termijnenwet), and none of the objection clause in letters
 * that are not decisions.
 */
class LetterTemplatesTest {

    private final Letters letters = LetterFixtures.letters(null, null);

    /** Sent on Thursday 5 March 2026: six weeks from the 6th end on Thursday 16 April 2026 (no holiday). */
    private static final LocalDate SENT_ON = LocalDate.of(2026, 3, 5);

    @ParameterizedTest
    @EnumSource(LetterKind.class)
    void everyLetterHasLetterheadDateCaseAddresseeSubjectReasonsAndSignatureOnBehalfOfTheCollege(LetterKind kind) throws IOException {
        String text = text(letters.render(LetterFixtures.content(kind), SENT_ON));

        assertThat(text).contains("Gemeente Stichtse Vecht", "Postbus 1000", "3600 BA Maarssen",
                "Datum 5 maart 2026", "Zaaknummer BV-2026-000042", "Onderwerp " + kind.subject(),
                "Fatima de Vries", "namens Buurtgroep Zuid", "Straatweg 1", "3621 AB Breukelen",
                "Het speeltoestel past binnen het speelruimtebeleid",
                "namens het college van burgemeester en wethouders van de gemeente Stichtse Vecht",
                "Bram Breukels", "Wijkmanager", "Mandaatbesluit wijkzaken 2026 (kenmerk Z/26/001, 13 januari 2026)",
                "artikel 10:10 Awb");
    }

    @ParameterizedTest
    @EnumSource(value = LetterKind.class, names = {"TOEKENNING", "GEDEELTELIJKE_TOEKENNING", "AFWIJZING", "BUITEN_BEHANDELING"})
    void everyDecisionCarriesTheObjectionClauseInFullWithTheLastDay(LetterKind kind) throws IOException {
        String text = text(letters.render(LetterFixtures.content(kind), SENT_ON));

        assertThat(kind.isDecision()).isTrue();
        assertThat(text).contains("belanghebbende", "zes weken", "de dag na de dag waarop dit besluit is verzonden",
                "uiterlijk op 16 april 2026 zijn ontvangen", "artikelen 6:7 en 6:8",
                "schriftelijk aan het college van burgemeester en wethouders",
                "Het college van burgemeester en wethouders van Stichtse Vecht",
                "artikel 6:5", "uw naam en adres", "de datum", "het besluit waartegen u bezwaar maakt",
                "de gronden van uw bezwaar", "uw handtekening",
                "voorlopige voorziening", "de voorzieningenrechter van de rechtbank Midden-Nederland", "Postbus 16005");
        assertThat(text).as("legal basis: regulation and article").containsPattern("[Aa]rtikel \\d:\\d+");
    }

    @Test
    void theObjectionTermRunsOnPastAHolidayAsTheAlgemeneTermijnenwetSays() throws IOException {
        // Sent Thursday 19 March 2026: six weeks end on Thursday 30 April... counted from 20 March: 30 April 2026.
        // Sent Friday 16 March 2029 would end on Friday 27 April 2029; sent 15 March 2029 ends 26 April 2029, a
        // Thursday. Take one that ends on Koningsdag: sent Monday 15 March 2027 -> 26 April 2027 (Monday);
        // sent Tuesday 16 March 2027 -> Tuesday 27 April 2027, Koningsdag: runs on to Wednesday 28 April 2027.
        String text = text(letters.render(LetterFixtures.content(LetterKind.AFWIJZING), LocalDate.of(2027, 3, 16)));

        assertThat(text).contains("Datum 16 maart 2027", "uiterlijk op 28 april 2027 zijn ontvangen");
    }

    @Test
    void aGrantNamesActivityAmountAdvanceObligationsConditionsAndAccountabilityDate() throws IOException {
        String text = text(letters.render(LetterFixtures.content(LetterKind.TOEKENNING), SENT_ON));

        assertThat(text).contains("Wij verlenen u een subsidie van € 1.500,00", "Uw aanvraag is toegekend",
                "Plaatsen van een speeltoestel in het Kerkpark", "Voorschot € 500,00", "artikel 4:95",
                "Subsidieregeling buurtbudget Stichtse Vecht 2026", "Warenwetbesluit attractie- en speeltoestellen",
                "uiterlijk op 1 maart 2027", "Artikel 4:23");
    }

    @Test
    void aPartialGrantIsCalledPartialAndSaysWhatIsRefused() throws IOException {
        String text = text(letters.render(LetterFixtures.content(LetterKind.GEDEELTELIJKE_TOEKENNING), SENT_ON));

        assertThat(text).contains("gedeeltelijk toegekend", "U vroeg € 1.500,00", "subsidie van € 1.000,00",
                "Voor het overige", "(€ 500,00) wijzen wij uw aanvraag af");
    }

    /**
     * Awb 4:23, 4:29-4:41, 4:95 and LEGAL.md 3: a grant above the direct-settlement threshold names the regulation's
     * article (of the year of receipt), the maximum amount, the activity, when it is done and accounted for, the
     * advance with its percentage and when it is paid, the obligations one per line and the written change.
     */
    @Test
    void aGrantWithAnAdvanceStatesTheRegulationsArticleTheDatesTheAdvanceTheObligationsAndTheWrittenChange() throws IOException {
        LetterContent base = LetterFixtures.content(LetterKind.TOEKENNING);
        LetterContent content = new LetterContent(base.caseNumber(), base.kind(), base.addresseeName(), base.onBehalfOf(),
                base.addressLines(), base.email(), base.title(), base.receivedOn(), new BigDecimal("6000.00"),
                new BigDecimal("6000.00"), base.reasons(), base.activity(),
                "U bewaart de bonnen en facturen.\nU meldt wijzigingen vooraf schriftelijk.", null, new BigDecimal("4800.00"),
                LocalDate.of(2026, 12, 31), base.signatoryName(), base.signatoryFunction(), base.mandate(), null, base.team(), null,
                new LetterContent.Grant("Artikel 4:23 van de Algemene wet bestuursrecht en artikel 4 van de Subsidieregeling"
                        + " buurtbudget Stichtse Vecht 2026 (Gemeenteblad 2025, 123456).", LocalDate.of(2026, 9, 30), 80, false,
                        LocalDate.of(2026, 3, 1), new BigDecimal("6000.00"), "Een kleiner toestel"));

        String text = text(letters.render(content, SENT_ON));

        assertThat(text).contains("Wij verlenen u een subsidie van € 6.000,00", "Bedrag € 6.000,00 (ten hoogste)",
                "Plaatsen van een speeltoestel in het Kerkpark",
                "artikel 4 van de Subsidieregeling buurtbudget Stichtse Vecht 2026 (Gemeenteblad 2025, 123456)",
                "U heeft uw aanvraag op 1 maart 2026 schriftelijk gewijzigd: u vraagt nu € 6.000,00 (Een kleiner toestel).",
                "Voer de activiteit uit uiterlijk op 30 september 2026.",
                // (a page may break after "na de")
                "U krijgt een voorschot van 80 % van de subsidie: € 4.800,00 (artikel 4:95 Awb), betaald binnen vier weken",
                "- U bewaart de bonnen en facturen.", "- U meldt wijzigingen vooraf schriftelijk.", "Artikelen 4:37 tot en met 4:39 Awb",
                "Stuur uiterlijk op 31 december 2026 uw verantwoording", "Daarna stellen wij de subsidie vast (artikel 4:44 Awb)",
                "namens het college van burgemeester en wethouders", "uiterlijk op 16 april 2026 zijn ontvangen")
                .doesNotContain("Direct vastgesteld");
    }

    /** Up to the regulation's threshold the grant is also the settlement; without a regulation record the configured basis. */
    @Test
    void aSmallGrantIsSettledDirectlyAndWithoutARegulationRecordTheLetterFallsBackToTheConfiguredBasis() throws IOException {
        LetterContent content = LetterFixtures.content(LetterKind.TOEKENNING)
                .withGrant(new LetterContent.Grant(null, LocalDate.of(2026, 6, 30), 0, true, null, null, null));

        String text = text(letters.render(content, SENT_ON));

        assertThat(text).contains("Direct vastgesteld: deze verlening is ook de vaststelling van de subsidie (artikel 4:42 Awb)."
                        + " Wij betalen € 1.500,00 binnen vier weken na de verzenddatum van deze brief (artikel 4:87 Awb).",
                "Voer de activiteit uit uiterlijk op 30 juni 2026.", "Stuur uiterlijk op 1 maart 2027 uw verantwoording",
                "Artikel 4:23 van de Algemene wet bestuursrecht en artikel 4 van de Subsidieregeling buurtbudget Stichtse Vecht 2026.")
                .doesNotContain("(ten hoogste)", "voorschot van", "schriftelijk gewijzigd");
    }

    @ParameterizedTest
    @EnumSource(value = LetterKind.class, names = {"GEEN_AANVRAAG", "DOORZENDING", "ANTWOORD"})
    void aLetterThatIsNotADecisionHasNoObjectionClause(LetterKind kind) throws IOException {
        String text = text(letters.render(LetterFixtures.content(kind), SENT_ON));

        assertThat(kind.isDecision()).isFalse();
        assertThat(text).doesNotContain("bezwaar", "Bezwaar", "belanghebbende", "voorlopige voorziening", "zes weken");
    }

    @Test
    void aForwardingNoticeNamesTheCompetentBodyAndArticle23() throws IOException {
        String text = text(letters.render(LetterFixtures.content(LetterKind.DOORZENDING), SENT_ON));

        assertThat(text).contains("het college van gedeputeerde staten van Utrecht", "Artikel 2:3");
    }

    @Test
    void aMunicipalitysOwnTemplateDirectoryReplacesABuiltInTemplateWithoutJava(@TempDir Path directory) throws IOException {
        String own = Files.readString(Path.of("src/main/resources/templates/letters/afwijzing.html"), StandardCharsets.UTF_8)
                .replace("Wij wijzen uw aanvraag af.", "Het college wijst uw aanvraag af.");
        Files.writeString(directory.resolve("afwijzing.html"), own, StandardCharsets.UTF_8);
        Letters custom = LetterFixtures.letters(null, directory.toString());

        assertThat(text(custom.render(LetterFixtures.content(LetterKind.AFWIJZING), SENT_ON)))
                .contains("Het college wijst uw aanvraag af.", "uiterlijk op 16 april 2026 zijn ontvangen");
        assertThat(text(custom.render(LetterFixtures.content(LetterKind.TOEKENNING), SENT_ON)))
                .as("the other templates stay built in").contains("Wij verlenen u een subsidie van € 1.500,00");
    }

    /** The README's picture of a letter: page 1 of a partial grant, rendered as the resident gets it. */
    @Test
    void writesPageOneOfADecisionLetterAsPngForTheReadme() throws IOException {
        byte[] pdf = letters.render(LetterFixtures.content(LetterKind.GEDEELTELIJKE_TOEKENNING), SENT_ON);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            Path png = Path.of("src/docs/decision-letter.png");
            Files.createDirectories(png.getParent());
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 80), "png", png.toFile());
            assertThat(png).isNotEmptyFile();
        }
    }

    /** The text as PDFBox extracts it, white space collapsed. */
    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            // In reading order: a template's inline parts (dates, amounts) are drawn after the line around them.
            stripper.setSortByPosition(true);
            return stripper.getText(document).replaceAll("\\s+", " ");
        }
    }
}
