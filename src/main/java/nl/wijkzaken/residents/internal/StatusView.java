package nl.wijkzaken.residents.internal;

import java.util.List;

/**
 * Everything the status page shows, from the case file. Null means "not known (yet)" or "not applicable"; the page
 * shows a neutral text then.
 *
 * @param currentStatus the latest resident-facing status text
 * @param whatNext      a short "Wat gebeurt er nu?" for the current status
 * @param asked         what the resident asked, repeated
 * @param deadline      the legal deadline while the case runs; null once it has an outcome
 * @param supplement    what the municipality asked, while the case waits for the resident's supplement
 * @param decision      the decision, once it was sent (Awb 3:40/3:41: it takes effect by sending), or how the case ended
 *                      without one
 * @param decisionTaken a decision was taken but not yet sent: the page says it is on its way
 * @param delivery      how the resident receives decisions, and the consent for e-mail
 */
record StatusView(String caseNumber, String title, String neighbourhoodName, String receivedOn, String handlingTeam,
                  String currentStatus, String whatNext, Asked asked, List<TimelineEntry> timeline, Deadline deadline,
                  SupplementRequest supplement, Decision decision, boolean decisionTaken, Delivery delivery) {

    /** One resident-facing status text ("Verzoek ontvangen", "In behandeling", ...) with its date. */
    record TimelineEntry(String date, String text) {
    }

    /** What the resident asked: subject (category), description and amount, as submitted. */
    record Asked(String subject, String description, String amount) {
    }

    /**
     * The legal deadline. While {@code paused} (the case waits for the resident) the days do not run:
     * {@code daysLeft} is what remains once the supplement is in, {@code dueDate} the deadline if it came in today,
     * {@code requestedOn} the day we asked, {@code pausedSince} the first day of the suspension (Awb 4:15: the day
     * after the request), {@code pauseStarted} whether that day has come. {@code daysLeft} is negative once the
     * deadline has passed.
     */
    record Deadline(String dueDate, long daysLeft, boolean paused, String requestedOn, String pausedSince,
                    boolean pauseStarted, boolean extended) {

        public boolean passed() {
            return daysLeft < 0;
        }
    }

    /** The request for a supplement: what is missing and the last day to send it. */
    record SupplementRequest(String missingInformation, String lastDay) {
    }

    /**
     * How the case ended: the outcome in words, the amount granted (if any) with what was asked for a partial grant,
     * an explanation for endings other than a decision on the request itself, the motivation, the date of sending and
     * the last day to object (Awb 6:7/6:8 and the Algemene termijnenwet); {@code objectionUntil} is null for an ending
     * without a decision.
     */
    record Decision(String outcome, String amount, String partial, String explanation, String motivationLabel,
                    String motivation, String sentOn, String channel, String objectionUntil) {
    }

    /**
     * How decisions reach the resident: {@code channel} in words, the postal address, the e-mail address decisions
     * go to (only with consent), when and where consent was given and when it was withdrawn.
     */
    record Delivery(String channel, String address, String email, String consentGiven, String consentWithdrawn,
                    boolean canWithdraw) {
    }
}
