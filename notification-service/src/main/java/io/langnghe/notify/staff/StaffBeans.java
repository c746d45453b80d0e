package io.langnghe.notify.staff;

import io.langnghe.contracts.Topics;
import io.langnghe.contracts.kafka.KafkaLogin;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.notify.NotificationSettings;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalTime;

/** Staff mail: addresses, escalations, and the morning digest looked at every minute. */
@Factory
class StaffBeans {

    @Singleton
    StaffMail staffMail(@Value("${langnghe.notifications.staff.domain:phuong.local}") String domain,
                        @Value("${langnghe.notifications.staff.leader:lanhdao}") String leader,
                        @Value("${langnghe.notifications.staff.case-url:`http://localhost:8090/officer.html#case=`}") String caseUrl) {
        return new StaffMail(domain, leader, caseUrl);
    }

    @Singleton
    Escalations escalations(StaffMail staff, Taxonomy taxonomy, NotificationSettings settings) {
        return new Escalations(staff, taxonomy, settings.language());
    }

    @Singleton
    DigestJob digestJob(StaffMail staff, Taxonomy taxonomy, NotificationSettings settings, Topics topics, Clock clock,
                        @Value("${kafka.bootstrap.servers}") String bootstrapServers, KafkaLogin login,
                        @Value("${langnghe.notifications.staff.digest-at:`07:00`}") String digestAt) {
        return new DigestJob(new MorningDigest(staff, taxonomy, settings.language()), new OpenCases(bootstrapServers, login, topics.cases()),
                bootstrapServers, login, topics.notifications(), clock, settings.zoneId(), LocalTime.parse(digestAt));
    }

    /** Looks every minute whether this morning's digests are due. */
    @Singleton
    static final class DigestSchedule {
        private final DigestJob job;

        DigestSchedule(DigestJob job) {
            this.job = job;
        }

        @Scheduled(fixedDelay = "${langnghe.notifications.staff.look-every:1m}", initialDelay = "30s")
        void look() {
            job.runIfDue();
        }

        @PreDestroy
        void close() {
            job.close();
        }
    }
}
