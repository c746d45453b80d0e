package io.langnghe.ingest.web;

import io.langnghe.access.ClientAddress;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.context.ServerRequestContext;

/**
 * What ingest-service asks search-service on a resident's behalf (tracking, rating, look-alikes, the
 * public list, an operator's login) carries that person's address in X-Forwarded-For: search-service,
 * which lists ingest-service among its trusted proxies, then limits and audits each person, instead of
 * counting every resident as ingest-service and locking them all out after one guesser's failures.
 * The address is the one ingest-service's own limits use, so a client cannot choose it by sending the header.
 */
@ClientFilter("/**")
public class ForwardedFor {

    private final ClientAddress addresses;

    public ForwardedFor(ClientAddress addresses) {
        this.addresses = addresses;
    }

    @RequestFilter
    public void forward(MutableHttpRequest<?> outbound) {
        ServerRequestContext.currentRequest()
                .ifPresent(incoming -> outbound.getHeaders().set("X-Forwarded-For", addresses.of(incoming)));
    }
}
