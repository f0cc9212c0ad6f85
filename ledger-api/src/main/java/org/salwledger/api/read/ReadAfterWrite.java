package org.salwledger.api.read;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.salwledger.api.config.LedgerProperties;
import org.salwledger.api.store.ViewPositions;
import org.salwledger.core.command.Refusal;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Duration;

/**
 * A read with {@code Ledger-After: <position>} (the {@code Ledger-Position} of a write's answer) is served
 * once the views and the log have that record, or after {@code ledger.reads.max-wait} with
 * {@code Ledger-Views-Caught-Up: false}: the client then knows the views may not show its write yet.
 */
@Component
public class ReadAfterWrite implements HandlerInterceptor, WebMvcConfigurer {
    private final ViewPositions positions;
    private final Duration maxWait;

    public ReadAfterWrite(ViewPositions positions, LedgerProperties properties) {
        this.positions = positions;
        this.maxWait = properties.reads().maxWait();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String after = request.getHeader(ViewPositions.AFTER_HEADER);
        if (after == null || !"GET".equals(request.getMethod())) {
            return true;
        }
        long position;
        try {
            position = Long.parseLong(after.trim());
        } catch (NumberFormatException e) {
            throw Refusal.invalid("invalid-header", "'" + ViewPositions.AFTER_HEADER
                    + "' must be the Ledger-Position a write answered, a number; got " + after);
        }
        response.setHeader(ViewPositions.CAUGHT_UP_HEADER, Boolean.toString(positions.await(position, maxWait)));
        return true;
    }
}
