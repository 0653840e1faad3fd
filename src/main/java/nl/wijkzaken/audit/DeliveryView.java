package nl.wijkzaken.audit;

import java.util.List;
import java.util.Optional;

import nl.wijkzaken.casefile.CaseEventType;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.casefile.DeliveryChoice;
import nl.wijkzaken.shared.DutchFormat;

/**
 * The dossier's "Verzending van besluiten": the postal address (Awb 4:2), how decisions are sent, and the history of
 * the consent for e-mail (Awb 2:8: given when and where, withdrawn when), from the case file and its events.
 */
record DeliveryView(String channel, String address, String consentGiven, String consentWithdrawn, List<Entry> history) {

    /** One recorded choice or withdrawal, in words. */
    record Entry(String when, String event, String description) {
    }

    /** Empty for cases registered before the channel was asked. */
    static Optional<DeliveryView> of(CaseFiles caseFiles, String caseNumber) {
        Optional<DeliveryChoice> found = caseFiles.deliveryChoice(caseNumber).filter(choice -> choice.channel() != null);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        DeliveryChoice choice = found.get();
        List<Entry> history = caseFiles.events(caseNumber).stream()
                .filter(event -> event.type() == CaseEventType.DECISION_CHANNEL_CHOSEN
                        || event.type() == CaseEventType.EMAIL_CONSENT_WITHDRAWN)
                .map(event -> new Entry(DutchFormat.dateTime(event.occurredAt().atZone(DutchFormat.ZONE).toInstant()),
                        event.type().label(), event.detail()))
                .toList();
        // The channel codes are Dutch words ("post", "e-mail").
        return Optional.of(new DeliveryView("per " + choice.channel(), choice.addressLine(),
                choice.emailConsentAt() == null ? "niet gegeven"
                        : DutchFormat.dateTime(choice.emailConsentAt().atZone(DutchFormat.ZONE).toInstant()),
                choice.emailConsentWithdrawnAt() == null ? null
                        : DutchFormat.dateTime(choice.emailConsentWithdrawnAt().atZone(DutchFormat.ZONE).toInstant()),
                history));
    }
}
