package nl.wijkzaken.audit;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import nl.wijkzaken.letters.PdfTemplates;

import org.springframework.stereotype.Component;

/**
 * The dossier as a PDF an auditor can file: first a short decision record (what was asked, what was decided, why,
 * by whom, under which mandate rule, within the deadline or not), then the full timeline as an appendix
 * (templates/audit/dossier-pdf.html).
 */
@Component
class DossierPdf {

    private final PdfTemplates pdf;
    private final ObjectMapper objectMapper;
    private final StaffNames names;

    DossierPdf(PdfTemplates pdf, ObjectMapper objectMapper, StaffNames names) {
        this.names = names;
        this.pdf = pdf;
        this.objectMapper = objectMapper;
    }

    byte[] render(CaseDossier dossier) {
        return pdf.render("audit/dossier-pdf", Map.of("d", DossierView.of(dossier, true, objectMapper, names.forDossier(dossier))));
    }
}
