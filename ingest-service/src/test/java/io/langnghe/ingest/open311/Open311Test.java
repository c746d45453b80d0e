package io.langnghe.ingest.open311;

import com.fasterxml.jackson.databind.JsonNode;
import io.langnghe.contracts.Category;
import io.langnghe.contracts.Channel;
import io.langnghe.contracts.FeedbackReceived;
import io.langnghe.contracts.Json;
import io.langnghe.contracts.Topics;
import io.langnghe.ingest.FakeSearchService;
import io.langnghe.ingest.Http;
import io.langnghe.contracts.TrackingCode;
import io.langnghe.testsupport.SharedInfrastructure;
import io.langnghe.testsupport.TopicProbe;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static io.langnghe.ingest.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Open311 GeoReport v2 as a civic app uses it: discover, list services, file a request, follow it. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Open311Test implements TestPropertyProvider {

    private static final Duration WITHIN = Duration.ofSeconds(15);
    private static final String API_KEY = "civic-app-key";

    private final String prefix = SharedInfrastructure.uniquePrefix();
    private final int port = freePort();
    private Topics topics;
    private TopicProbe probe;
    private Http http;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        topics = SharedInfrastructure.createTopics(prefix);
        return Map.of(
                "micronaut.server.port", String.valueOf(port),
                "kafka.bootstrap.servers", SharedInfrastructure.kafkaBootstrapServers(),
                "langnghe.topics-prefix", prefix,
                "langnghe.local-stack", "true",
                "langnghe.secrets.open311", "other-key, " + API_KEY,
                "langnghe.public-url", "https://langnghe.example.vn",
                "langnghe.search-url", "http://127.0.0.1:" + port + "/fake-search",
                "langnghe.test.fake-search", "true");
    }

    @BeforeAll
    void connect() {
        probe = SharedInfrastructure.topicProbe();
        http = new Http(server.getURI());
    }

    @Test
    void describesItselfAndListsOurCategoriesAsServicesInJsonAndXml() {
        JsonNode discovery = json(http.get("/open311/v2/discovery.json"));
        JsonNode services = json(http.get("/open311/v2/services.json"));
        Document servicesXml = xml(http.get("/open311/v2/services.xml"));
        Document discoveryXml = xml(http.get("/open311/v2/discovery.xml"));

        assertThat(discovery.get("endpoints").get(0).get("url").asText()).isEqualTo("https://langnghe.example.vn/open311/v2");
        assertThat(discovery.get("endpoints").get(0).get("formats")).extracting(JsonNode::asText).containsExactly("text/xml", "application/json");
        assertThat(services).hasSize(11);
        assertThat(services.get(2).get("service_code").asText()).isEqualTo("giao_thong_ha_tang");
        assertThat(services.get(2).get("service_name").asText()).isEqualTo("Giao thông, hạ tầng");
        assertThat(services.get(2).get("metadata").asBoolean()).isFalse();
        assertThat(services.get(2).get("type").asText()).isEqualTo("realtime");
        assertThat(servicesXml.getDocumentElement().getTagName()).isEqualTo("services");
        assertThat(servicesXml.getElementsByTagName("service").getLength()).isEqualTo(11);
        assertThat(servicesXml.getElementsByTagName("service_code").item(0).getTextContent()).isEqualTo("moi_truong");
        assertThat(discoveryXml.getElementsByTagName("format").getLength()).isEqualTo(2);
        assertThat(json(http.get("/open311/v2/services/dien_nuoc.json")).get("service_code").asText()).isEqualTo("dien_nuoc");
    }

    @Test
    void filesARequestFromACivicAppAsAPetition() {
        Map<String, String> form = request();
        form.put("address_string", "Số 12 ngõ 5 phố Đông Sơn");
        form.put("first_name", "An");
        form.put("last_name", "Nguyễn Văn");
        form.put("phone", "0912 345 678");

        HttpResponse<String> response = post("/open311/v2/requests.json", form);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode created = json(response).get(0);
        String code = created.get("service_request_id").asText();
        assertThat(TrackingCode.parse(code)).isPresent();
        assertThat(created.get("service_notice").asText()).contains("https://langnghe.example.vn/track.html?code=" + code);
        FeedbackReceived event = eventWithCode(code);
        assertThat(event.channel()).isEqualTo(Channel.OPEN311);
        assertThat(event.text()).isEqualTo("Ổ gà lớn giữa đường trước chợ");
        assertThat(event.address()).isEqualTo("Số 12 ngõ 5 phố Đông Sơn");
        assertThat(event.contact().name()).isEqualTo("Nguyễn Văn An");
        assertThat(event.contact().phone()).isEqualTo("+84912345678");
        assertThat(event.requestedCategory()).isEqualTo(Category.GIAO_THONG_HA_TANG);
        assertThat(event.meeting()).isNull();
        assertThat(event.client()).containsOnlyKeys("lat", "long")
                .containsEntry("lat", "19.8075").containsEntry("long", "105.7767");
    }

    @Test
    void answersInXmlWhenAskedInXml() {
        HttpResponse<String> response = post("/open311/v2/requests.xml", request());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/xml"));
        Document answer = xml(response);
        assertThat(answer.getDocumentElement().getTagName()).isEqualTo("service_requests");
        assertThat(TrackingCode.parse(answer.getElementsByTagName("service_request_id").item(0).getTextContent())).isPresent();
    }

    @Test
    void refusesABadKeyOrBadRequestInTheSpecsErrorFormatAndStoresNothing() {
        long before = probe.count(topics.feedbackReceived().name(), WITHIN);
        Map<String, String> badKey = request();
        badKey.put("api_key", "guess");
        Map<String, String> noService = request();
        noService.remove("service_code");
        Map<String, String> nowhere = request();
        nowhere.remove("lat");
        nowhere.remove("long");

        HttpResponse<String> forbidden = post("/open311/v2/requests.json", badKey);
        HttpResponse<String> missingService = post("/open311/v2/requests.json", noService);
        HttpResponse<String> missingPlace = post("/open311/v2/requests.xml", nowhere);

        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(json(forbidden).get(0).get("code").asInt()).isEqualTo(403);
        assertThat(json(forbidden).get(0).get("description").asText()).contains("api_key", " / ");
        assertThat(missingService.statusCode()).isEqualTo(400);
        assertThat(json(missingService).get(0).get("description").asText()).contains("service_code");
        assertThat(missingPlace.statusCode()).isEqualTo(400);
        Document error = xml(missingPlace);
        assertThat(error.getDocumentElement().getTagName()).isEqualTo("errors");
        assertThat(error.getElementsByTagName("code").item(0).getTextContent()).isEqualTo("400");
        assertThat(probe.count(topics.feedbackReceived().name(), WITHIN)).isEqualTo(before);
    }

    @Test
    void followsARequestOpenOrClosedWithOurStatusInTheNotes() {
        String open = TrackingCode.generate().display();
        String closed = TrackingCode.generate().display();
        FakeSearchService.knows(open, """
                {"trackingCode":"%s","status":"in_progress","category":{"code":"giao_thong_ha_tang","vi":"Giao thông, hạ tầng","en":"Roads"},
                 "department":{"code":"kinh_te_ha_tang_do_thi","vi":"Phòng Kinh tế, Hạ tầng và Đô thị","en":"Economy"},
                 "createdAt":"2026-11-20T01:00:00Z","updatedAt":"2026-11-21T01:00:00Z","dueAt":"2026-11-25T10:00:00Z"}""".formatted(open));
        FakeSearchService.knows(closed, """
                {"trackingCode":"%s","status":"resolved","publicAnswer":"Đã vá ổ gà <ngày 22/11>."}""".formatted(closed));

        HttpResponse<String> oneResponse = http.get("/open311/v2/requests/" + open + ".json");
        assertThat(oneResponse.statusCode()).as(oneResponse.body()).isEqualTo(200);
        JsonNode one = json(oneResponse).get(0);
        JsonNode both = json(http.get("/open311/v2/requests.json?service_request_id=" + open + "," + closed));
        Document closedXml = xml(http.get("/open311/v2/requests/" + closed + ".xml"));
        HttpResponse<String> unknown = http.get("/open311/v2/requests/" + TrackingCode.generate().display() + ".json");

        assertThat(one.get("status").asText()).isEqualTo("open");
        assertThat(one.get("status_notes").asText()).isEqualTo("in_progress");
        assertThat(one.get("service_code").asText()).isEqualTo("giao_thong_ha_tang");
        assertThat(one.get("agency_responsible").asText()).isEqualTo("Phòng Kinh tế, Hạ tầng và Đô thị");
        assertThat(one.get("expected_datetime").asText()).isEqualTo("2026-11-25T10:00:00Z");
        assertThat(both).extracting(r -> r.get("service_request_id").asText() + ":" + r.get("status").asText())
                .containsExactly(open + ":open", closed + ":closed");
        assertThat(closedXml.getElementsByTagName("status_notes").item(0).getTextContent()).isEqualTo("resolved: Đã vá ổ gà <ngày 22/11>.");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get(0).get("code").asInt()).isEqualTo(404);
    }

    private static Map<String, String> request() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", API_KEY);
        form.put("service_code", "giao_thong_ha_tang");
        form.put("lat", "19.8075");
        form.put("long", "105.7767");
        form.put("description", "Ổ gà lớn giữa đường trước chợ");
        return form;
    }

    private HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.postBytes(path, body.getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
    }

    private FeedbackReceived eventWithCode(String code) {
        String value = probe.readAll(topics.feedbackReceived().name(), WITHIN).stream().map(r -> r.value())
                .filter(v -> v.contains("\"trackingCode\":\"" + code + "\"")).findFirst().orElseThrow();
        try {
            return Json.mapper().readValue(value, FeedbackReceived.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document xml(HttpResponse<String> response) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not XML: " + response.body(), e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
