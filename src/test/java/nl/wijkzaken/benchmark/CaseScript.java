package nl.wijkzaken.benchmark;

import nl.wijkzaken.support.TestAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one case goes through, in order: the start and then each user task with who does it and what they submit.
 * Both drivers (Java API, REST) follow the same script.
 *
 * @param processKey      the process definition key
 * @param startVariables  what the start form submits
 * @param businessKey     business key to start with (null: the process assigns one, as resident-request does)
 * @param awaitFirstTask  true when the first task only appears after an asynchronous step (the acknowledgement)
 * @param steps           the user tasks of the case, in the order they are done
 */
record CaseScript(String processKey, Map<String, Object> startVariables, String businessKey, boolean awaitFirstTask,
                  List<Step> steps) {

    /** A user task: found by task key (and candidate group where several are open), claimed and submitted. */
    record Step(String taskKey, String candidateGroup, String user, Map<String, Object> variables) {
    }

    static final String CATEGORY = "evenement-of-activiteit";
    static final double AMOUNT_REQUESTED = 18000;
    static final long AGREED_AMOUNT = 15000;

    /**
     * The regular path of resident-request: a large event (triage: all three domains advise), complete, one
     * negative advice (so deliberation is needed), agreement on a lower amount that is still above the co-sign
     * threshold (decision-mandate: the gebiedsmanager decides, the wethouder co-signs), granted, co-signed. The
     * grant is what the Decide step reserves from the neighbourhood's budget.
     */
    static CaseScript regular(String neighbourhood, int index) {
        Map<String, Object> start = new LinkedHashMap<>();
        start.put("applicantName", "Bewoner " + index);
        start.put("applicantEmail", "bewoner" + index + "@benchmark.example");
        start.put("onBehalfOfGroup", "Buurtvereniging " + Organisation.name(neighbourhood));
        start.put("neighbourhood", neighbourhood);
        start.put("category", CATEGORY);
        start.put("title", "Buurtfeest " + index);
        start.put("description", "Een buurtfeest op het plein met podium, afsluiting van de straat en activiteiten voor kinderen.");
        start.put("amountRequested", AMOUNT_REQUESTED);
        start.put("urgency", "normaal");
        start.put("carriedOutBy", "bewoners");
        start.put("location", "Dorpsplein " + (index % 100));
        start.put("channel", "balie");
        start.putAll(TestAddress.with(Map.of()));
        // Decisions by e-mail (the resident's consent, Awb 2:8), so the case ends when the mail went out.
        start.put("decisionChannel", "e-mail");
        start.put("emailConsent", true);
        String wijkmanager = Organisation.wijkmanager(neighbourhood);
        return new CaseScript("resident-request", start, null, true, List.of(
                new Step("CheckCompleteness", null, wijkmanager, check()),
                new Step("GiveAdvice", "advies-veiligheid", "adv.veiligheid", advice("negatief")),
                new Step("GiveAdvice", "advies-fysiek", "adv.fysiek", advice("positief")),
                new Step("GiveAdvice", "advies-sociaal", "adv.sociaal", advice("positief")),
                new Step("Deliberate", null, wijkmanager, deliberation()),
                new Step("Decide", null, "gebiedsmanager", decision()),
                new Step("CoSignDecision", null, "wethouder", Map.of("coSignDecision", "akkoord", "coSignRemark", "Akkoord.")),
                // The front office's receipt runs beside the case (registered at the desk) and closes last here.
                new Step("GiveReceipt", null, "balie", Map.of())));
    }

    /** The same seven tasks, users and form values in benchmark/plain-seven-tasks.bpmn. */
    static CaseScript plain(int index) {
        Map<String, Object> start = new LinkedHashMap<>(regular("breukelen", index).startVariables());
        start.remove("decisionChannel");
        start.remove("emailConsent");
        return new CaseScript(Organisation.PLAIN_PROCESS, start, "PLAIN-" + index,
                false, List.of(
                new Step("CheckCompleteness", null, "wm.breukelen", check()),
                new Step("AdviceVeiligheid", null, "adv.veiligheid", advice("negatief")),
                new Step("AdviceFysiek", null, "adv.fysiek", advice("positief")),
                new Step("AdviceSociaal", null, "adv.sociaal", advice("positief")),
                new Step("Deliberate", null, "wm.breukelen", deliberation()),
                new Step("Decide", null, "gebiedsmanager", decision()),
                new Step("CoSignDecision", null, "wethouder", Map.of("coSignDecision", "akkoord", "coSignRemark", "Akkoord."))));
    }

    private static Map<String, Object> check() {
        return Map.of("completeness", "compleet", "completenessMotivation", "Alle stukken zijn aanwezig.");
    }

    private static Map<String, Object> advice(String outcome) {
        return Map.of("adviceOutcome", outcome, "adviceMotivation",
                outcome.equals("negatief") ? "Te weinig ruimte voor hulpdiensten op het plein." : "Past binnen het beleid.");
    }

    private static Map<String, Object> deliberation() {
        return Map.of("deliberationDate", "2026-12-01", "participants", "Bewoners, wijkmanager, adviseurs",
                "positions", "Veiligheid wil een vrije doorgang, bewoners willen het plein gebruiken.",
                "agreementReached", true, "agreedMeasures", "Kleiner podium, vrije doorgang van 4,5 meter.",
                "revisedAmount", AGREED_AMOUNT,
                // The applicant confirmed the smaller plan in writing: the agreed amount is the application now (LEGAL.md 3).
                "writtenChange", true, "writtenChangeDate", "2026-12-01", "writtenChangeAmount", AGREED_AMOUNT);
    }

    private static Map<String, Object> decision() {
        return Map.of("outcome", "toegekend", "decisionMotivation", "Het aangepaste plan past binnen het buurtbudget.");
    }
}
