/**
 * Intake: requests as customers send them (structured or in the recommended format),
 * completeness, the info-request loop and withdrawal.
 */
@ApplicationModule(allowedDependencies = { "request", "inventory", "access", "audit" })
package net.port25.workflow.intake;

import org.springframework.modulith.ApplicationModule;
