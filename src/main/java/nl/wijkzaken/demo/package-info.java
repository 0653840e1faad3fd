/**
 * Demo users, groups and data for a first start; off in production.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"budget", "neighbourhood"})
package nl.wijkzaken.demo;
