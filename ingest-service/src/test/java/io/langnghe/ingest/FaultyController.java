package io.langnghe.ingest;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** A fault of ours, on demand: checks that an unexpected exception still answers problem+json. */
@Controller("/test/fault")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = "langnghe.test.faulty-endpoint", value = "true")
public class FaultyController {

    @Get
    public String fail() {
        throw new IllegalStateException("internal detail that must not leak");
    }
}
