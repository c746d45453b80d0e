package io.langnghe.bench.e2e;

import io.langnghe.simulator.SimPetition;
import io.langnghe.simulator.WardSimulation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The petitions a run sends: the ward's everyday ones from the simulator's generator (its templates,
 * areas, typing without diacritics), or a burst of look-alike reports of one blocked drain, each from
 * a resident of their own, worded as people word the same thing differently.
 */
final class Petitions {

    /** The simulator's background: about 11.8 petitions a simulated day. */
    private static final double PER_DAY = 11.8;

    private static final List<String> DRAIN = List.of(
            "Cống thoát nước ở ngõ 45 đường Lê Lai bị tắc, nước bẩn tràn ra ngõ.",
            "Ngõ 45 Lê Lai cống bị tắc, nước thải đen bốc mùi tràn ra ngõ.",
            "cong ngo 45 le lai bi tac, nuoc ban tran vao nha dan",
            "Đề nghị nạo vét cống ngõ 45 Lê Lai, cống tắc nước bẩn tràn lênh láng.",
            "Nước thải từ cống ngõ 45 đường Lê Lai tràn ra đường, trẻ em đi học phải lội.",
            "Cống ở ngõ 45 Lê Lai vẫn tắc, nước bẩn tràn, mùi hôi thối không chịu nổi.",
            "Ngõ 45 Lê Lai ngập nước bẩn do cống tắc đã ba ngày.",
            "Cống thoát nước ngõ 45 Lê Lai tắc nghẽn, nước bẩn tràn cả vào sân nhà tôi.");
    private static final List<String> CLOSINGS = List.of("", " Đề nghị phường xem xét.", " Mong được giải quyết sớm.",
            " Xin cảm ơn!", " Đề nghị cán bộ xuống kiểm tra.");

    /** One petition as the web form sends it; {@code phone} is null when the resident left none. */
    record Petition(String text, String area, String phone, Instant writtenAt) {
    }

    private Petitions() {
    }

    /** {@code count} everyday petitions written over the days before now, oldest first. */
    static List<Petition> everyday(int count, long seed) {
        if (count == 0) {
            return List.of();
        }
        int days = (int) Math.ceil(count / PER_DAY * 1.2) + 1;
        Instant start = Instant.now().minus(Duration.ofDays(days));
        List<SimPetition> simulated = new WardSimulation().petitions(start, days, seed, false).petitions();
        List<Petition> petitions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            // a rare short simulation is reused from the start rather than falling short
            SimPetition p = simulated.get(i % simulated.size());
            petitions.add(new Petition(p.text(), p.area(), p.reporter() == null ? null : phoneOf(p.reporter()), p.at()));
        }
        return petitions;
    }

    /**
     * {@code count} everyday petitions spread over the {@code span} before now, oldest first: a ward's history as the
     * issue's "100,000 kept over a year" means it. The simulated days are folded onto the span's days (several onto
     * one when there are more), each petition keeping its time of day (shifted
     * alike, so the last one is not in the future), and the last day and week hold their share.
     */
    static List<Petition> spreadOver(Duration span, int count, long seed) {
        List<Petition> simulated = everyday(count, seed);
        if (simulated.isEmpty()) {
            return simulated;
        }
        LocalDate first = dayOf(simulated.get(0).writtenAt());
        long simulatedDays = ChronoUnit.DAYS.between(first, dayOf(simulated.get(simulated.size() - 1).writtenAt())) + 1;
        long spanDays = Math.max(1, span.toDays());
        Instant start = Instant.now().minus(Duration.ofDays(spanDays));
        List<Petition> spread = new ArrayList<>(count);
        for (Petition p : simulated) {
            LocalDate day = dayOf(p.writtenAt());
            Duration timeOfDay = Duration.between(day.atStartOfDay(ZoneOffset.UTC).toInstant(), p.writtenAt());
            long foldedDay = ChronoUnit.DAYS.between(first, day) * spanDays / simulatedDays;
            spread.add(new Petition(p.text(), p.area(), p.phone(), start.plus(Duration.ofDays(foldedDay)).plus(timeOfDay)));
        }
        spread.sort(Comparator.comparing(Petition::writtenAt));
        return spread;
    }

    private static LocalDate dayOf(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    /**
     * The same petitions, each resident who left a phone given a number of their own for this run: ingest-service
     * lets one phone file 10 petitions an hour, and a refused petition is not the cost being measured.
     */
    static List<Petition> eachWithOwnPhone(List<Petition> petitions, long run) {
        List<Petition> own = new ArrayList<>(petitions.size());
        for (int i = 0; i < petitions.size(); i++) {
            Petition p = petitions.get(i);
            own.add(p.phone() == null ? p
                    : new Petition(p.text(), p.area(), String.format("096%07d", Math.floorMod(run + i, 10_000_000)), p.writtenAt()));
        }
        return own;
    }

    /** {@code count} look-alike reports of one blocked drain in tdp-05, from {@code count} residents. */
    static List<Petition> burst(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Petition> petitions = new ArrayList<>(count);
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            String text = DRAIN.get(random.nextInt(DRAIN.size())) + CLOSINGS.get(random.nextInt(CLOSINGS.size()));
            petitions.add(new Petition(text, "tdp-05", String.format("097%07d", Math.floorMod(seed * 100_003 + i, 10_000_000)), now));
        }
        return petitions;
    }

    /** A Viettel-style mobile number that is the same for the same simulated resident. */
    private static String phoneOf(String reporter) {
        return String.format("098%07d", Math.floorMod(reporter.hashCode(), 10_000_000));
    }
}
