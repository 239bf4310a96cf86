package net.port25.workflow.api;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import net.port25.workflow.access.InputLimits;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as an RFC 9457 problem detail. Bad input is always a 400 that
 * says what is wrong (the field, with its message), never a 500.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

	// only to spell enum values as JSON does (@JsonValue, @JsonProperty), which no
	// configuration changes
	private static final ObjectMapper JSON = new ObjectMapper();

	private static final int MAX_ECHOED_LENGTH = 80;

	/**
	 * Two submissions for one service (or with one reference) at the same moment: both
	 * pass the intake's check, the database's unique index lets only one commit.
	 */
	@ExceptionHandler
	ProblemDetail simultaneousSubmission(DuplicateKeyException ex) {
		return problem(HttpStatus.CONFLICT, "duplicate: a request for this service or with this reference was"
				+ " registered at the same moment; look it up before submitting again");
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail body = problem(HttpStatus.BAD_REQUEST, unreadable(ex));
		if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			body.setProperty("field", field(mapping));
		}
		return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getBindingResult()
			.getAllErrors()
			.stream()
			.map(error -> fieldError(error instanceof FieldError field ? field.getField() : error.getObjectName(),
					error.getDefaultMessage()))
			.toList();
		ProblemDetail body = invalid(errors);
		return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		// a body (@Valid) names its fields, like MethodArgumentNotValidException does; a
		// path variable or request parameter names itself
		List<Map<String, String>> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap(result -> (result instanceof ParameterErrors body)
					? body.getFieldErrors().stream().map(error -> fieldError(error.getField(), message(error)))
					: result.getResolvableErrors()
						.stream()
						.map(error -> fieldError(result.getMethodParameter().getParameterName(), message(error))))
			.toList();
		return handleExceptionInternal(ex, invalid(errors), headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String detail = "invalid value '" + echo(ex.getValue()) + "' for '" + ex.getPropertyName() + "'"
				+ allowedValues(ex.getRequiredType());
		ProblemDetail body = problem(HttpStatus.BAD_REQUEST, detail);
		body.setProperty("field", ex.getPropertyName());
		return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
	}

	private static ProblemDetail invalid(List<Map<String, String>> errors) {
		ProblemDetail body = problem(HttpStatus.BAD_REQUEST,
				errors.stream()
					.map(error -> error.get("field") + " " + error.get("message"))
					.collect(Collectors.joining("; ", "invalid input: ", "")));
		body.setProperty("errors", errors);
		return body;
	}

	private static String unreadable(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getCause();
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return "unknown field '" + field(unknown) + "'";
		}
		if (cause instanceof JsonParseException parse) {
			// the parser's own words describe its state, not the caller's mistake
			return "malformed JSON" + (parse.getLocation() == null ? ""
					: " at line " + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr());
		}
		if (cause instanceof InvalidFormatException format && !format.getPath().isEmpty()) {
			return "invalid value '" + echo(format.getValue()) + "' for field '" + field(format) + "'"
					+ allowedJsonValues(format.getTargetType());
		}
		if (cause instanceof ValueInstantiationException creation && !creation.getPath().isEmpty()) {
			// our own @JsonCreator's message, which names the allowed values
			// (ServiceType)
			return "invalid value for field '" + field(creation) + "': " + innermost(creation);
		}
		if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			// Jackson's own wording names Java classes, which say nothing to an API
			// client
			return "field '" + field(mapping) + "' has the wrong type";
		}
		return "the request body is missing or not readable JSON";
	}

	private static String innermost(JsonMappingException mapping) {
		Throwable deepest = mapping;
		while (deepest.getCause() != null && deepest.getCause() != deepest) {
			deepest = deepest.getCause();
		}
		return deepest instanceof JsonMappingException json ? json.getOriginalMessage() : deepest.getMessage();
	}

	/**
	 * The JSON path of the failing field, as {@code ipAddresses[1]} or
	 * {@code fields.useCase}.
	 */
	private static String field(JsonMappingException mapping) {
		StringBuilder path = new StringBuilder();
		for (JsonMappingException.Reference reference : mapping.getPath()) {
			if (reference.getFieldName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	/**
	 * An enum's values as JSON spells them ({@code @JsonProperty}, else the constant's
	 * name).
	 */
	private static String allowedJsonValues(Class<?> type) {
		if (type == null || !type.isEnum()) {
			return "";
		}
		return Arrays.stream(type.getEnumConstants())
			.map((constant) -> JSON.convertValue(constant, String.class))
			.collect(Collectors.joining(", ", " (expected one of ", ")"));
	}

	private static String allowedValues(Class<?> type) {
		if (type == null || !type.isEnum()) {
			return "";
		}
		return " (expected one of "
				+ Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", ")) + ")";
	}

	/** A value the caller sent, as much of it as helps them find it. */
	private static String echo(Object value) {
		return InputLimits.shorten(String.valueOf(value), MAX_ECHOED_LENGTH);
	}

	private static String message(MessageSourceResolvable error) {
		return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
	}

	private static Map<String, String> fieldError(String field, String message) {
		return Map.of("field", field == null ? "" : field, "message", message == null ? "is invalid" : message);
	}

	private static ProblemDetail problem(HttpStatus status, String detail) {
		return ProblemDetail.forStatusAndDetail(status, detail);
	}

}
