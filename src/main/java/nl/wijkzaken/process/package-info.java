/**
 * The resident-request process: its vocabulary ({@link nl.wijkzaken.process.ResidentRequestProcess}: process key,
 * task ids, message names, variable names) and, once moved here, every bean the diagram calls.
 */
package nl.wijkzaken.process;
