/**
 * The deployment policy for process owners: which BPMN/DMN/form may be deployed, with which expressions;
 * the policy itself in {@code internal}, refusals published for the audit pages.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"refusal"})
package nl.wijkzaken.models;
