/**
 * The inventory (contract 1.1): the engine's own copy of the provisioning system's
 * service records, who owns each service and which addresses it holds, and the changes
 * that end access granted on an older record.
 */
@ApplicationModule(allowedDependencies = { "access" })
package net.port25.workflow.inventory;

import org.springframework.modulith.ApplicationModule;
