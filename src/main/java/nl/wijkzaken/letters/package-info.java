/**
 * Letters to residents: HTML templates (editable, built-in under templates/letters/ or an external directory) rendered
 * to PDF/A, one per kind of letter (decision types and letters that are not decisions), and the letters of a case as
 * stored and sent. {@code PdfTemplates} (HTML template to PDF) is published for the dossier PDF too.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"deadline", "refusal", "shared"})
package nl.wijkzaken.letters;
