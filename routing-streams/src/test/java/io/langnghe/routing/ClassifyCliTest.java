package io.langnghe.routing;

import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.routing.intake.Router;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class ClassifyCliTest {

    static final Taxonomy taxonomy = Taxonomy.loadDefault();

    @Test
    void answersEachJsonLineWithTheStreamsDecision() throws Exception {
        ClassifyCli cli = new ClassifyCli(RoutingTopologyTest.classifier, new Router(taxonomy,
                RoutingSettings.DEFAULTS.triageBelowConfidence(), RoutingSettings.DEFAULTS.triageWithinMargin()));
        StringWriter out = new StringWriter();

        cli.run(new StringReader("""
                {"text": "Cống thoát nước trước nhà số 12 ngõ 5 bị tắc, mùi hôi bốc lên"}
                not json

                {"text": "nha e mat nc 2 ngay r ko ai den sua"}
                {"other": 1}
                {"text": "den duong thon vien khe 1 x dong khe tat ca tuan"}
                {"text": "Kính gửi phường, tôi ở tổ dân phố 5. Thứ nhất, đèn đường trước ngõ hỏng cả tuần. Thứ hai, hồ sơ cấp sổ đỏ của tôi nộp từ năm ngoái chưa có kết quả."}
                """), out);

        assertThat(out.toString().lines().limit(4)).containsExactly(
                "{\"category\":\"giao_thong_ha_tang\",\"department\":\"kinh_te_ha_tang_do_thi\",\"confidence\":1.0,"
                        + "\"reasons\":[\"cống thoát nước\",\"tắc\"],\"triaged\":false,\"place\":null}",
                "{\"error\":\"JSON không đọc được / Malformed JSON\"}",
                "{\"category\":\"dien_nuoc\",\"department\":\"kinh_te_ha_tang_do_thi\",\"confidence\":0.8,"
                        + "\"reasons\":[\"mat nc\"],\"triaged\":false,\"place\":null}",
                "{\"error\":\"Thiếu nội dung phản ánh / text is required\"}");
        assertThat(out.toString().lines().skip(4).findFirst().orElseThrow()).contains(
                "\"place\":{\"area\":\"dong-khe-vien-khe-1\",\"areaName\":\"Thôn Viên Khê 1\",\"formerUnit\":\"dong-khe\","
                        + "\"formerUnitName\":\"Xã Đông Khê\",\"confidence\":0.97,"
                        + "\"reasons\":[\"thon vien khe 1 → Thôn Viên Khê 1\",\"x dong khe → Xã Đông Khê\"],\"details\":[],\"toConfirm\":false}");
        assertThat(out.toString().lines().skip(5).findFirst().orElseThrow()).contains(
                "\"requests\":[{\"index\":1,\"text\":\"Thứ nhất, đèn đường trước ngõ hỏng cả tuần.\",\"category\":\"giao_thong_ha_tang\",",
                "{\"index\":2,\"text\":\"Thứ hai, hồ sơ cấp sổ đỏ của tôi nộp từ năm ngoái chưa có kết quả.\",\"category\":\"dat_dai\",",
                "\"area\":\"tdp-05\"");
    }
}
