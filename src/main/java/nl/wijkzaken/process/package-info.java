/**
 * The glue of resident-request.bpmn: every bean the diagram calls (by expression), in one place. Calls
 * casefile, budget and mail through their published APIs; nobody depends on the process module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"budget", "casefile", "deadline", "intake", "letters", "mail", "mandate", "models", "neighbourhood", "refusal", "residents", "shared", "subsidy"})
package nl.wijkzaken.process;
