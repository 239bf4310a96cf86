/**
 * Staff work shared by the capabilities: staff tasks left undone too long are escalated
 * to the leads.
 */
@ApplicationModule(allowedDependencies = { "access", "audit" })
package net.port25.workflow.staff;

import org.springframework.modulith.ApplicationModule;
