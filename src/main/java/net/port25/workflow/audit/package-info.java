/** The append-only audit trail: who did what, when and why. It knows no capability. */
@ApplicationModule(allowedDependencies = {})
package net.port25.workflow.audit;

import org.springframework.modulith.ApplicationModule;
