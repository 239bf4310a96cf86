package net.port25.workflow.api;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import net.port25.workflow.access.AccessStatus;
import net.port25.workflow.audit.AuditTrail;
import net.port25.workflow.intake.RequestIntake;
import net.port25.workflow.request.RequestRecord;
import net.port25.workflow.request.Requests;
import net.port25.workflow.intake.RequestSubmitted;
import net.port25.workflow.intake.Submission;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

@RestController
@RequestMapping("/api/requests")
@Tag(name = "Requests", description = "Port 25 requests: submit, look up, list")
class RequestsController {

	private final Requests requests;

	private final AuditTrail audit;

	private final RequestIntake intake;

	RequestsController(Requests requests, AuditTrail audit, RequestIntake intake) {
		this.requests = requests;
		this.audit = audit;
		this.intake = intake;
	}

	@GetMapping("/{requestRef}")
	@Operation(summary = "A request with its facts, missing facts, findings and audit trail")
	RequestDetails request(Caller caller, @PathVariable String requestRef) {
		caller.requireReader();
		RequestRecord record = requests.find(requestRef)
			.filter(found -> caller.sees(found.customerId()))
			.orElseThrow(() -> new RequestNotFound("no request " + requestRef));
		return RequestDetails.of(record, caller.readable(audit.forRequest(requestRef)));
	}

	@GetMapping
	@Operation(summary = "Requests, newest first; a customer sees only their own")
	RequestPage requests(Caller caller, @RequestParam(required = false) String customerId,
			@RequestParam(required = false) String serviceId, @RequestParam(required = false) AccessStatus status,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		caller.requireReader();
		String customer = customerId;
		if (caller.isCustomer()) {
			if (customerId != null && !customerId.equals(caller.customerId())) {
				throw new Forbidden("a customer may list only their own requests");
			}
			customer = caller.customerId();
		}
		return new RequestPage(requests.search(customer, serviceId, status, page * size, size)
			.stream()
			.map(RequestSummary::of)
			.toList(), page, size, requests.count(customer, serviceId, status));
	}

	@PostMapping
	@Operation(summary = "Submits a request, as the port25.request.submitted event does")
	ResponseEntity<RequestDetails> submit(Caller caller, @Valid @RequestBody RequestSubmitted request) {
		caller.requireActingFor(request.customerId());
		Submission submission = intake.submit(request, "api-" + UUID.randomUUID());
		return switch (submission) {
			case REGISTERED -> ResponseEntity.created(location(request.requestRef()))
				.body(RequestDetails.of(requests.get(request.requestRef()),
						caller.readable(audit.forRequest(request.requestRef()))));
			case DUPLICATE -> throw new Conflict("duplicate: service " + request.serviceId()
					+ " already has an open request or active port 25 access");
			// the same words as for the toggle: nothing about whose it is
			case NOT_YOUR_SERVICE ->
				throw new RequestNotFound("we could not find service " + request.serviceId() + " in your account");
			case ALREADY_REGISTERED -> throw new Conflict("request " + request.requestRef() + " is already registered");
		};
	}

	private static URI location(String requestRef) {
		return UriComponentsBuilder.fromPath("/api/requests/{requestRef}").buildAndExpand(requestRef).encode().toUri();
	}

}
