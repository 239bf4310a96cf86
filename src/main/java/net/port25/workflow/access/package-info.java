/**
 * The shared kernel: the contract's states, service types and channels, who acts, the
 * outbound ports (replies, network commands, access changes) and the message catalog of
 * customer texts. It knows no capability.
 */
@ApplicationModule(allowedDependencies = {})
package net.port25.workflow.access;

import org.springframework.modulith.ApplicationModule;
