/**
 * The request record: one row per port 25 request, from submission until its access ends.
 * Its public face is {@link net.port25.workflow.request.Requests}; the SQL stays inside.
 */
@ApplicationModule(allowedDependencies = { "access", "audit" })
package net.port25.workflow.request;

import org.springframework.modulith.ApplicationModule;
