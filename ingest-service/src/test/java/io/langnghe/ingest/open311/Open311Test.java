package io.langnghe.ingest.open311;

import com.fasterxml.jackson.databind.JsonNode;
import io.langnghe.contracts.Category;
import io.langnghe.contracts.Channel;
import io.langnghe.contracts.FeedbackReceived;
import io.langnghe.contracts.Json;
import io.langnghe.contracts.TrackingCode;
import io.langnghe.ingest.FakeSearchService;
import io.langnghe.ingest.AgainstTheBroker;
import io.langnghe.ingest.TestIngest;
import io.langnghe.localstack.Ports;
import io.langnghe.testsupport.SealedContacts;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;

import static io.langnghe.ingest.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Open311 GeoReport v2 as a civic app uses it: discover, list services, file a request, follow it. */
@MicronautTest
class Open311Test extends AgainstTheBroker {

    private static final Duration WITHIN = Duration.ofSeconds(15);
    private static final String API_KEY = "civic-app-key";

    private final int port = Ports.free();

    @Override
    protected Map<String, String> properties(String prefix) {
        return TestIngest.withFakeSearch(prefix, port,
                "langnghe.secrets.open311", "other-key, " + API_KEY,
                "langnghe.public-url", "https://langnghe.example.vn");
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
        String publicId = created.get("service_request_id").asText();
        assertThat(TrackingCode.parse(publicId)).as("the id others can read is not the tracking code").isEmpty();
        FeedbackReceived event = eventWithId(publicId);
        // only the client that filed it learns the tracking code, in the notice
        assertThat(created.get("service_notice").asText()).contains("https://langnghe.example.vn/track.html?code=" + event.trackingCode());
        assertThat(event.channel()).isEqualTo(Channel.OPEN311);
        assertThat(event.text()).isEqualTo("Ổ gà lớn giữa đường trước chợ");
        assertThat(SealedContacts.of(topics).open(event.contact(), event.address()).address()).isEqualTo("Số 12 ngõ 5 phố Đông Sơn");
        assertThat(SealedContacts.of(topics).open(event.contact(), event.address()).name()).isEqualTo("Nguyễn Văn An");
        assertThat(SealedContacts.of(topics).open(event.contact(), event.address()).phone()).isEqualTo("+84912345678");
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
        assertThat(answer.getElementsByTagName("service_request_id").item(0).getTextContent()).isNotBlank();
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
        String open = UUID.randomUUID().toString();
        String closed = UUID.randomUUID().toString();
        FakeSearchService.lists("""
                {"publicId":"%s","status":"in_progress","open":true,
                 "category":{"code":"giao_thong_ha_tang","vi":"Giao thông, hạ tầng","en":"Roads"},
                 "area":{"code":"tdp-05","vi":"Tổ dân phố 5","en":"Residential group 5"},
                 "department":{"code":"kinh_te_ha_tang_do_thi","vi":"Phòng Kinh tế, Hạ tầng và Đô thị","en":"Economy"},
                 "text":"Ổ gà trước chợ, gọi [số điện thoại]",
                 "receivedAt":"2026-11-20T01:00:00Z","updatedAt":"2026-11-21T01:00:00Z","dueAt":"2026-11-25T10:00:00Z"}""".formatted(open));
        FakeSearchService.lists("""
                {"publicId":"%s","status":"resolved","open":false,"receivedAt":"2026-11-19T01:00:00Z",
                 "publicAnswer":"Đã vá ổ gà <ngày 22/11>."}""".formatted(closed));

        HttpResponse<String> oneResponse = http.get("/open311/v2/requests/" + open + ".json");
        assertThat(oneResponse.statusCode()).as(oneResponse.body()).isEqualTo(200);
        JsonNode one = json(oneResponse).get(0);
        JsonNode both = json(http.get("/open311/v2/requests.json?service_request_id=" + open + "," + closed));
        Document closedXml = xml(http.get("/open311/v2/requests/" + closed + ".xml"));
        HttpResponse<String> unknown = http.get("/open311/v2/requests/" + UUID.randomUUID() + ".json");

        assertThat(one.get("status").asText()).isEqualTo("open");
        assertThat(one.get("status_notes").asText()).isEqualTo("in_progress");
        assertThat(one.get("service_code").asText()).isEqualTo("giao_thong_ha_tang");
        assertThat(one.get("service_name").asText()).isEqualTo("Giao thông, hạ tầng");
        assertThat(one.get("description").asText()).isEqualTo("Ổ gà trước chợ, gọi [số điện thoại]");
        assertThat(one.get("agency_responsible").asText()).isEqualTo("Phòng Kinh tế, Hạ tầng và Đô thị");
        assertThat(one.get("requested_datetime").asText()).isEqualTo("2026-11-20T01:00:00Z");
        assertThat(one.get("updated_datetime").asText()).isEqualTo("2026-11-21T01:00:00Z");
        assertThat(one.get("expected_datetime").asText()).isEqualTo("2026-11-25T10:00:00Z");
        assertThat(one.get("address").asText()).isEqualTo("Tổ dân phố 5");
        assertThat(both).extracting(r -> r.get("service_request_id").asText() + ":" + r.get("status").asText())
                .containsExactlyInAnyOrder(open + ":open", closed + ":closed");
        assertThat(closedXml.getElementsByTagName("status_notes").item(0).getTextContent()).isEqualTo("resolved: Đã vá ổ gà <ngày 22/11>.");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get(0).get("code").asInt()).isEqualTo(404);
    }

    @Test
    void aTrackingCodeIsNotAnIdAnyoneCanReadBy() {
        String publicId = UUID.randomUUID().toString();
        String code = TrackingCode.generate().display();
        FakeSearchService.lists("""
                {"publicId":"%s","status":"in_progress","open":true,"receivedAt":"2026-11-20T01:00:00Z"}""".formatted(publicId));

        HttpResponse<String> byCode = http.get("/open311/v2/requests/" + code + ".json");
        HttpResponse<String> listByCode = http.get("/open311/v2/requests.json?service_request_id=" + code);
        HttpResponse<String> byId = http.get("/open311/v2/requests/" + publicId + ".json");

        assertThat(byCode.statusCode()).isEqualTo(404);
        assertThat(json(listByCode)).isEmpty();
        assertThat(json(byId).get(0).get("service_request_id").asText()).isEqualTo(publicId);
        assertThat(byId.body()).doesNotContain("trackingCode", "tracking_code");
    }

    /**
     * search-service here is the fake, which filters as the real public list does; what is checked is
     * that the spec's filters reach it translated, and that its answer comes back in the spec's shape.
     */
    @Test
    void aFiledRequestIsFoundByTheSpecsFiltersInJsonAndXml() {
        String code = json(post("/open311/v2/requests.json", request())).get(0).get("service_request_id").asText();
        FeedbackReceived event = eventWithId(code);
        FakeSearchService.lists("""
                {"publicId":"%s","status":"assigned","open":true,
                 "category":{"code":"giao_thong_ha_tang","vi":"Giao thông, hạ tầng","en":"Roads"},
                 "department":{"code":"kinh_te_ha_tang_do_thi","vi":"Phòng Kinh tế, Hạ tầng và Đô thị","en":"Economy"},
                 "text":"%s","receivedAt":"%s","updatedAt":"%s","dueAt":"%s"}""".formatted(code, event.text(),
                event.receivedAt(), event.receivedAt(), event.receivedAt().plus(Duration.ofDays(3))));
        String start = event.receivedAt().minus(Duration.ofHours(1)).atOffset(java.time.ZoneOffset.ofHours(7)).toString();
        String end = event.receivedAt().plus(Duration.ofHours(1)).toString();
        String filters = "service_code=giao_thong_ha_tang&status=open&start_date=" + encode(start) + "&end_date=" + encode(end);

        JsonNode found = json(http.get("/open311/v2/requests.json?" + filters));
        String query = FakeSearchService.lastPublicQuery();
        Document foundXml = xml(http.get("/open311/v2/requests.xml?" + filters));
        JsonNode closed = json(http.get("/open311/v2/requests.json?" + filters.replace("status=open", "status=closed")));
        JsonNode otherService = json(http.get("/open311/v2/requests.json?" + filters.replace("giao_thong_ha_tang", "dien_nuoc,y_te_attp")));
        JsonNode before = json(http.get("/open311/v2/requests.json?service_code=giao_thong_ha_tang&end_date=" + encode(start)));

        assertThat(found).extracting(r -> r.get("service_request_id").asText()).containsExactly(code);
        assertThat(found.get(0).get("description").asText()).isEqualTo("Ổ gà lớn giữa đường trước chợ");
        assertThat(found.get(0).get("requested_datetime").asText()).isEqualTo(event.receivedAt().toString());
        assertThat(found.get(0).get("status").asText()).isEqualTo("open");
        assertThat(query).contains("category=giao_thong_ha_tang", "status=new%2Cassigned%2Cacknowledged%2Cin_progress%2Canswered%2Creopened",
                "from=" + encode(event.receivedAt().minus(Duration.ofHours(1)).toString()), "to=" + encode(end), "size=1000");
        assertThat(foundXml.getDocumentElement().getTagName()).isEqualTo("service_requests");
        assertThat(foundXml.getElementsByTagName("request").getLength()).isEqualTo(1);
        assertThat(foundXml.getElementsByTagName("service_request_id").item(0).getTextContent()).isEqualTo(code);
        assertThat(foundXml.getElementsByTagName("description").item(0).getTextContent()).isEqualTo("Ổ gà lớn giữa đường trước chợ");
        assertThat(closed).isEmpty();
        assertThat(otherService).isEmpty();
        assertThat(before).extracting(r -> r.get("service_request_id").asText()).doesNotContain(code);
    }

    @Test
    void withoutDatesListsTheLast90Days() {
        HttpResponse<String> response = http.get("/open311/v2/requests.json");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String from = java.net.URLDecoder.decode(FakeSearchService.lastPublicQuery().replaceAll(".*from=([^&]*).*", "$1"), StandardCharsets.UTF_8);
        assertThat(java.time.Instant.parse(from)).isBetween(java.time.Instant.now().minus(Duration.ofDays(90)).minusSeconds(60),
                java.time.Instant.now().minus(Duration.ofDays(90)));
    }

    @Test
    void aBadFilterIs400InTheSpecsErrorFormat() {
        HttpResponse<String> badDate = http.get("/open311/v2/requests.json?start_date=" + encode("hôm qua"));
        HttpResponse<String> noZone = http.get("/open311/v2/requests.json?end_date=2026-11-01T00:00:00");
        HttpResponse<String> badStatus = http.get("/open311/v2/requests.xml?status=pending");
        HttpResponse<String> badService = http.get("/open311/v2/requests.json?service_code=cong_thoat_nuoc");
        HttpResponse<String> backwards = http.get("/open311/v2/requests.json?start_date=2026-11-02T00:00:00Z&end_date=2026-11-01T00:00:00Z");

        for (HttpResponse<String> response : java.util.List.of(badDate, noZone, badService, backwards)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(json(response).get(0).get("code").asInt()).isEqualTo(400);
        }
        assertThat(json(badDate).get(0).get("description").asText()).contains("start_date", " / ");
        assertThat(json(noZone).get(0).get("description").asText()).contains("end_date");
        assertThat(json(badService).get(0).get("description").asText()).contains("cong_thoat_nuoc");
        assertThat(badStatus.statusCode()).isEqualTo(400);
        Document error = xml(badStatus);
        assertThat(error.getDocumentElement().getTagName()).isEqualTo("errors");
        assertThat(error.getElementsByTagName("code").item(0).getTextContent()).isEqualTo("400");
        assertThat(error.getElementsByTagName("description").item(0).getTextContent()).contains("status");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
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

    private FeedbackReceived eventWithId(String feedbackId) {
        String value = probe.readAll(topics.feedbackReceived().name(), WITHIN).stream().map(r -> r.value())
                .filter(v -> v.contains("\"feedbackId\":\"" + feedbackId + "\"")).findFirst().orElseThrow();
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
}
