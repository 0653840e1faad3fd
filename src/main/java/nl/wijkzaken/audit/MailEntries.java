package nl.wijkzaken.audit;

import nl.wijkzaken.mail.MailHistory.MailRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import nl.wijkzaken.mail.MailHistory;

/** Every mail to the resident of a case, sent or still waiting for the mail server, for the dossier. */
@Component
class MailEntries implements DossierSource {

    private final MailHistory mails;

    MailEntries(MailHistory mails) {
        this.mails = mails;
    }

    @Override
    public List<DossierEntry> entriesFor(String caseNumber) {
        return mails.ofCase(caseNumber).stream()
                .map(mail -> new DossierEntry(mail.sent() ? mail.sentAt() : mail.createdAt(),
                        DossierEntry.Kind.MAIL, "systeem",
                        "E-mail '" + mail.type().template() + "' aan " + mail.recipient()
                                + (mail.sent() ? " verstuurd" : " wacht op verzending" + failures(mail.attempts())),
                        details(mail)))
                .toList();
    }

    private static String failures(int attempts) {
        return attempts == 0 ? "" : attempts == 1 ? " (1 mislukte poging)" : " (" + attempts + " mislukte pogingen)";
    }

    private static Map<String, Object> details(MailRecord mail) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("messageId", mail.messageId());
        details.put("template", mail.type().template());
        details.put("status", mail.status());
        if (mail.lastError() != null) {
            details.put("lastError", mail.lastError());
        }
        return details;
    }
}
