package nl.wijkzaken.audit;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import nl.wijkzaken.letters.PdfTemplates;

import org.springframework.stereotype.Component;

/**
 * The whole dossier as a PDF an auditor can file: the dossier page's sections (case, summary with who decided on
 * which mandate rule and the deadline's history, model versions, the full timeline) in templates/audit/dossier-pdf.html.
 */
@Component
class DossierPdf {

    private final PdfTemplates pdf;
    private final ObjectMapper objectMapper;

    DossierPdf(PdfTemplates pdf, ObjectMapper objectMapper) {
        this.pdf = pdf;
        this.objectMapper = objectMapper;
    }

    byte[] render(CaseDossier dossier) {
        return pdf.render("audit/dossier-pdf", Map.of("d", DossierView.of(dossier, true, objectMapper)));
    }
}
