package io.langnghe.places;

import io.langnghe.contracts.Place;
import io.langnghe.contracts.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceResolverTest {

    private final PlaceResolver resolver = PlaceResolver.of(Taxonomy.loadDefault());

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Cống tắc ở thôn 3 xã Đông Hòa cũ                 | dong-hoa-hien-thu    # old numbering, before 2018
            cong tac o thon 3 xa dong hoa cu                 | dong-hoa-hien-thu
            CỐNG TẮC Ở THÔN HIỀN THƯ                         | dong-hoa-hien-thu
            đèn hỏng ở TDP5 Rừng Thông                       | tdp-05
            den hong o tdp05                                 | tdp-05
            tổ dân phố số 12, TT Rừng Thông                  | tdp-12
            rác ở KP Phù Lưu, P. Đông Tân                    | dong-tan-phu-luu
            nước thải ở thôn 2 x.Đông Minh                   | dong-minh-thon-2
            số 88 QL47 thôn Tam Xuyên                        | dong-khe-tam-xuyen
            thôn Đoàn Kết, Đông Thịnh                        | dong-thinh-doan-ket
            làng Trầu                                        | dong-tan-phu-luu     # the village's old name
            """)
    void findsTheAreaHoweverResidentsWriteIt(String text, String area) {
        assertThat(resolver.resolve(text)).extracting(Place::area).isEqualTo(area.replaceAll("\\s*#.*", "").strip());
    }

    @Test
    void explainsWithTheWordsThatDecidedAndTheFormerUnit() {
        Place place = resolver.resolve("Kính gửi phường, nhà tôi số 12 ngõ 5 thôn 3 xã Đông Hòa cũ, cống bị tắc");

        assertThat(place.area()).isEqualTo("dong-hoa-hien-thu");
        assertThat(place.areaName()).isEqualTo("Thôn Hiền Thư");
        assertThat(place.formerUnit()).isEqualTo("dong-hoa");
        assertThat(place.formerUnitName()).isEqualTo("Xã Đông Hòa");
        assertThat(place.confidence()).isGreaterThanOrEqualTo(0.9);
        assertThat(place.toConfirm()).isFalse();
        assertThat(place.reasons()).containsExactly("thon 3 → thôn 3 → Thôn Hiền Thư", "xa dong hoa → Xã Đông Hòa");
        assertThat(place.details()).containsExactly("so 12", "ngo 5");
    }

    @Test
    void namesOnlyTheFormerUnitWhenTheNumberIsAmbiguousAndAsksToConfirm() {
        Place alone = resolver.resolve("đường ở thôn 3 bị ngập");            // Đông Minh and old Đông Hòa both have one
        Place commune = resolver.resolve("đường ở xã Đông Hoàng bị ngập");

        assertThat(alone.area()).isNull();
        assertThat(alone.toConfirm()).isTrue();
        assertThat(commune.area()).isNull();
        assertThat(commune.formerUnit()).isEqualTo("dong-hoang");
        assertThat(commune.toConfirm()).isTrue();
    }

    @Test
    void asksToConfirmWhenTheAreaNamedLiesInAnotherCommuneThanTheOneNamed() {
        Place place = resolver.resolve("thôn Viên Khê 1 xã Đông Ninh");

        assertThat(place.area()).isEqualTo("dong-khe-vien-khe-1");
        assertThat(place.toConfirm()).isTrue();
    }

    @Test
    void namesNoPlaceForTextsThatNameNone() {
        assertThat(resolver.resolve("Thửa đất tờ bản đồ số 12 thửa 45 chưa được cấp sổ đỏ")).isNull();
        assertThat(resolver.resolve("mat nuoc 3 ngay roi, to 2 lan goi ma ko ai nghe")).isNull();
    }

    @Test
    void learnsTheWordsAnOfficerConfirmed() {
        assertThat(resolver.resolve("rác đổ trộm ở bãi Cồn Mả Đỏ")).isNull();

        assertThat(resolver.learn("bãi Cồn Mả Đỏ", "dong-ninh-huu-boc")).isTrue();

        assertThat(resolver.resolve("rac do trom o bai con ma do")).extracting(Place::area).isEqualTo("dong-ninh-huu-boc");
        assertThat(resolver.learn("bãi X", "tdp-99")).isFalse();
    }
}
