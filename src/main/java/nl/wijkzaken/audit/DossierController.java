package nl.wijkzaken.audit;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.wijkzaken.refusal.Refusal;

/** The case dossier for auditors and administrators: JSON, and a CSV of the timeline and a PDF to file. */
@RestController
@RequestMapping("/api/dossiers")
@PreAuthorize("hasAnyRole('auditor', 'administrator')")
class DossierController {

    private final CaseDossiers dossiers;
    private final ObjectMapper objectMapper;
    private final DossierPdf pdf;
    private final StaffNames names;

    DossierController(CaseDossiers dossiers, ObjectMapper objectMapper, DossierPdf pdf, StaffNames names) {
        this.names = names;
        this.dossiers = dossiers;
        this.objectMapper = objectMapper;
        this.pdf = pdf;
    }

    @GetMapping(value = "/{caseNumber}/dossier.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> dossierPdf(@PathVariable String caseNumber) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"dossier-" + caseNumber + ".pdf\"")
                .contentType(MediaType.APPLICATION_PDF)
                .body(pdf.render(dossier(caseNumber)));
    }

    @GetMapping("/{caseNumber}")
    CaseDossier dossier(@PathVariable String caseNumber) {
        return dossiers.find(caseNumber).orElseThrow(() -> unknownCase(caseNumber));
    }

    @GetMapping(value = "/{caseNumber}/timeline.csv", produces = "text/csv")
    ResponseEntity<byte[]> timelineCsv(@PathVariable String caseNumber) {
        CaseDossier dossier = dossier(caseNumber);
        String csv = TimelineCsv.write(dossier.timeline(), objectMapper, names.forDossier(dossier));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"dossier-" + caseNumber + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static Refusal unknownCase(String caseNumber) {
        return Refusal.notFound("Er is geen zaak met nummer " + caseNumber
                + " (of u mag de geschiedenis ervan niet lezen).").titled("Zaak niet gevonden");
    }

}
