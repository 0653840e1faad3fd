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
import nl.wijkzaken.casefile.DeliveryChoice;
import nl.wijkzaken.casefile.Outcome;
import nl.wijkzaken.deadline.AwbTerms;
import nl.wijkzaken.deadline.LegalCalendar;
import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.ConsentSource;
import nl.wijkzaken.intake.DecisionChannel;
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
            CaseStatus.BUITEN_BEHANDELING.text(), CaseStatus.NIET_ONTVANKELIJK.text());

    private final Neighbourhoods neighbourhoods;
    private final CaseFiles caseFiles;
    private final Supplements supplements;
    private final LegalCalendar calendar;

    StatusViews(Neighbourhoods neighbourhoods, CaseFiles caseFiles, Supplements supplements, LegalCalendar calendar) {
        this.neighbourhoods = neighbourhoods;
        this.caseFiles = caseFiles;
        this.supplements = supplements;
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
                    null, null, null, false, null);
        }
        CaseFile file = found.get();
        List<CaseEvent> events = caseFiles.events(file.caseNumber());
        boolean ended = file.outcome() != null;
        StatusView.SupplementRequest supplement = ended ? null : supplements.requested(residentCase)
                .map(request -> new StatusView.SupplementRequest(request.missingInformation(),
                        request.lastDay() == null ? null : DutchFormat.date(request.lastDay())))
                .orElse(null);
        Optional<DeliveryChoice> choice = caseFiles.deliveryChoice(file.caseNumber());
        StatusView.Delivery delivery = choice.map(c -> delivery(file, c)).orElse(null);
        String channelWords = delivery == null ? null : delivery.channel();
        Optional<LocalDate> sentOn = caseFiles.decisionSentOn(file.caseNumber());
        // Awb 3:40/3:41: a decision takes effect when it is sent; the page shows it from then on.
        boolean showDecision = ended && (sentOn.isPresent() || file.outcome() == Outcome.BEEINDIGD);
        return new StatusView(file.caseNumber(), file.title(), neighbourhood, DutchFormat.date(file.receivedOn()),
                file.ownerTeam(), file.statusText(), whatNext(file.status(), sentOn.isPresent(), channelWords),
                asked(residentCase, file), timeline(events), ended ? null : deadline(file, EngineClock.today()),
                supplement, showDecision ? decision(file, events, sentOn.orElse(null), channelWords, calendar) : null,
                ended && !showDecision, delivery);
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
            case NIET_ONTVANKELIJK -> decisionSent
                    ? "Wij nemen uw verzoek niet in behandeling. Hierboven leest u waarom." : decided;
            case BEEINDIGD -> "De gemeente heeft de behandeling beëindigd. Heeft u vragen? Bel 14 030 en noem uw zaaknummer.";
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

    /** Days counted in calendar days (Awb); while suspended the count stands still at what remained. */
    static StatusView.Deadline deadline(CaseFile file, LocalDate today) {
        LocalDate deadline = file.legalDeadline();
        if (file.suspendedSince() != null) {
            // Awb 4:15: the term stands still from the day after the request; on the day itself it still runs.
            LocalDate requestedOn = file.suspendedSince().minusDays(1);
            LocalDate ifSupplementedToday = AwbTerms.afterSuspension(deadline, requestedOn, today);
            return new StatusView.Deadline(DutchFormat.date(ifSupplementedToday), ChronoUnit.DAYS.between(requestedOn, deadline),
                    true, DutchFormat.date(requestedOn), DutchFormat.date(file.suspendedSince()),
                    !today.isBefore(file.suspendedSince()), file.deadlineExtended());
        }
        return new StatusView.Deadline(DutchFormat.date(deadline), ChronoUnit.DAYS.between(today, deadline), false, null,
                null, false, file.deadlineExtended());
    }

    /** The decision as sent ({@code sentOn}; null only for a case the municipality ended without a decision). */
    static StatusView.Decision decision(CaseFile file, List<CaseEvent> events, LocalDate sentOn, String channelWords,
                                        LegalCalendar calendar) {
        CaseEvent conclusion = null;
        for (CaseEvent event : events) {
            if (CaseEventType.STATUS.equals(event.type()) && CONCLUSIONS.contains(event.statusText())) {
                conclusion = event;
            }
        }
        String motivation = conclusion == null ? null : conclusion.detail();
        String sent = DutchFormat.date(sentOn);
        // Awb 6:7/6:8: six weeks from the day after sending, moved by the Algemene termijnenwet.
        String objectionUntil = sentOn == null ? null : DutchFormat.date(calendar.objectionTermEnd(sentOn));
        return switch (file.outcome()) {
            case TOEGEKEND -> new StatusView.Decision(file.outcome().label(), DutchFormat.euro(file.decidedAmount()), null,
                    null, "Motivering", motivation, sent, channelWords, objectionUntil);
            case GEDEELTELIJK_TOEGEKEND -> new StatusView.Decision(file.outcome().label(),
                    DutchFormat.euro(file.decidedAmount()), file.amountRequested() == null ? null
                            : "U vroeg " + DutchFormat.euro(file.amountRequested()) + ". Wij kennen " + DutchFormat.euro(
                                    file.decidedAmount()) + " toe; voor het overige wijzen wij uw aanvraag af. Waarom, "
                                    + "leest u in de motivering.",
                    null, "Motivering", motivation, sent, channelWords, objectionUntil);
            case AFGEWEZEN -> new StatusView.Decision(file.outcome().label(), null, null, null, "Motivering", motivation,
                    sent, channelWords, objectionUntil);
            case BUITEN_BEHANDELING -> new StatusView.Decision(file.outcome().label(), null, null,
                    "Wij hebben de gevraagde aanvulling niet op tijd ontvangen. Daarom nemen wij uw verzoek niet verder "
                            + "in behandeling (artikel 4:5 van de Algemene wet bestuursrecht). U kunt een nieuw verzoek indienen.",
                    "Gevraagde aanvulling", motivation, sent, channelWords, objectionUntil);
            case NIET_ONTVANKELIJK -> new StatusView.Decision("Niet in behandeling genomen", null, null,
                    "Wij kunnen uw verzoek niet in behandeling nemen.", "Reden", motivation, sent, channelWords,
                    objectionUntil);
            // The case was deleted by the municipality: no decision, and no internal detail for the resident.
            case BEEINDIGD -> new StatusView.Decision("Behandeling beëindigd", null, null,
                    "De gemeente heeft de behandeling van uw verzoek beëindigd zonder besluit. Heeft u hierover vragen? "
                            + "Neem dan contact op met de gemeente en noem uw zaaknummer.", null, null, null, null, null);
        };
    }
}
