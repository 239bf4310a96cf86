package net.port25.workflow.api;

import java.util.List;

/** One page of requests; {@code page} counts from 0. */
record RequestPage(List<RequestSummary> content, int page, int size, long totalElements) {
}
