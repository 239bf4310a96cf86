/**
 * Enablement: who opens the port once access is approved (staff, or the cMetal customer's
 * switch), and the switch.
 */
@ApplicationModule(allowedDependencies = { "request", "inventory", "access", "audit", "staff" })
package net.port25.workflow.enablement;

import org.springframework.modulith.ApplicationModule;
