package net.port25.workflow.request;

/**
 * A finding was added to a request outside its review (an abuse report while it was
 * pending).
 */
public record FindingAdded(String requestRef, Finding finding) {
}
