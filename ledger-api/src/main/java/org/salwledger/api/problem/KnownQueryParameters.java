package org.salwledger.api.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.salwledger.core.command.Refusal;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A query parameter the endpoint does not take is refused ({@code unknown-parameter}), not ignored: a
 * misspelt filter or an unsupported option must not silently answer as if it were not there.
 */
@Component
public class KnownQueryParameters implements HandlerInterceptor, WebMvcConfigurer {
    private static final String OWN_PACKAGE = "org.salwledger.";

    private final ParameterNameDiscoverer names = new DefaultParameterNameDiscoverer();
    private final Map<HandlerMethod, Set<String>> known = new ConcurrentHashMap<>();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !method.getBeanType().getName().startsWith(OWN_PACKAGE)) {
            return true;
        }
        Set<String> accepted = known.computeIfAbsent(method, this::queryParameters);
        Set<String> unknown = new TreeSet<>(request.getParameterMap().keySet());
        unknown.removeAll(accepted);
        if (!unknown.isEmpty()) {
            throw Refusal.invalid("unknown-parameter", "unknown query parameter" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + "; this endpoint takes " + (accepted.isEmpty() ? "none"
                    : String.join(", ", new TreeSet<>(accepted))));
        }
        return true;
    }

    private Set<String> queryParameters(HandlerMethod method) {
        Set<String> accepted = new TreeSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param == null) {
                continue;
            }
            String name = param.name().isEmpty() ? parameter.getParameterName() : param.name();
            if (name == null) {
                parameter.initParameterNameDiscovery(names);
                name = parameter.getParameterName();
            }
            accepted.add(name);
        }
        return Set.copyOf(accepted);
    }
}
