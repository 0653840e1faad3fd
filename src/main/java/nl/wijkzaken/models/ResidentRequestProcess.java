package nl.wijkzaken.models;

/**
 * The names {@code processes/resident-request.bpmn} and its DMN tables and forms share with Java: the one place
 * Java spells them. Renaming an id in the diagram means renaming it here (the README's "The resident-request
 * process" documents them as the process's contract).
 */
public final class ResidentRequestProcess {

    public static final String KEY = "resident-request";

    private ResidentRequestProcess() {
    }

    /** Ids of the diagram's activities that Java looks up (user tasks and timers). */
    public static final class Tasks {
        public static final String CHECK_COMPLETENESS = "CheckCompleteness";
        public static final String GIVE_ADVICE = "GiveAdvice";
        public static final String DELIBERATE = "Deliberate";
        public static final String DECIDE = "Decide";
        public static final String HANDLE_FAST_LANE = "HandleFastLane";
        public static final String CO_SIGN_DECISION = "CoSignDecision";
        public static final String DEADLINE_APPROACHING = "DeadlineApproaching";
        public static final String HANDLE_ESCALATION = "HandleEscalation";
        /** "Per post verzenden": the front office prints the decision letter and posts it. */
        public static final String SEND_BY_POST = "SendByPost";
        /** Boundary timers on the handling sub-process; their jobs move with the legal deadline. */
        public static final String REMINDER_TIMER = "ReminderTimer";
        public static final String ESCALATION_TIMER = "EscalationTimer";

        private Tasks() {
        }
    }

    /** BPMN message names, as correlated from Java. */
    public static final class Messages {
        /** The resident's supplement from the status page; caught by "Aanvulling ontvangen". */
        public static final String SUPPLEMENT_RECEIVED = "aanvulling-ontvangen";

        private Messages() {
        }
    }

    /** External task topics. */
    public static final class Topics {
        /** Every message to the resident; the step's local variable {@link Variables#MESSAGE_TYPE} names the template. */
        public static final String RESIDENT_MESSAGE = "resident-message";

        private Topics() {
        }
    }

    /** Keys of the decision tables Java reads results of. */
    public static final class Decisions {
        public static final String MANDATE = "decision-mandate";

        private Decisions() {
        }
    }

    /** Process variables that more than one class reads or writes. */
    public static final class Variables {
        public static final String CASE_NUMBER = "caseNumber";
        public static final String CHANNEL = "channel";
        public static final String APPLICANT_NAME = "applicantName";
        public static final String APPLICANT_EMAIL = "applicantEmail";
        public static final String NEIGHBOURHOOD = "neighbourhood";
        public static final String CATEGORY = "category";
        public static final String TITLE = "title";
        public static final String URGENCY = "urgency";
        public static final String AMOUNT_REQUESTED = "amountRequested";
        public static final String RECEIVED_ON = "receivedOn";
        public static final String OWNER_GROUP = "ownerGroup";
        public static final String OWNER_TEAM = "ownerTeam";
        public static final String LEGAL_DEADLINE = "legalDeadline";
        public static final String SUPPLEMENT_REQUESTED_ON = "supplementRequestedOn";
        public static final String REPAIR_TERM_ENDS_AT = "repairTermEndsAt";
        /** The owner's judgement in "Volledigheid beoordelen": compleet, incompleet or niet-ontvankelijk. */
        public static final String COMPLETENESS = "completeness";
        public static final String COMPLETENESS_MOTIVATION = "completenessMotivation";
        public static final String EXTENSION_REASON = "extensionReason";
        /** The amount the decider decides on: the requested amount, or the amount agreed in deliberation. */
        public static final String AMOUNT_TO_DECIDE = "amountToDecide";
        /** An outcome code (casefile's {@code Outcome}). */
        public static final String OUTCOME = "outcome";
        public static final String DECIDED_AMOUNT = "decidedAmount";
        public static final String DECIDED_BY = "decidedBy";
        public static final String DECISION_MOTIVATION = "decisionMotivation";
        public static final String CO_SIGN_AGREED = "coSignAgreed";
        public static final String CO_SIGN_REMARK = "coSignRemark";
        /** The mail template of a message step (local to the step). */
        public static final String MESSAGE_TYPE = "messageType";
        /** How decisions reach the resident: {@code post} or {@code e-mail} (asked at intake; consent for e-mail). */
        public static final String DECISION_CHANNEL = "decisionChannel";
        public static final String POSTAL_STREET = "postalStreet";
        public static final String POSTAL_HOUSE_NUMBER = "postalHouseNumber";
        public static final String POSTAL_CODE = "postalCode";
        public static final String POSTAL_PLACE = "postalPlace";
        /** The stored letter of the outcome ({@code decision_letter.id}), set by "Brief opstellen". */
        public static final String LETTER_ID = "letterId";
        /** The mail template of the outcome, set when the case is concluded. */
        public static final String RESULT_MESSAGE_TYPE = "resultMessageType";
        /** The resident's supplement, correlated with {@link Messages#SUPPLEMENT_RECEIVED}. */
        public static final String SUPPLEMENT_TEXT = "supplementText";

        private Variables() {
        }
    }
}
