package nl.wijkzaken.audit;

import java.util.List;

/**
 * Everything that happened to one case, in order, with the versions of the models it ran on.
 */
public record CaseDossier(String caseNumber, String processInstanceId, String state, List<ModelVersion> models,
                          List<DossierEntry> timeline) {

    /** A deployed model (process or decision) in the version this case used. */
    public record ModelVersion(String type, String key, String name, int version, String deploymentId,
                               String resourceName) {
    }
}
