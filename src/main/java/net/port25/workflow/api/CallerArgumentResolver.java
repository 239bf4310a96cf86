package net.port25.workflow.api;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Gives each API handler method that asks for it the {@link Caller} of the current request. */
@Component
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

	private final String customerIdClaim;

	CallerArgumentResolver(@Value("${port25.security.customer-id-claim:customerId}") String customerIdClaim) {
		this.customerIdClaim = customerIdClaim;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Caller.class;
	}

	@Override
	public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
			NativeWebRequest request, WebDataBinderFactory binders) {
		return Caller.of(SecurityContextHolder.getContext().getAuthentication(), customerIdClaim);
	}

}
