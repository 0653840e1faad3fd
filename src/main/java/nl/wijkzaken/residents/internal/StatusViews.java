package nl.wijkzaken.residents.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
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
import nl.wijkzaken.casefile.DeliveryChoice;
import nl.wijkzaken.casefile.Outcome;
import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.ConsentSource;
import nl.wijkzaken.intake.DecisionChannel;
import nl.wijkzaken.deadline.LegalCalendar;
import nl.wijkzaken.deadline.LegalDeadline;
import nl.wijkzaken.deadline.Suspension;
import nl.wijkzaken.letters.Letters;
import nl.wijkzaken.letters.StoredLetter;
import nl.wijkzaken.neighbourhood.Neighbourhood;
import nl.wijkzaken.neighbourhood.Neighbourhoods;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.subsidy.AllocationPosition;
import nl.wijkzaken.subsidy.Allocations;
import nl.wijkzaken.shared.EngineClock;

/**
 * Builds the status page's view model from the case file: its resident-facing status texts (never the internal
 * task names), the legal deadline counted on the engine's clock and the outcome.
 */
@Component
class StatusViews {

    /** The statuses whose case event carries the motivation of how the case ended. */
    private static final Set<String> CONCLUSIONS = Set.of(CaseStatus.BESLUIT_GENOMEN.text(),
            CaseStatus.BUITEN_BEHANDELING.text(), CaseStatus.DOORGEZONDEN.text(), CaseStatus.GEEN_AANVRAAG.text(),
            CaseStatus.VERZOEK_BEANTWOORD.text());

    private final Neighbourhoods neighbourhoods;
    private final CaseFiles caseFiles;
    private final Supplements supplements;
    private final Letters letters;
    private final LegalCalendar calendar;
    private final Allocations allocations;

    StatusViews(Neighbourhoods neighbourhoods, CaseFiles caseFiles, Supplements supplements, Letters letters,
                LegalCalendar calendar, Allocations allocations) {
        this.allocations = allocations;
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
                    CaseStatus.ONTVANGEN.text(), whatNext(CaseStatus.ONTVANGEN, false, null), asked(residentCase, null),
                    List.of(new StatusView.TimelineEntry(received, CaseStatus.ONTVANGEN.text())),
                    null, null, null, null, null, null);
        }
        CaseFile file = found.get();
        List<CaseEvent> events = caseFiles.events(file.caseNumber());
        boolean ended = file.outcome() != null;
        StatusView.SupplementRequest supplement = ended ? null : supplements.requested(residentCase)
                .map(request -> new StatusView.SupplementRequest(request.missingInformation(),
                        request.lastDay() == null ? null : DutchFormat.date(request.lastDay()), request.termLapsed()))
                .orElse(null);
        StatusView.Delivery delivery = caseFiles.deliveryChoice(file.caseNumber()).map(c -> delivery(file, c)).orElse(null);
        String channelWords = delivery == null ? null : delivery.channel();
        StatusView.Decision decision = ended ? decision(file, events) : null;
        String dispatchNotice = null;
        boolean sent = false;
        if (decision != null && file.outcome() != Outcome.BEEINDIGD) {
            // Awb 3:40/3:41: a decision takes effect when it is sent (the case file's sending date, by e-mail or post);
            // until then the resident reads it nowhere.
            Optional<LocalDate> sentOn = caseFiles.decisionSentOn(file.caseNumber());
            if (sentOn.isPresent()) {
                Optional<StoredLetter> sentLetter = letters.ofCase(file.caseNumber()).stream().filter(StoredLetter::sent)
                        .reduce((first, second) -> second);
                boolean besluit = decision.besluit();
                decision = decision.withLetter(sentLetter.map(this::letter).orElseGet(() -> new StatusView.Letter(0, null,
                        DutchFormat.date(sentOn.get()), channelWords,
                        besluit ? DutchFormat.date(calendar.objectionTermEnd(sentOn.get())) : null)));
                sent = true;
            } else if (file.outcome().isAnswer()) {
                // Route verzoek: an answer, no decision (LEGAL.md 1).
                dispatchNotice = ANSWER_ON_ITS_WAY + (channelWords == null ? "" : " " + channelWords) + ". "
                        + "Zodra de brief is verstuurd, ziet u het antwoord ook hier.";
                decision = null;
            } else {
                dispatchNotice = "Er is een besluit over uw verzoek genomen. U ontvangt de brief met het besluit binnenkort"
                        + (channelWords == null ? "" : " " + channelWords) + ". "
                        + "Zodra de brief is verstuurd, ziet u het besluit ook hier.";
                decision = null;
            }
        }
        return new StatusView(file.caseNumber(), file.title(), neighbourhood, DutchFormat.date(file.receivedOn()),
                file.ownerTeam(), file.statusText(), file.outcome() != null && file.outcome().isAnswer()
                        ? answerWhatNext(sent, channelWords) : whatNext(file.status(), sent, channelWords), asked(residentCase, file),
                timeline(events),
                ended ? null : deadline(file, caseFiles.deadline(file.caseNumber()).orElse(null), events, calendar, EngineClock.today()),
                supplement, decision, dispatchNotice, delivery,
                allocations.position(file.caseNumber()).map(AllocationPosition::residentWords).orElse(null));
    }

    /**
     * The legal route in the resident's words (LEGAL.md 1: "shown to the resident"), with what it means for him;
     * empty for a case from before routes existed. A verzoek's text names no objection and no penalty: it has neither.
     */
    Optional<StatusRoute> route(String caseNumber) {
        return caseFiles.route(caseNumber).map(route -> new StatusRoute(route.label(), switch (route) {
            case SUBSIDIE -> "U voert zelf een activiteit uit en vraagt daarvoor geld. De gemeente beslist over uw "
                    + "aanvraag om subsidie met een besluit; daartegen kunt u bezwaar maken.";
            case VERZOEK -> "U vraagt de gemeente iets te doen. Dit is geen aanvraag om subsidie: u krijgt een antwoord "
                    + "met uitleg of, hoe en wanneer de gemeente het doet.";
        }));
    }

    /** The letter as sent; the objection term (Awb 6:7, 6:8 with the Algemene termijnenwet) from its sending date. */
    private StatusView.Letter letter(StoredLetter sent) {
        return new StatusView.Letter(sent.id(), sent.fileName(), DutchFormat.date(sent.sentOn()), sent.channelWords(),
                sent.kind().isDecision() ? DutchFormat.date(calendar.objectionTermEnd(sent.sentOn())) : null);
    }

    /** What the resident asked, from the submission (description) and the case file. */
    static StatusView.Asked asked(ResidentCase residentCase, CaseFile file) {
        String categoryCode = file != null ? file.category() : residentCase.category();
        String subject = categoryCode == null ? null : Arrays.stream(Category.values())
                .filter(category -> category.code().equals(categoryCode)).map(Category::label).findFirst().orElse(null);
        BigDecimal amount = file != null ? file.amountRequested() : residentCase.amountRequested();
        return new StatusView.Asked(subject, residentCase.description(), amount == null ? null : DutchFormat.euro(amount));
    }

    /** The channel for decisions, the address, and the consent for e-mail with its history (Awb 2:8). */
    static StatusView.Delivery delivery(CaseFile file, DeliveryChoice choice) {
        if (choice.channel() == null) {
            return null;
        }
        DecisionChannel channel = DecisionChannel.fromCode(choice.channel());
        String given = choice.emailConsentAt() == null ? null : DutchFormat.dateTime(instant(choice.emailConsentAt()))
                + ConsentSource.ofCode(choice.emailConsentSource()).map(source -> " via " + source.words()).orElse("");
        String withdrawn = choice.emailConsentWithdrawnAt() == null ? null
                : DutchFormat.dateTime(instant(choice.emailConsentWithdrawnAt()));
        return new StatusView.Delivery(channel.words(), choice.addressLine(),
                channel == DecisionChannel.EMAIL ? file.applicantEmail() : null, given, withdrawn,
                choice.emailConsentHolds());
    }

    private static java.time.Instant instant(java.time.LocalDateTime wallClock) {
        return wallClock.atZone(DutchFormat.ZONE).toInstant();
    }

    /** "Wat gebeurt er nu?": one short paragraph per status. */
    /** The start of the notice while the answer to a verzoek waits to be sent; the page's panel title follows it. */
    static final String ANSWER_ON_ITS_WAY = "Wij hebben uw verzoek beantwoord. U ontvangt de brief met ons antwoord binnenkort";

    /** Route verzoek: an answer, not a decision, so nothing about objection or deadlines for decisions. */
    static String answerWhatNext(boolean sent, String channelWords) {
        String channel = channelWords == null ? "" : " " + channelWords;
        return sent ? "Wij hebben ons antwoord" + channel + " naar u verstuurd. U leest het hierboven. Heeft u vragen? "
                + "Neem dan contact met ons op en noem uw zaaknummer."
                : "Wij hebben uw verzoek beantwoord. U ontvangt de brief" + channel + ". Zodra die verstuurd is, ziet u "
                + "het antwoord ook op deze pagina.";
    }

    static String whatNext(CaseStatus status, boolean decisionSent, String channelWords) {
        String channel = channelWords == null ? "" : " " + channelWords;
        String decided = decisionSent
                ? "Wij hebben het besluit" + channel + " naar u verstuurd. U leest het hierboven. Bent u het er niet mee "
                        + "eens, dan kunt u bezwaar maken."
                : "Wij hebben een besluit genomen. U ontvangt het" + channel + ". Zodra het verstuurd is, ziet u het "
                        + "ook op deze pagina.";
        return switch (status) {
            case ONTVANGEN -> "Een medewerker van het wijkteam bekijkt of uw verzoek compleet is. Ontbreekt er iets, dan "
                    + "vragen wij u om een aanvulling.";
            case IN_BEHANDELING -> "Uw verzoek is compleet. Het wijkteam behandelt het en vraagt zo nodig advies. "
                    + "Daarna nemen wij een besluit.";
            case AANVULLING_GEVRAAGD -> "Wij wachten op informatie van u. Stuur uw aanvulling op tijd via het formulier "
                    + "op deze pagina. Zolang wij wachten, staat de beslistermijn stil.";
            case AANVULLING_ONTVANGEN -> "Wij hebben uw aanvulling ontvangen en behandelen uw verzoek verder. De "
                    + "beslistermijn loopt weer.";
            case ADVIES -> "Een specialist van de gemeente geeft advies over uw verzoek. Daarna nemen wij een besluit.";
            case OVERLEG -> "De gemeente bespreekt uw verzoek met de betrokkenen. Daarna nemen wij een besluit.";
            case TERMIJN_VERLENGD -> "Wij hebben meer tijd nodig om te beslissen. U heeft daarover bericht gekregen; de "
                    + "nieuwe datum staat hieronder.";
            case BESLUIT_GENOMEN, AFGEHANDELD -> decided;
            case BUITEN_BEHANDELING -> decisionSent
                    ? "Wij behandelen uw verzoek niet verder. U kunt een nieuw verzoek indienen, met de gevraagde informatie."
                    : decided;
            case HERSTELTERMIJN_VERSTREKEN -> "De termijn voor uw aanvulling is voorbij. Wij beslissen binnen vier weken of "
                    + "wij uw verzoek toch behandelen; stuurt u de aanvulling alsnog, dan nemen wij die mee.";
            case DOORGEZONDEN -> "Wij hebben uw verzoek doorgestuurd naar het bestuursorgaan dat erover gaat. Dat neemt "
                    + "contact met u op.";
            case GEEN_AANVRAAG -> decisionSent ? "U heeft ons antwoord gekregen. Hierboven leest u het." : decided;
            case BEEINDIGD -> "De gemeente heeft de behandeling beëindigd. Heeft u vragen? Bel 14 030 en noem uw zaaknummer.";
            default -> "Wij behandelen uw verzoek. Op deze pagina ziet u wat er gebeurt.";
        };
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
            // Awb 4:15: the term stands still from the day after the request was sent; on that day itself it still runs.
            LocalDate sentOn = file.suspendedSince().minusDays(1);
            LocalDate ifSupplementedToday = new Suspension(sentOn, today).deadlineAfter(deadline, today, calendar).end();
            return new StatusView.Deadline(DutchFormat.dayAndDate(ifSupplementedToday), ChronoUnit.DAYS.between(today, ifSupplementedToday),
                    true, DutchFormat.date(sentOn), DutchFormat.date(file.suspendedSince()),
                    !today.isBefore(file.suspendedSince()), file.deadlineExtended(), DutchFormat.dayAndDate(announced), history);
        }
        return new StatusView.Deadline(DutchFormat.dayAndDate(end), ChronoUnit.DAYS.between(today, end), false, null,
                null, false, file.deadlineExtended(), DutchFormat.dayAndDate(announced), history);
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
        if (file.outcome().isAnswer()) {
            return answer(file, events, motivation, decidedOn);
        }
        return switch (file.outcome()) {
            case TOEGEKEND -> new StatusView.Decision(file.outcome().label(),
                    DutchFormat.euro(file.decidedAmount()), null, "Motivering", motivation, decidedOn);
            // Awb 4:25 lid 2, 3:46: less than asked is a partial refusal, and the page says so.
            case GEDEELTELIJK_TOEGEKEND -> new StatusView.Decision(file.outcome().label(),
                    DutchFormat.euro(file.decidedAmount()), null, "Motivering", motivation, decidedOn)
                    .withPartial(file.amountRequested() == null ? null : "U vroeg " + DutchFormat.euro(file.amountRequested())
                            + ". Wij kennen " + DutchFormat.euro(file.decidedAmount()) + " toe; voor het overige wijzen wij "
                            + "uw aanvraag af. Waarom, leest u in de motivering.");
            case AFGEWEZEN, AFGEWEZEN_PLAFOND -> new StatusView.Decision(file.outcome().label(), null, null, "Motivering", motivation, decidedOn);
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
            default -> throw new IllegalStateException("Geen uitkomst voor de bewoner: " + file.outcome());
        };
    }

    /**
     * Route verzoek (LEGAL.md 1): the municipality's answer with what and when, as "Verzoek beantwoorden" recorded it;
     * not a decision, so no objection clause (Awb 3:45 does not apply).
     */
    private static StatusView.Decision answer(CaseFile file, List<CaseEvent> events, String motivation, String decidedOn) {
        String answer = motivation;
        for (CaseEvent event : events) {
            if (CaseEventType.REQUEST_ANSWERED.equals(event.type()) && event.detail() != null) {
                String prefix = file.outcome().label() + ". ";
                answer = event.detail().startsWith(prefix) ? event.detail().substring(prefix.length()) : event.detail();
            }
        }
        return new StatusView.Decision(file.outcome().label(), null,
                "U vroeg de gemeente om iets te doen. Dit is ons antwoord daarop; het is geen besluit.",
                "Ons antwoord", answer, decidedOn, false);
    }
}
