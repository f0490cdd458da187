package ru.noko.support;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

/**
 * Real HTTP against the running test server. Every exchange, success or error, is checked
 * against the OpenAPI contract before the test sees it.
 */
public final class Api {

    private final HttpClient client;

    public Api(HttpClient client) {
        this.client = client;
    }

    public HttpResponse<String> call(HttpRequest<?> request) {
        HttpResponse<String> response = exchange(request);
        ContractValidator.assertConforms(request, response);
        return response;
    }

    /** For routes outside the contract (docs, metrics, health). */
    @SuppressWarnings("unchecked")
    public HttpResponse<String> exchange(HttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return (HttpResponse<String>) e.getResponse();
        }
    }

    /** A binary answer (XLSX): checked against the contract except for its body. */
    @SuppressWarnings("unchecked")
    public HttpResponse<byte[]> bytes(HttpRequest<?> request) {
        HttpResponse<byte[]> response;
        try {
            response = client.toBlocking().exchange(request, byte[].class);
        } catch (HttpClientResponseException e) {
            response = (HttpResponse<byte[]>) e.getResponse();
        }
        ContractValidator.assertConformsExceptBody(request, response);
        return response;
    }

    public HttpResponse<String> get(String uri) {
        return call(HttpRequest.GET(uri));
    }
}
