package nl.wijkzaken.penalty.internal;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.wijkzaken.models.ResidentRequestProcess.Penalty;
import nl.wijkzaken.penalty.PenaltyState;
import nl.wijkzaken.refusal.Refusal;
import nl.wijkzaken.security.Roles;
import nl.wijkzaken.shared.EngineClock;

/**
 * The front office registers a notice of default received on paper, with its date of receipt (Awb 4:17): the same
 * start as Tasklist's start form "Ingebrekestelling registreren", as the logged-in person, so the engine's grants,
 * the form guard and the process's own role check apply. Anyone else gets 403 with the rule in Dutch.
 */
@RestController
@RequestMapping("/api/cases/{caseNumber}/notice-of-default")
class NoticeOfDefaultController {

    /** The date the letter arrived, {@code yyyy-MM-dd}. */
    record PaperNotice(String receivedOn) {
    }

    /** What was registered: the dates that follow from it and the penalty in words. */
    record Registered(String caseNumber, LocalDate noticeReceivedOn, LocalDate penaltyFrom, String penalty) {
    }

    private final RuntimeService runtimeService;
    private final Roles roles;
    private final PenaltyRecords records;

    NoticeOfDefaultController(@Lazy RuntimeService runtimeService, Roles roles, PenaltyRecords records) {
        this.runtimeService = runtimeService;
        this.roles = roles;
        this.records = records;
    }

    @PostMapping
    ResponseEntity<Registered> register(@PathVariable String caseNumber, @RequestBody(required = false) PaperNotice notice) {
        if (!roles.currentUserHasAny(PenaltyRun.REGISTERING_ROLES.toArray(String[]::new))) {
            throw Refusal.forbidden(PenaltyRun.NOT_FRONT_OFFICE);
        }
        if (notice == null || notice.receivedOn() == null || notice.receivedOn().isBlank()) {
            throw Refusal.invalid("Vul de datum in waarop de ingebrekestelling is ontvangen (receivedOn, jjjj-mm-dd).")
                    .with("fields", java.util.List.of("receivedOn"));
        }
        String number = caseNumber.strip().toUpperCase(java.util.Locale.ROOT);
        runtimeService.startProcessInstanceByKey(Penalty.KEY, number, Map.of(
                Penalty.CASE_NUMBER, number, Penalty.NOTICE_RECEIVED_ON, notice.receivedOn().strip()));
        PenaltyState state = records.find(number).orElseThrow();
        return ResponseEntity.created(URI.create("/api/cases/" + number + "/notice-of-default"))
                .body(new Registered(number, state.noticeReceivedOn(), state.firstDay(), state.inWords(EngineClock.today())));
    }
}
