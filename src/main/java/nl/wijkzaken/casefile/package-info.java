/**
 * The case record and its register: {@code CaseFile}, {@code CaseFiles} (write and read case files and
 * their events), {@code CaseFileRegister} (search), case statuses, events and numbers.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"models", "shared"})
package nl.wijkzaken.casefile;
