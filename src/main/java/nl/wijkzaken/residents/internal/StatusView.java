package nl.wijkzaken.residents.internal;

import java.util.List;

/**
 * Everything the status page shows, from the case file. Null means "not known (yet)" or "not applicable"; the page
 * shows a neutral text then.
 *
 * @param currentStatus  the latest resident-facing status text
 * @param whatNext       a short "Wat gebeurt er nu?" for the current status
 * @param asked          what the resident asked, repeated
 * @param deadline       the legal deadline while the case runs; null once it has an outcome
 * @param supplement     what the municipality asked, while the case waits for the resident's supplement
 * @param decision       how the case ended, once it has an outcome and its letter was sent (Awb 3:40/3:41: a decision
 *                       takes effect when it is sent)
 * @param dispatchNotice while the outcome is known but its letter not yet sent: what the resident waits for
 * @param delivery       how the resident receives decisions, and the consent for e-mail
 * @param allocationPlace a subsidy application's own place in the allocation order of the ceiling (Awb 4:26), without
 *                       other residents' data; null without a place
 */
record StatusView(String caseNumber, String title, String neighbourhoodName, String receivedOn, String handlingTeam,
                  String currentStatus, String whatNext, Asked asked, List<TimelineEntry> timeline, Deadline deadline,
                  SupplementRequest supplement, Decision decision, String dispatchNotice, Delivery delivery,
                  String allocationPlace) {

    /** One resident-facing status text ("Verzoek ontvangen", "In behandeling", ...) with its date. */
    record TimelineEntry(String date, String text) {
    }

    /** What the resident asked: subject (category), description and amount, as submitted. */
    record Asked(String subject, String description, String amount) {
    }

    /**
     * The legal deadline ("maandag 28 december 2026", Atw-moved). While {@code paused} (the case waits for the
     * resident) the days do not run: {@code daysLeft} is what remains once the supplement is in, {@code dueDate} the
     * deadline if it came in today, {@code requestedOn} the day we asked, {@code pausedSince} the first day of the
     * suspension (Awb 4:15: the day after the request), {@code pauseStarted} whether that day has come.
     * {@code daysLeft} is negative once the deadline has passed. {@code announcedDate} is the later date named in a
     * notice of extension when the term is set by regulation and the notice did not move the legal deadline
     * (Awb 4:14); {@code history} every change of the deadline in the resident's words.
     */
    record Deadline(String dueDate, long daysLeft, boolean paused, String requestedOn, String pausedSince,
                    boolean pauseStarted, boolean extended, String announcedDate, List<TimelineEntry> history) {

        public boolean passed() {
            return daysLeft < 0;
        }
    }

    /**
     * The request for a supplement: what is missing and the last day to send it; {@code termLapsed} once that day has
     * passed and a 4:5 decision follows (a supplement is still taken until then).
     */
    record SupplementRequest(String missingInformation, String lastDay, boolean termLapsed) {
    }

    /**
     * How the case ended: the outcome in words, the amount granted (if any) and for a partial grant what was asked,
     * an explanation for endings other than a decision on the request itself, the motivation and the date; once its
     * letter went out also the letter (to download), the day and way it was sent, and the last day to object.
     * Decisions are open to objection; a forwarding (Awb 2:3) and an answer to what is no application are not
     * ({@code besluit} false, and their letter names no objection term).
     */
    record Decision(String outcome, String amount, String partial, String explanation, String motivationLabel,
                    String motivation, String decidedOn, boolean besluit, Letter letter) {

        Decision(String outcome, String amount, String explanation, String motivationLabel, String motivation,
                 String decidedOn) {
            this(outcome, amount, null, explanation, motivationLabel, motivation, decidedOn, true, null);
        }

        Decision(String outcome, String amount, String explanation, String motivationLabel, String motivation,
                 String decidedOn, boolean besluit) {
            this(outcome, amount, null, explanation, motivationLabel, motivation, decidedOn, besluit, null);
        }

        Decision withPartial(String text) {
            return new Decision(outcome, amount, text, explanation, motivationLabel, motivation, decidedOn, besluit, letter);
        }

        Decision withLetter(Letter sent) {
            return new Decision(outcome, amount, partial, explanation, motivationLabel, motivation, decidedOn, besluit, sent);
        }

        /** Open to objection: a decision whose letter (if sent) names an objection term. */
        public boolean objectionPossible() {
            return besluit && (letter == null || letter.objectionUntil() != null);
        }
    }

    /** The letter as sent: its id (for the download link), the day and channel ("per post"), the last day to object. */
    record Letter(long id, String fileName, String sentOn, String channel, String objectionUntil) {
    }

    /**
     * How decisions reach the resident: {@code channel} in words, the postal address, the e-mail address decisions
     * go to (only with consent), when and where consent was given and when it was withdrawn.
     */
    record Delivery(String channel, String address, String email, String consentGiven, String consentWithdrawn,
                    boolean canWithdraw) {
    }
}
