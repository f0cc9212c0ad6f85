package org.salwledger.api.problem;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.lock.DeadlockException;
import org.junit.jupiter.api.Test;
import org.salwledger.core.command.Refusal;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemAdviceTest {
    private final ProblemAdvice advice = new ProblemAdvice();

    @Test
    void everyKindOfRefusalHasItsOwnStatusAndKeepsItsSlug() {
        Map<Refusal.Kind, Integer> expected = new EnumMap<>(Map.of(
                Refusal.Kind.INVALID, 400, Refusal.Kind.UNAUTHENTICATED, 401, Refusal.Kind.FORBIDDEN, 403,
                Refusal.Kind.NOT_FOUND, 404, Refusal.Kind.CONFLICT, 409, Refusal.Kind.UNPROCESSABLE, 422));
        assertThat(expected.keySet()).containsExactlyInAnyOrder(Refusal.Kind.values());
        expected.forEach((kind, status) -> {
            ResponseEntity<ProblemDetail> answer = advice.domain(new Refusal(kind, "some-rule", "why"));
            assertThat(answer.getStatusCode().value()).as(kind.name()).isEqualTo(status);
            assertThat(answer.getBody().getType()).isEqualTo(URI.create("urn:salw-ledger:problem:some-rule"));
            assertThat(answer.getBody().getDetail()).isEqualTo("why");
        });
    }

    @Test
    void aRefusalWrappedByTheCommandBusIsAnsweredAsTheRefusal() {
        Refusal refusal = Refusal.conflict("duplicate-marking", "already marked");
        ResponseEntity<ProblemDetail> answer = advice.command(
                new CommandExecutionException("refused", refusal, refusal));
        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(answer.getBody().getType()).isEqualTo(URI.create("urn:salw-ledger:problem:duplicate-marking"));
    }

    @Test
    void aLockCycleBetweenTwoItemsIsAConflictToSendAgain() {
        ResponseEntity<ProblemDetail> answer = advice.concurrency(new DeadlockException("cycle"));
        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(answer.getBody().getType()).isEqualTo(URI.create("urn:salw-ledger:problem:concurrent-modification"));
    }
}
