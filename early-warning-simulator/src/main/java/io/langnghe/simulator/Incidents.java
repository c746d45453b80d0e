package io.langnghe.simulator;

import io.langnghe.contracts.Channel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The five incidents of the issue, written as residents would write them, on fixed days of the
 * simulation (after four weeks of background, so every area has its own baseline):
 * <ol>
 *   <li>cong-tac: a blocked drain reported by 2, then 5, then 9 residents over three days;</li>
 *   <li>karaoke: a karaoke too loud every night for a week, reported each night by the same resident;</li>
 *   <li>den-duong: a street-light outage along one street across three neighbouring areas;</li>
 *   <li>ngo-doc: a food poisoning after a wedding, reported by four families that night;</li>
 *   <li>dat-dai: a land encroachment acknowledged and then left past its deadline, whose resident comes
 *       back after two weeks and then writes of a denunciation.</li>
 * </ol>
 */
final class Incidents {

    static final int FIRST_DAY = 29;
    static final int LAST_DAY = 50;
    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    private Incidents() {
    }

    static List<Incident> all(Instant simulationStart, Ids ids) {
        LocalDate day0 = simulationStart.atOffset(VIETNAM).toLocalDate();
        List<Incident> incidents = new ArrayList<>();
        incidents.add(landLeftPastItsDeadline(day0.plusDays(29), ids));
        incidents.add(blockedDrain(day0.plusDays(33), ids));
        incidents.add(karaokeEveryNight(day0.plusDays(36), ids));
        incidents.add(streetLightsOut(day0.plusDays(41), ids));
        incidents.add(foodPoisoning(day0.plusDays(46), ids));
        return incidents;
    }

    private static Incident blockedDrain(LocalDate day, Ids ids) {
        Reports r = new Reports("cong-tac", day, ids);
        r.add(0, "08:10", "tdp-05", "drain-1", Channel.WEB, "Cống thoát nước ở ngõ 45 đường Lê Lai bị tắc, nước bẩn tràn ra ngõ.");
        r.add(0, "17:40", "tdp-05", "drain-2", Channel.HOTLINE, "Ngõ 45 Lê Lai cống bị tắc từ sáng, nước thải đen bốc mùi tràn ra ngõ.");
        r.add(1, "07:30", "tdp-05", "drain-3", Channel.SMS, "cong ngo 45 le lai bi tac, nuoc ban tran vao nha dan");
        r.add(1, "12:00", "tdp-05", "drain-4", Channel.ZALO, "Đề nghị nạo vét cống ngõ 45 Lê Lai, cống tắc nước bẩn tràn lênh láng.");
        r.add(1, "19:15", "tdp-05", "drain-5", Channel.WEB, "Nước thải từ cống ngõ 45 đường Lê Lai tràn ra đường, trẻ em đi học phải lội.");
        r.add(2, "07:00", "tdp-05", "drain-6", Channel.HOTLINE, "Cống ở ngõ 45 Lê Lai vẫn tắc, nước bẩn tràn, mùi hôi thối không chịu nổi.");
        r.add(2, "09:30", "tdp-05", "drain-7", Channel.WEB, "Ngõ 45 Lê Lai ngập nước bẩn do cống tắc đã ba ngày.");
        r.add(2, "14:00", "tdp-05", "drain-8", Channel.ZALO, "Cống thoát nước ngõ 45 Lê Lai tắc nghẽn, nước bẩn tràn cả vào sân nhà tôi.");
        r.add(2, "20:00", "tdp-05", "drain-9", Channel.WEB, "Cả xóm ngõ 45 Lê Lai khổ vì cống tắc, nước bẩn tràn bốc mùi, không ai xử lý.");
        return new Incident("cong-tac", "cống tắc: 2, 5, then 9 residents over 3 days (tdp-05)", r.list, Incident.Officers.AS_USUAL);
    }

    private static Incident karaokeEveryNight(LocalDate day, Ids ids) {
        Reports r = new Reports("karaoke", day, ids);
        String[] nights = {
                "Quán karaoke Hoàng Gia ở số 18 đường Trần Phú hát to đến 1 giờ sáng, cả nhà không ngủ được.",
                "Đêm nay karaoke Hoàng Gia số 18 Trần Phú lại hát ầm ĩ quá nửa đêm, đề nghị phường xử lý.",
                "Lần thứ ba tôi phản ánh: karaoke Hoàng Gia số 18 Trần Phú vẫn hát to sau 12 giờ đêm, rất bức xúc.",
                "Karaoke Hoàng Gia 18 Trần Phú đêm nào cũng hát to đến sáng, đã báo nhiều lần rồi.",
                "karaoke hoang gia 18 tran phu van hat to qua 12 gio dem, nha co nguoi gia khong ngu duoc",
                "Vẫn là karaoke Hoàng Gia số 18 Trần Phú, loa mở hết cỡ đến 1 giờ sáng, không ai giải quyết.",
                "Đêm thứ bảy liên tiếp karaoke Hoàng Gia 18 Trần Phú hát to, tôi sẽ gửi đơn lên thành phố."};
        String first = null;
        for (int n = 0; n < nights.length; n++) {
            String id = r.add(n, "23:" + (10 + 5 * n), "tdp-10", "karaoke-neighbour", n % 2 == 0 ? Channel.HOTLINE : Channel.SMS,
                    nights[n], n > 0 && n % 2 == 0 ? first : null);
            first = first == null ? id : first;
        }
        return new Incident("karaoke", "karaoke every night for a week, the same resident each night (tdp-10)", r.list,
                Incident.Officers.AS_USUAL);
    }

    private static Incident streetLightsOut(LocalDate day, Ids ids) {
        Reports r = new Reports("den-duong", day, ids);
        r.add(0, "18:30", "tdp-07", "light-1", Channel.WEB, "Đèn đường trên đường Dương Đình Nghệ đoạn qua tổ 7 mất điện cả dãy, tối om.");
        r.add(0, "19:10", "tdp-08", "light-2", Channel.HOTLINE, "Cả đoạn đường Dương Đình Nghệ đèn đường không sáng từ tối nay, tối om.");
        r.add(0, "21:00", "tdp-13", "light-3", Channel.SMS, "duong duong dinh nghe mat den duong ca doan, toi om nguy hiem");
        r.add(1, "06:30", "tdp-07", "light-4", Channel.ZALO, "Đèn đường Dương Đình Nghệ tắt hết cả đoạn, tối qua xe máy va nhau ở ngã ba.");
        r.add(1, "08:00", "tdp-08", "light-5", Channel.WEB, "Tối qua cả đoạn Dương Đình Nghệ mất đèn đường, đề nghị sửa gấp.");
        r.add(1, "19:00", "tdp-13", "light-6", Channel.HOTLINE, "Đèn đường Dương Đình Nghệ qua tổ 13 vẫn chưa sáng, tối om.");
        return new Incident("den-duong", "street lights out along one street in tdp-07, tdp-08 and tdp-13", r.list,
                Incident.Officers.AS_USUAL);
    }

    private static Incident foodPoisoning(LocalDate day, Ids ids) {
        Reports r = new Reports("ngo-doc", day, ids);
        r.add(0, "20:05", "tdp-16", "wedding-1", Channel.HOTLINE,
                "Sau khi ăn cỗ cưới nhà ông Tuấn ở ngõ 12 đường Lý Thường Kiệt, cả nhà tôi đau bụng, nôn mửa, nghi ngộ độc thực phẩm.");
        r.add(0, "21:30", "tdp-16", "wedding-2", Channel.HOTLINE,
                "Nhiều người ăn đám cưới ở ngõ 12 Lý Thường Kiệt bị tiêu chảy, có cả trẻ em phải đi viện.");
        r.add(0, "23:10", "tdp-16", "wedding-3", Channel.SMS, "ngo doc thuc pham sau dam cuoi ngo 12 ly thuong kiet, nha toi 3 nguoi bi non");
        r.add(1, "01:40", "tdp-16", "wedding-4", Channel.ZALO,
                "Đám cưới ngõ 12 Lý Thường Kiệt, khách ăn xong bị đau bụng, sốt, đề nghị trạm y tế kiểm tra ngộ độc.");
        return new Incident("ngo-doc", "food poisoning after a wedding, four families in one night (tdp-16)", r.list,
                Incident.Officers.AS_USUAL);
    }

    private static Incident landLeftPastItsDeadline(LocalDate day, Ids ids) {
        Reports r = new Reports("dat-dai", day, ids);
        String first = r.add(0, "09:00", "tdp-03", "land-owner", Channel.WEB,
                "Hộ bên cạnh số 27 ngõ 8 đường Tống Duy Tân xây tường lấn sang đất nhà tôi khoảng một mét, đề nghị phường xuống đo đạc, giải quyết.", null);
        r.add(15, "08:30", "tdp-03", "land-owner", Channel.HOTLINE,
                "Tôi đã gửi đơn về việc nhà số 27 ngõ 8 Tống Duy Tân lấn đất, hơn hai tuần nay vẫn chưa ai xuống giải quyết.", first);
        r.add(19, "10:00", "tdp-03", "land-owner", Channel.WEB,
                "Phường không giải quyết việc lấn chiếm đất ở ngõ 8 Tống Duy Tân, tôi sẽ làm đơn tố cáo cán bộ địa chính và gửi lên thành phố.", first);
        return new Incident("dat-dai", "land encroachment acknowledged then left overdue; the resident comes back, then writes \"tố cáo\" (tdp-03)",
                r.list, Incident.Officers.ACKNOWLEDGE_ONLY);
    }

    /** An incident's reports, on days after its first, at Vietnam times. */
    private static final class Reports {
        final String incident;
        final LocalDate day;
        final Ids ids;
        final List<SimPetition> list = new ArrayList<>();

        Reports(String incident, LocalDate day, Ids ids) {
            this.incident = incident;
            this.day = day;
            this.ids = ids;
        }

        String add(int dayOffset, String time, String area, String resident, Channel channel, String text) {
            return add(dayOffset, time, area, resident, channel, text, null);
        }

        String add(int dayOffset, String time, String area, String resident, Channel channel, String text, String refersTo) {
            Instant at = day.plusDays(dayOffset).atTime(LocalTime.parse(time)).toInstant(VIETNAM);
            String id = ids.next();
            list.add(new SimPetition(id, at, channel, area, "incident-" + resident, text, incident, refersTo));
            return id;
        }
    }
}
