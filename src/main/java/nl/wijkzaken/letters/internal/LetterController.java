package nl.wijkzaken.letters.internal;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.wijkzaken.letters.Letters;
import nl.wijkzaken.letters.StoredLetter;
import nl.wijkzaken.refusal.Refusal;

/**
 * Staff download a case's letter (the print-ready PDF of "Per post verzenden", the dossier's letters):
 * {@code GET /api/letters/{caseNumber}/{id}}. Whoever may read the case in the engine may read its letters: the
 * process instance or its history (auditor, administrator), or one of its tasks now or before (the front office on
 * "Per post verzenden", the owner's team, the deciders). The engine checks that as the logged-in user. A case the
 * caller may not read answers the same as a case that does not exist.
 */
@RestController
@RequestMapping("/api/letters")
class LetterController {

    private final Letters letters;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final HistoryService historyService;

    LetterController(Letters letters, RuntimeService runtimeService, TaskService taskService, HistoryService historyService) {
        this.letters = letters;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.historyService = historyService;
    }

    @GetMapping("/{caseNumber}/{id}")
    ResponseEntity<byte[]> letter(@PathVariable String caseNumber, @PathVariable long id) {
        if (!mayReadCase(caseNumber)) {
            throw notFound();
        }
        StoredLetter letter = letters.find(id).filter(found -> found.caseNumber().equals(caseNumber)).orElseThrow(LetterController::notFound);
        byte[] pdf = letters.pdf(caseNumber, id).orElseThrow(LetterController::notFound);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(letter.fileName()).build().toString())
                .body(pdf);
    }

    /** Queried as the logged-in user: the engine's authorizations decide (admins see everything). */
    private boolean mayReadCase(String caseNumber) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count() > 0
                || taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).count() > 0
                || historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count() > 0
                || historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseNumber).count() > 0;
    }

    private static Refusal notFound() {
        return Refusal.notFound("Deze brief bestaat niet of u mag hem niet inzien.");
    }
}
