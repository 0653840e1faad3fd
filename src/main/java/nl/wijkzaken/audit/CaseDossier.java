package nl.wijkzaken.audit;

import java.util.List;

/**
 * Everything that happened to one case, in order, with the versions of the models it ran on and a summary of who
 * decided, on which rule, and within or after the legal deadline.
 */
public record CaseDossier(String caseNumber, String processInstanceId, String state, DossierSummary summary,
                          List<ModelVersion> models, List<DossierEntry> timeline) {

    /**
     * A deployed model (process, decision table or form) in the version this case used. For forms bound to the
     * deployment (as all of ours are) that is the form deployed together with the process version.
     */
    public record ModelVersion(String type, String key, String name, int version, String deploymentId,
                               String resourceName) {
    }
}
