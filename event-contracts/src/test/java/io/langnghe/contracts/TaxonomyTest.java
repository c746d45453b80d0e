package io.langnghe.contracts;

import io.langnghe.contracts.taxonomy.AreaInfo;
import io.langnghe.contracts.taxonomy.CategoryInfo;
import io.langnghe.contracts.taxonomy.DepartmentInfo;
import io.langnghe.contracts.taxonomy.FormerUnitInfo;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.contracts.taxonomy.TaxonomyException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaxonomyTest {

    private final Taxonomy taxonomy = Taxonomy.loadDefault();

    @Test
    void routesEveryCategoryAsDesignSays() {
        assertThat(taxonomy.defaultDepartmentFor(Category.GIAO_THONG_HA_TANG)).isEqualTo("kinh_te_ha_tang_do_thi");
        assertThat(taxonomy.defaultDepartmentFor(Category.DAT_DAI)).isEqualTo("kinh_te_ha_tang_do_thi");
        assertThat(taxonomy.defaultDepartmentFor(Category.GIAO_DUC)).isEqualTo("van_hoa_xa_hoi");
        assertThat(taxonomy.defaultDepartmentFor(Category.AN_NINH_TRAT_TU)).isEqualTo("cong_an");
        assertThat(taxonomy.defaultDepartmentFor(Category.Y_TE_ATTP)).isEqualTo("tram_y_te");
        assertThat(taxonomy.defaultDepartmentFor(Category.HANH_CHINH)).isEqualTo("hanh_chinh_cong");
        assertThat(taxonomy.defaultDepartmentFor(Category.KHAC)).isEqualTo("van_phong");
        assertThat(taxonomy.triageDepartment()).isEqualTo("van_phong");
    }

    @Test
    void namesEveryCategoryInVietnameseAndEnglish() {
        assertThat(taxonomy.categories()).hasSize(Category.values().length)
                .allSatisfy(c -> assertThat(c.vi()).isNotBlank())
                .allSatisfy(c -> assertThat(c.en()).isNotBlank());
        assertThat(taxonomy.category(Category.MOI_TRUONG).vi()).isEqualTo("Môi trường, vệ sinh");
    }

    @Test
    void knowsTheWardsResidentialGroups() {
        assertThat(taxonomy.hasArea("tdp-05")).isTrue();
        assertThat(taxonomy.area("tdp-05").map(AreaInfo::vi)).contains("Tổ dân phố 5");
        assertThat(taxonomy.hasArea("tdp-99")).isFalse();
    }

    @Test
    void everyAreaIsOfTheWardItsAreasFileNames() {
        assertThat(taxonomy.wardOf("tdp-05")).isEqualTo("dong-son");
        assertThat(taxonomy.wardOf(null)).as("a petition with no area is still the ward's").isEqualTo("dong-son");
    }

    @Test
    void knowsWhichAreasAreNeighboursWhicheverSideNamesThem() {
        // areas.yml names tdp-02 under tdp-01 only
        assertThat(taxonomy.neighboursOf("tdp-01")).containsExactlyInAnyOrder("tdp-02", "tdp-06");
        assertThat(taxonomy.neighboursOf("tdp-02")).contains("tdp-01");
        assertThat(taxonomy.neighboursOf("tdp-99")).isEmpty();
    }

    @Test
    void describesTheMergedWardAsEightFormerUnitsWithTheirVillages() {
        assertThat(taxonomy.ward().vi()).isEqualTo("Phường Đông Sơn");
        assertThat(taxonomy.formerUnits()).extracting(FormerUnitInfo::vi).containsExactly(
                "Thị trấn Rừng Thông", "Xã Đông Thịnh", "Phường Đông Tân", "Xã Đông Hòa",
                "Xã Đông Minh", "Xã Đông Hoàng", "Xã Đông Khê", "Xã Đông Ninh");
        assertThat(taxonomy.areas()).filteredOn(a -> !a.kind().equals(AreaInfo.TO_DAN_PHO)).hasSize(41);
        assertThat(taxonomy.area("dong-hoa-hien-thu")).get()
                .satisfies(a -> assertThat(a.formerUnit()).isEqualTo("dong-hoa"))
                .satisfies(a -> assertThat(a.aliases()).contains("thôn 3"));
        assertThat(taxonomy.area("tdp-05").map(AreaInfo::formerUnit)).contains("rung-thong");
        assertThat(taxonomy.formerUnits()).allSatisfy(u -> assertThat(u.sources()).isNotEmpty());
        assertThat(taxonomy.sources()).allSatisfy(s -> assertThat(s.url()).startsWith("http"));
    }

    @Test
    void refusesAnAreaInAFormerUnitThatIsNotListed() {
        List<CategoryInfo> categories = Arrays.stream(Category.values())
                .map(c -> new CategoryInfo(c, c.code(), c.code(), List.of())).toList();
        List<DepartmentInfo> departments = List.of(
                new DepartmentInfo("van_phong", "Văn phòng", "Office", List.of(Category.values()), true));
        List<FormerUnitInfo> units = List.of(new FormerUnitInfo("dong-hoa", "Xã Đông Hòa", "Đông Hòa", "xa",
                List.of(), List.of(), List.of(), List.of("dong-xyz"), List.of()));
        List<AreaInfo> areas = List.of(new AreaInfo("t1", "Thôn 1", "Village 1").withFormerUnit("dong-nam"));

        assertThatThrownBy(() -> Taxonomy.of(categories, departments, units, areas))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("area t1 lies in former unit dong-nam, which is not in formerUnits")
                .hasMessageContaining("former unit dong-hoa names dong-xyz as a neighbour");
    }

    @Test
    void refusesANeighbourThatIsNoArea() {
        List<CategoryInfo> categories = Arrays.stream(Category.values())
                .map(c -> new CategoryInfo(c, c.code(), c.code(), List.of())).toList();
        List<DepartmentInfo> departments = List.of(
                new DepartmentInfo("van_phong", "Văn phòng", "Office", List.of(Category.values()), true));
        List<AreaInfo> areas = List.of(new AreaInfo("tdp-01", "Tổ 1", "Group 1", List.of("tdp-77")));

        assertThatThrownBy(() -> Taxonomy.of(categories, departments, areas))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("area tdp-01 names tdp-77 as a neighbour");
    }

    @Test
    void refusesACategoryRoutedToNoDepartment() {
        List<CategoryInfo> categories = Arrays.stream(Category.values())
                .map(c -> new CategoryInfo(c, c.code(), c.code(), List.of())).toList();
        List<DepartmentInfo> departments = List.of(
                new DepartmentInfo("van_phong", "Văn phòng", "Office", List.of(Category.KHAC), true));

        assertThatThrownBy(() -> Taxonomy.of(categories, departments, List.of()))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("category moi_truong is routed to no department");
    }

    @Test
    void refusesACategoryRoutedTwice() {
        List<CategoryInfo> categories = Arrays.stream(Category.values())
                .map(c -> new CategoryInfo(c, c.code(), c.code(), List.of())).toList();
        List<DepartmentInfo> departments = List.of(
                new DepartmentInfo("van_phong", "Văn phòng", "Office", List.of(Category.values()), true),
                new DepartmentInfo("cong_an", "Công an", "Police", List.of(Category.AN_NINH_TRAT_TU), false));

        assertThatThrownBy(() -> Taxonomy.of(categories, departments, List.of()))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("an_ninh_trat_tu is routed to both van_phong and cong_an");
    }
}
