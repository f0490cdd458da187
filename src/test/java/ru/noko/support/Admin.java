package ru.noko.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Admin API calls as an operator makes them, each checked against the contract. */
public final class Admin {

    public static final String BOOTSTRAP_TOKEN = "bootstrap-token-for-tests-0123456789";

    private final Api api;
    private final String token;

    public Admin(Api api, String token) {
        this.api = api;
        this.token = token;
    }

    public Admin as(String otherToken) {
        return new Admin(api, otherToken);
    }

    public HttpResponse<String> call(MutableHttpRequest<?> request) {
        return api.call(token == null ? request : request.bearerAuth(token));
    }

    public long createCampaign(String region, int year, String title, String... types) {
        String typeList = types.length == 0 ? "" : ", \"types\": [\"" + String.join("\", \"", types) + "\"]";
        HttpResponse<String> response = call(HttpRequest.POST("/api/v1/admin/campaigns",
                "{\"region_code\": \"" + region + "\", \"year\": " + year + ", \"title\": \"" + title + "\"" + typeList + "}")
                .contentType(MediaType.APPLICATION_JSON));
        assertEquals(201, response.code(), response.body());
        return Json.parse(response.body()).get("id").asLong();
    }

    public HttpResponse<String> upload(long campaignId, byte[] body, String contentType, String query) {
        return call(HttpRequest.POST("/api/v1/admin/campaigns/" + campaignId + "/uploads" + (query == null ? "" : "?" + query), body)
                .contentType(contentType));
    }

    /** Uploads and waits for the job to finish; returns the finished job. */
    public JsonNode uploadAndWait(long campaignId, byte[] body, String contentType, String query) {
        HttpResponse<String> response = upload(campaignId, body, contentType, query);
        if (response.code() != 200 && response.code() != 202) {
            fail("Upload answered " + response.code() + ": " + response.body());
        }
        JsonNode job = Json.parse(response.body());
        return job.get("status").asText().matches("succeeded|failed|cancelled") ? job : waitFor(job.get("id").asLong());
    }

    public JsonNode waitFor(long jobId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = Json.parse(call(HttpRequest.GET("/api/v1/admin/jobs/" + jobId)).body());
            if (job.get("status").asText().matches("succeeded|failed|cancelled")) {
                return job;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Job " + jobId + " did not finish in time");
    }

    public HttpResponse<String> publish(long campaignId) {
        return call(HttpRequest.POST("/api/v1/admin/campaigns/" + campaignId + "/publish", "{}").contentType(MediaType.APPLICATION_JSON));
    }

    public JsonNode campaign(long campaignId) {
        HttpResponse<String> response = call(HttpRequest.GET("/api/v1/admin/campaigns/" + campaignId));
        assertEquals(200, response.code(), response.body());
        return Json.parse(response.body());
    }

    public static byte[] fixture(String name) {
        try (InputStream in = Admin.class.getResourceAsStream("/uploads/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
