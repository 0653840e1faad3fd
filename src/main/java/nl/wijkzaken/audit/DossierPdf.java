package nl.wijkzaken.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.stereotype.Component;

import nl.wijkzaken.shared.DutchFormat;

/**
 * The whole dossier as a PDF an auditor can file: the case, the summary (who decided, on which mandate rule, within
 * or after the deadline, the deadline's history), the model versions, and every timeline entry.
 */
@Component
class DossierPdf {

    private final ObjectMapper objectMapper;

    DossierPdf(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    private static final float MARGIN = 50;
    private static final PDFont REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDFont BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    byte[] render(CaseDossier dossier) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Writer writer = new Writer(document);
            writer.line(BOLD, 16, "Dossier " + dossier.caseNumber());
            DossierView view = DossierView.of(dossier, true, objectMapper);
            writer.line(REGULAR, 10, "Verzoek: " + view.facts().title() + "   Wijk: " + view.facts().neighbourhood()
                    + "   Ontvangen op: " + view.facts().receivedOn());
            writer.line(REGULAR, 10, "Status voor de bewoner: " + view.facts().status() + "   Zaak in de procesengine: "
                    + view.state() + " (procesinstantie " + dossier.processInstanceId() + ")");
            writer.gap();
            writer.line(BOLD, 12, "Samenvatting");
            DossierView.Summary summary = view.summary();
            writer.line(REGULAR, 10, "Besluit: " + summary.outcome());
            writer.line(REGULAR, 10, "Besloten door: " + summary.decidedBy());
            writer.line(REGULAR, 10, "Medeondertekend door: " + summary.coSignedBy());
            writer.line(REGULAR, 10, "Mandaatregel: " + summary.mandateRule());
            if (summary.mandateConditions() != null) {
                writer.line(REGULAR, 10, "Voorwaarden van de regel: " + summary.mandateConditions());
                writer.line(REGULAR, 10, "Invoer: " + summary.mandateInputs() + "   Uitkomst: " + summary.mandateOutputs());
            }
            writer.line(REGULAR, 10, "Beslistermijn: " + summary.legalDeadline());
            writer.line(BOLD, 10, summary.deadlineVerdict());
            for (DossierView.DeadlineRow row : view.deadlineHistory()) {
                writer.line(REGULAR, 9, row.when() + "  " + row.event() + ": " + row.before() + " -> " + row.after());
            }
            writer.gap();
            writer.line(BOLD, 12, "Gebruikte modellen");
            for (CaseDossier.ModelVersion model : dossier.models()) {
                writer.line(REGULAR, 10, model.type() + " " + model.key() + " (" + model.name() + "), versie "
                        + model.version() + ", deployment " + model.deploymentId());
            }
            writer.gap();
            writer.line(BOLD, 12, "Tijdlijn");
            for (DossierEntry entry : dossier.timeline()) {
                writer.line(BOLD, 10, DutchFormat.timestamp(entry.at()) + "  " + entry.kind().label() + "  "
                        + entry.actor());
                writer.line(REGULAR, 10, entry.summary());
                if (!entry.details().isEmpty()) {
                    writer.line(REGULAR, 8, flatten(entry.details()));
                }
                writer.gap();
            }
            writer.close();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Dossier-PDF kon niet worden gemaakt", e);
        }
    }

    private static String flatten(Map<String, Object> details) {
        List<String> parts = new ArrayList<>();
        details.forEach((key, value) -> parts.add(key + ": " + value));
        return String.join("; ", parts);
    }

    /** Writes wrapped lines top to bottom, starting a new page when one is full. */
    private static final class Writer {
        private final PDDocument document;
        private PDPageContentStream stream;
        private float y;
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;

        Writer(PDDocument document) throws IOException {
            this.document = document;
            newPage();
        }

        void line(PDFont font, float size, String text) throws IOException {
            for (String wrapped : wrap(font, size, printable(font, text))) {
                if (y < MARGIN + size) {
                    newPage();
                }
                stream.beginText();
                stream.setFont(font, size);
                stream.newLineAtOffset(MARGIN, y);
                stream.showText(wrapped);
                stream.endText();
                y -= size * 1.35f;
            }
        }

        void gap() {
            y -= 6;
        }

        void close() throws IOException {
            stream.close();
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private List<String> wrap(PDFont font, float size, String text) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (current.isEmpty() || font.getStringWidth(candidate) / 1000 * size <= width) {
                    current.setLength(0);
                    current.append(candidate);
                } else {
                    lines.add(current.toString());
                    current.setLength(0);
                    current.append(word);
                }
            }
            lines.add(current.toString());
            return lines;
        }

        /** The standard fonts know WinAnsi only; anything else becomes '?', never a failed export. */
        private static String printable(PDFont font, String text) {
            StringBuilder out = new StringBuilder();
            text.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ').codePoints().forEach(cp -> {
                String ch = new String(Character.toChars(cp));
                try {
                    font.encode(ch);
                    out.append(ch);
                } catch (IOException | IllegalArgumentException e) {
                    out.append('?');
                }
            });
            return out.toString();
        }
    }
}
