package io.langnghe.simulator;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.langnghe.contracts.Channel;
import io.langnghe.contracts.taxonomy.AreaInfo;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.text.VietnameseText;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The ward's everyday petitions (simulator/background.yml): each category at its own daily rate, fewer
 * at weekends, most by day and few at night, in every area, from a few thousand residents; some typed
 * without diacritics, some with a greeting or a closing line, as people write.
 */
final class Background {

    /** Share of a weekday's petitions in each hour (Vietnam time): quiet at night, busy in the morning and evening. */
    private static final double[] BY_HOUR = {
            0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 1.0, 1.6, 1.8, 1.7, 1.5, 1.3,
            1.0, 1.0, 1.3, 1.4, 1.4, 1.3, 1.2, 1.4, 1.5, 1.2, 0.8, 0.4};
    private static final double HOURS_TOTAL = Arrays.stream(BY_HOUR).sum();
    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
    private static final List<String> OPENINGS = List.of("", "", "", "Kính gửi UBND phường. ", "Xin chào phường, ", "Tôi xin phản ánh: ",
            "Cho tôi hỏi, ");
    private static final List<String> CLOSINGS = List.of("", "", "", " Đề nghị phường xem xét.", " Mong được giải quyết sớm.",
            " Xin cảm ơn!", " Đề nghị cán bộ xuống kiểm tra.");

    private final File file;
    private final List<String> areas;
    private final int residents;

    Background(Taxonomy taxonomy, int residents) {
        this.file = File.load();
        this.areas = taxonomy.areas().stream().map(AreaInfo::code).toList();
        this.residents = residents;
    }

    record Category(@JsonProperty("per-day") double perDay, List<String> templates) {
    }

    record File(List<String> streets, List<String> shops, List<String> schools, Map<String, Category> categories) {

        static File load() {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            try (InputStream in = Background.class.getResourceAsStream("/simulator/background.yml")) {
                return yaml.readValue(in, File.class);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read simulator/background.yml: " + e.getMessage(), e);
            }
        }
    }

    /** The background of one hour starting at {@code hour}. */
    List<SimPetition> hour(Instant hour, RandomGenerator random, Ids ids) {
        var local = hour.atOffset(VIETNAM);
        double day = switch (local.getDayOfWeek()) {
            case SATURDAY -> 0.7;
            case SUNDAY -> 0.5;
            default -> 1.0;
        };
        List<SimPetition> petitions = new ArrayList<>();
        for (Category category : file.categories().values()) {
            double expected = category.perDay() * day * BY_HOUR[local.getHour()] / HOURS_TOTAL;
            int n = poisson(expected, random);
            for (int i = 0; i < n; i++) {
                Instant at = hour.plusSeconds(random.nextInt(3600));
                petitions.add(petition(category, at, random, ids));
            }
        }
        return petitions;
    }

    private SimPetition petition(Category category, Instant at, RandomGenerator random, Ids ids) {
        String text = pick(OPENINGS, random) + fill(pick(category.templates(), random), random) + pick(CLOSINGS, random);
        Channel channel = pickChannel(random);
        if (channel == Channel.SMS || random.nextDouble() < 0.15) {
            text = VietnameseText.fold(text);
        }
        String reporter = random.nextDouble() < 0.15 ? null : "resident-" + random.nextInt(residents);
        return new SimPetition(ids.next(), at, channel, pick(areas, random), reporter, text, null, null);
    }

    private String fill(String template, RandomGenerator random) {
        return template.replace("{street}", pick(file.streets(), random))
                .replace("{shop}", pick(file.shops(), random))
                .replace("{school}", pick(file.schools(), random))
                .replace("{alley}", Integer.toString(2 + random.nextInt(120)))
                .replace("{house}", Integer.toString(1 + random.nextInt(220)))
                .replace("{days}", Integer.toString(2 + random.nextInt(9)))
                .replace("{hour}", Integer.toString(6 + random.nextInt(16)));
    }

    private static Channel pickChannel(RandomGenerator random) {
        double r = random.nextDouble();
        return r < 0.45 ? Channel.WEB : r < 0.70 ? Channel.HOTLINE : r < 0.90 ? Channel.ZALO : Channel.SMS;
    }

    static <T> T pick(List<T> items, RandomGenerator random) {
        return items.get(random.nextInt(items.size()));
    }

    /** Knuth's method: fine for the small means of one hour. */
    static int poisson(double mean, RandomGenerator random) {
        double limit = Math.exp(-mean);
        double p = 1;
        int k = 0;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > limit);
        return k - 1;
    }
}
