/**
 * The process owner's models as Java knows them: the names the diagram shares with Java
 * ({@link nl.wijkzaken.models.ResidentRequestProcess}: process key, task ids, message and variable names), and the
 * deployment policy (which BPMN/DMN/form may be deployed, with which expressions; in {@code internal}), its refusals
 * published for the audit pages.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"refusal", "shared"})
package nl.wijkzaken.models;
