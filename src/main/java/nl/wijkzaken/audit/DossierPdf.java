package nl.wijkzaken.audit;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import nl.wijkzaken.casefile.CaseFiles;
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
    private final CaseFiles caseFiles;

    DossierPdf(PdfTemplates pdf, ObjectMapper objectMapper, StaffNames names, CaseFiles caseFiles) {
        this.names = names;
        this.caseFiles = caseFiles;
        this.pdf = pdf;
        this.objectMapper = objectMapper;
    }

    byte[] render(CaseDossier dossier) {
        StaffNames.Names named = names.forDossier(dossier);
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("d", DossierView.of(dossier, true, objectMapper, named));
        RouteView.of(caseFiles, dossier.caseNumber(), named).ifPresent(route -> model.put("route", route));
        return pdf.render("audit/dossier-pdf", model);
    }
}
