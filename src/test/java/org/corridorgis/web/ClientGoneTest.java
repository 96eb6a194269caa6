package org.corridorgis.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import tools.jackson.core.exc.JacksonIOException;

/**
 * A client that goes away while its page is being written (the failure a load generator's end of run gave: Jackson
 * wrapping the socket's "Broken pipe") is not a service error: no ERROR line with a stack trace, no body. Anything
 * else unexpected still is a logged 500.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClientGoneTest {

    private final ProblemResponses responses = new ProblemResponses();
    private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/collections/checkpoints/items");

    @Test
    void aBrokenPipeWhileWritingIsNeitherAnErrorNorAnAnswer(CapturedOutput output) {
        assertThat(responses.unexpected(JacksonIOException.construct(new IOException("Broken pipe")), request)).isNull();
        assertThat(responses.unexpected(new RuntimeException(new IOException("Connection reset by peer")), request)).isNull();
        assertThat(output.getAll()).doesNotContain("ERROR").doesNotContain("Broken pipe");
    }

    @Test
    void otherFailuresAreStillLogged500s(CapturedOutput output) {
        var answer = responses.unexpected(new IllegalStateException("a defect"), request);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(output.getAll()).contains("Unexpected error on GET /collections/checkpoints/items").contains("a defect");
    }
}
