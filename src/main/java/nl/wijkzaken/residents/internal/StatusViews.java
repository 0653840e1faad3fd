package nl.wijkzaken.residents.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import nl.wijkzaken.casefile.CaseEvent;
import nl.wijkzaken.casefile.CaseEventType;
import nl.wijkzaken.casefile.CaseFile;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.casefile.CaseStatus;
import nl.wijkzaken.casefile.CaseDeadline;
import nl.wijkzaken.deadline.LegalCalendar;
import nl.wijkzaken.deadline.LegalDeadline;
import nl.wijkzaken.deadline.Suspension;
import nl.wijkzaken.letters.Letters;
import nl.wijkzaken.letters.StoredLetter;
import nl.wijkzaken.neighbourhood.Neighbourhood;
import nl.wijkzaken.neighbourhood.Neighbourhoods;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.shared.EngineClock;

/**
 * Builds the status page's view model from the case file: its resident-facing status texts (never the internal
 * task names), the legal deadline counted on the engine's clock and the outcome.
 */
@Component
class StatusViews {

    /** The statuses whose case event carries the motivation of how the case ended. */
    private static final Set<String> CONCLUSIONS = Set.of(CaseStatus.BESLUIT_GENOMEN.text(),
            CaseStatus.BUITEN_BEHANDELING.text(), CaseStatus.DOORGEZONDEN.text(), CaseStatus.GEEN_AANVRAAG.text());

    private final Neighbourhoods neighbourhoods;
    private final CaseFiles caseFiles;
    private final Supplements supplements;
    private final Letters letters;
    private final LegalCalendar calendar;

    StatusViews(Neighbourhoods neighbourhoods, CaseFiles caseFiles, Supplements supplements, Letters letters,
                LegalCalendar calendar) {
        this.neighbourhoods = neighbourhoods;
        this.caseFiles = caseFiles;
        this.supplements = supplements;
        this.letters = letters;
        this.calendar = calendar;
    }

    StatusView of(ResidentCase residentCase) {
        String neighbourhood = neighbourhoods.find(residentCase.neighbourhood()).map(Neighbourhood::name)
                .orElse(residentCase.neighbourhood());
        Optional<CaseFile> found = caseFiles.find(residentCase.caseNumber());
        if (found.isEmpty()) {
            // Not expected (the case file is made when the case starts), but the resident still sees the receipt.
            String received = DutchFormat.date(LocalDate.ofInstant(residentCase.receivedAt(), DutchFormat.ZONE));
            return new StatusView(residentCase.caseNumber(), residentCase.title(), neighbourhood, received, null,
                    CaseStatus.ONTVANGEN.text(), List.of(new StatusView.TimelineEntry(received, CaseStatus.ONTVANGEN.text())),
                    null, null, null, null);
        }
        CaseFile file = found.get();
        List<CaseEvent> events = caseFiles.events(file.caseNumber());
        boolean ended = file.outcome() != null;
        StatusView.SupplementRequest supplement = ended ? null : supplements.requested(residentCase)
                .map(request -> new StatusView.SupplementRequest(request.missingInformation(),
                        request.lastDay() == null ? null : DutchFormat.date(request.lastDay()), request.termLapsed()))
                .orElse(null);
        StatusView.Decision decision = ended ? decision(file, events) : null;
        String dispatchNotice = null;
        if (decision != null && file.outcome() != nl.wijkzaken.casefile.Outcome.BEEINDIGD) {
            List<StoredLetter> caseLetters = letters.ofCase(file.caseNumber());
            Optional<StoredLetter> sent = caseLetters.stream().filter(StoredLetter::sent).reduce((first, second) -> second);
            if (sent.isPresent()) {
                decision = decision.withLetter(letter(sent.get()));
            } else if (!caseLetters.isEmpty()) {
                // Awb 3:41: a decision takes effect when it is sent; until then the resident reads it nowhere.
                dispatchNotice = "Er is een besluit over uw verzoek genomen. U ontvangt de brief met het besluit binnenkort"
                        + ", per post of per e-mail zoals u heeft gekozen. "
                        + "Zodra de brief is verstuurd, ziet u het besluit ook hier.";
                decision = null;
            }
        }
        return new StatusView(file.caseNumber(), file.title(), neighbourhood, DutchFormat.date(file.receivedOn()),
                file.ownerTeam(), file.statusText(), timeline(events), ended ? null : deadline(file, caseFiles.deadline(file.caseNumber()).orElse(null), events, calendar, EngineClock.today()),
                supplement, decision, dispatchNotice);
    }

    /** The letter as sent; the objection term (Awb 6:7, 6:8 with the Algemene termijnenwet) from its sending date. */
    private StatusView.Letter letter(StoredLetter sent) {
        return new StatusView.Letter(sent.id(), sent.fileName(), DutchFormat.date(sent.sentOn()), sent.channelWords(),
                sent.kind().isDecision() ? DutchFormat.date(calendar.objectionTermEnd(sent.sentOn())) : null);
    }

    /** The resident-facing statuses, oldest first; a status repeated on the same day is shown once. */
    static List<StatusView.TimelineEntry> timeline(List<CaseEvent> events) {
        List<StatusView.TimelineEntry> timeline = new ArrayList<>();
        for (CaseEvent event : events) {
            if (event.statusText() == null) {
                continue;
            }
            StatusView.TimelineEntry entry = new StatusView.TimelineEntry(DutchFormat.date(event.occurredAt().toLocalDate()), event.statusText());
            if (timeline.isEmpty() || !timeline.get(timeline.size() - 1).equals(entry)) {
                timeline.add(entry);
            }
        }
        return timeline;
    }

    /**
     * Days counted in calendar days (Awb); while suspended the count stands still: the date shown is the deadline if
     * the supplement came in today (the days from the day after sending up to today not counted, Awb 4:15, added to
     * the counted end, then the Atw).
     */
    static StatusView.Deadline deadline(CaseFile file, CaseDeadline facts, List<CaseEvent> events, LegalCalendar calendar,
                                        LocalDate today) {
        LocalDate end = file.legalDeadline();
        LegalDeadline deadline = new LegalDeadline(facts == null || facts.countedDeadline() == null
                ? end : facts.countedDeadline(), end);
        LocalDate announced = facts == null || facts.announcedDeadline() == null
                || !facts.announcedDeadline().isAfter(end) ? null : facts.announcedDeadline();
        List<StatusView.TimelineEntry> history = deadlineHistory(events, announced);
        if (file.suspendedSince() != null) {
            LocalDate sentOn = file.suspendedSince().minusDays(1);
            LocalDate ifSupplementedToday = new Suspension(sentOn, today).deadlineAfter(deadline, today, calendar).end();
            return new StatusView.Deadline(DutchFormat.dayAndDate(ifSupplementedToday), ChronoUnit.DAYS.between(today, ifSupplementedToday),
                    true, DutchFormat.date(file.suspendedSince()), file.deadlineExtended(), DutchFormat.dayAndDate(announced), history);
        }
        return new StatusView.Deadline(DutchFormat.dayAndDate(end), ChronoUnit.DAYS.between(today, end), false, null,
                file.deadlineExtended(), DutchFormat.dayAndDate(announced), history);
    }

    /** Every change of the deadline in the resident's words, oldest first. */
    static List<StatusView.TimelineEntry> deadlineHistory(List<CaseEvent> events, LocalDate announced) {
        List<StatusView.TimelineEntry> history = new ArrayList<>();
        for (CaseEvent event : events) {
            String day = DutchFormat.date(event.occurredAt().toLocalDate());
            String after = DutchFormat.dayAndDate(event.deadlineAfter());
            String text = switch (event.type()) {
                case STATUS -> event.deadlineAfter() == null ? null : "Beslistermijn vastgesteld: uiterlijk " + after + ".";
                case DEADLINE_SUSPENDED -> event.deadlineAfter() != null && !event.deadlineAfter().equals(event.deadlineBefore())
                        ? "Beslistermijn opgeschort (artikel 4:15 lid 2 Awb): uiterlijk " + after + "."
                        : "Beslistermijn opgeschort: de termijn staat stil"
                                + (event.statusText() != null ? " zolang wij op uw aanvulling wachten." : ".");
                case DEADLINE_RESUMED -> "Beslistermijn loopt weer: uiterlijk " + after + ".";
                case DEADLINE_EXTENDED -> event.deadlineAfter() != null && event.deadlineAfter().equals(event.deadlineBefore())
                        ? "U heeft bericht gekregen dat wij meer tijd nodig hebben" + (announced == null ? "."
                                : ": u krijgt uiterlijk " + DutchFormat.dayAndDate(announced) + " een besluit.")
                                + " De wettelijke beslistermijn blijft " + after + "."
                        : "Beslistermijn verlengd: uiterlijk " + after + ".";
                default -> null;
            };
            if (text != null) {
                history.add(new StatusView.TimelineEntry(day, text));
            }
        }
        return history;
    }

    static StatusView.Decision decision(CaseFile file, List<CaseEvent> events) {
        CaseEvent conclusion = null;
        for (CaseEvent event : events) {
            if (CaseEventType.STATUS.equals(event.type()) && CONCLUSIONS.contains(event.statusText())) {
                conclusion = event;
            }
        }
        String motivation = conclusion == null ? null : conclusion.detail();
        String decidedOn = conclusion != null ? DutchFormat.date(conclusion.occurredAt().toLocalDate())
                : file.closedOn() == null ? null : DutchFormat.date(file.closedOn());
        return switch (file.outcome()) {
            case TOEGEKEND, GEDEELTELIJK_TOEGEKEND -> new StatusView.Decision(file.outcome().label(),
                    DutchFormat.euro(file.decidedAmount()), null, "Motivering", motivation, decidedOn);
            case AFGEWEZEN -> new StatusView.Decision(file.outcome().label(), null, null, "Motivering", motivation, decidedOn);
            case BUITEN_BEHANDELING -> new StatusView.Decision(file.outcome().label(), null,
                    "Wij hebben de gevraagde aanvulling niet op tijd ontvangen. Daarom nemen wij uw verzoek niet verder "
                            + "in behandeling (artikel 4:5 van de Algemene wet bestuursrecht). U kunt een nieuw verzoek indienen.",
                    "Motivering", motivation, decidedOn);
            // Awb 2:3: not ours to decide; the motivation names the body it was forwarded to.
            case DOORGEZONDEN -> new StatusView.Decision(file.outcome().label(), null,
                    "Over uw verzoek beslist een ander bestuursorgaan. Wij hebben het daarheen doorgestuurd; dit is "
                            + "geen besluit van de gemeente.", "Toelichting", motivation, decidedOn, false);
            case GEEN_AANVRAAG -> new StatusView.Decision(file.outcome().label(), null,
                    "Uw bericht is geen aanvraag om een besluit. U heeft een antwoord van ons gekregen; dit is geen "
                            + "besluit, u kunt er geen bezwaar tegen maken.", "Ons antwoord", motivation, decidedOn, false);
            // The case was deleted by the municipality: no decision, and no internal detail for the resident.
            case BEEINDIGD -> new StatusView.Decision("Behandeling beëindigd", null,
                    "De gemeente heeft de behandeling van uw verzoek beëindigd zonder besluit. Heeft u hierover vragen? "
                            + "Neem dan contact op met de gemeente en noem uw zaaknummer.", null, null, decidedOn);
        };
    }
}
