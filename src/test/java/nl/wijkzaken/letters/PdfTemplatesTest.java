package nl.wijkzaken.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * HTML template to PDF without the application: what a reader sees (names in any European script, euros), and
 * what an archive checks (PDF/A-2u declared, an output intent, every font embedded).
 */
class PdfTemplatesTest {

    private final PdfTemplates pdf = new PdfTemplates(engine());

    @Test
    void theTemplatesTextIsInThePdfWithEveryLetterOfTheNames() throws Exception {
        byte[] bytes = pdf.render("pdf-test/letter", Map.of("title", "Besluit op BV-2026-000042",
                "name", "Łukasz Wiśniewski, Ayşe Yılmaz, Ðorđe, Σοφία", "amount", "€ 1.250,50",
                "details", "{\"bedrag\": 1250.5}"));

        try (PDDocument document = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Besluit op BV-2026-000042", "Łukasz Wiśniewski, Ayşe Yılmaz, Ðorđe, Σοφία",
                    "Toegekend: € 1.250,50", "{\"bedrag\": 1250.5}");
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Besluit op BV-2026-000042");
        }
    }

    @Test
    void longLinesBreakAtSpacesOnlySoIdsAndAddressesStayWhole() throws Exception {
        String ids = "wm.breukelen fatima.de.vries@example.org BV-2026-000042 mandate-area-cosign ]10000..25000] ";
        byte[] bytes = pdf.render("pdf-test/letter", Map.of("title", "Brief", "name", ids.repeat(12),
                "amount", "-", "details", "{}"));

        try (PDDocument document = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text.lines().count()).as("the names wrap").isGreaterThan(5);
            assertThat(text.replaceAll("\\s+", " ")).contains(("Aan: " + ids.repeat(12)).strip());
        }
    }

    @Test
    void thePdfIsPdfAWithItsFontsEmbedded() throws Exception {
        byte[] bytes = pdf.render("pdf-test/letter", Map.of("title", "Brief", "name", "Bewoner", "amount", "€ 0,00",
                "details", "{}"));

        try (PDDocument document = Loader.loadPDF(bytes)) {
            String xmp = new String(document.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp).containsPattern("pdfaid:part(>|=\")2").containsPattern("pdfaid:conformance(>|=\")U");
            assertThat(document.getDocumentCatalog().getOutputIntents()).isNotEmpty();
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    assertThat(page.getResources().getFont(name).isEmbedded()).as(name.getName()).isTrue();
                }
            }
        }
    }

    private static SpringTemplateEngine engine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
