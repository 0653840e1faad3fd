package nl.wijkzaken.benchmark;

/** Drives cases through one of the system's interfaces, as the people in the script would. */
interface CaseDriver {

    /** A started case. */
    record StartedCase(String processInstanceId, String businessKey) {
    }

    String name();

    /** Starts the case as the front office ({@code balie}) with the script's start form values. */
    StartedCase start(CaseScript script) throws Exception;

    /** The step's user finds the task of the case, claims it and submits the form. */
    void work(StartedCase started, CaseScript.Step step, Latencies latencies) throws Exception;

    /** True when the failure is the engine's optimistic lock: another transaction changed the case; try again. */
    boolean isConflict(Exception e);
}
