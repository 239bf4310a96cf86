/**
 * Revocation: abuse reports, the abuse review, and revoking access at once (abuse or
 * staff), without a job executor between the report and the port-close command.
 */
@ApplicationModule(allowedDependencies = { "request", "inventory", "access", "audit", "staff" })
package net.port25.workflow.revocation;

import org.springframework.modulith.ApplicationModule;
