package io.langnghe.notify.send;

import io.langnghe.contracts.NotificationRequest;
import io.langnghe.contracts.Topics;
import io.langnghe.contracts.kafka.KafkaLogin;
import io.langnghe.notify.TestCases;
import io.langnghe.testsupport.SharedInfrastructure;
import io.langnghe.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sender on the real broker, made to die: a sender thread that ends on an error is replaced, the
 * message it was holding is sent once by its successor, and a channel that throws on one message sets
 * that message aside instead of stopping the ones behind it.
 */
class SenderSupervisorTest {

    private final Topics topics = SharedInfrastructure.createTopics(SharedInfrastructure.uniquePrefix());
    private final TopicProbe probe = SharedInfrastructure.topicProbe();
    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private SenderSupervisor supervisor;
    @TempDir
    Path home;

    @AfterEach
    void stop() throws InterruptedException {
        if (supervisor != null) {
            supervisor.stop(Duration.ofSeconds(10));
        }
    }

    @Test
    void aSenderThatDiesIsReplacedAndItsMessageIsSentOnce() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        // the first send ends the thread as a bug deep in a library would (an Error, not a failure of the channel)
        ChannelAdapter dyingOnce = channel(request -> {
            if (calls.incrementAndGet() == 1) {
                throw new LinkageError("the first sender dies here");
            }
            delivered.add(request.idempotencyKey());
        });
        supervisor = new SenderSupervisor(() -> sender(dyingOnce), Clock.systemUTC());
        publish(request("case-1:1:sms"), request("case-1:2:sms"));

        supervisor.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> delivered.size() == 2 && supervisor.progress().lag() == 0);
        assertThat(delivered).containsExactly("case-1:1:sms", "case-1:2:sms");
        assertThat(supervisor.replaced()).isEqualTo(1);
        assertThat(supervisor.progress().running()).isTrue();
        assertThat(supervisor.progress().up()).isTrue();
    }

    @Test
    void aMessageTheChannelThrowsOnGoesToTheDeadLettersAndTheNextIsSent() throws Exception {
        ChannelAdapter choking = channel(request -> {
            if (request.idempotencyKey().equals("case-2:1:sms")) {
                throw new IllegalStateException("the adapter cannot read this message");
            }
            delivered.add(request.idempotencyKey());
        });
        supervisor = new SenderSupervisor(() -> sender(choking), Clock.systemUTC());
        publish(request("case-2:1:sms"), request("case-2:2:sms"));

        supervisor.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> delivered.contains("case-2:2:sms"));
        assertThat(delivered).containsExactly("case-2:2:sms");
        assertThat(probe.readAll(topics.notificationsDlq().name(), Duration.ofSeconds(10)))
                .extracting(ConsumerRecord::key).containsExactly("case-2");
        assertThat(supervisor.replaced()).isZero();
    }

    @Test
    void aServiceStoppedWhileTheGatewayAnswersRecordsTheMessageSoItsSuccessorDoesNotSendItAgain() throws Exception {
        CountDownLatch atTheGateway = new CountDownLatch(1);
        CountDownLatch gatewayAnswers = new CountDownLatch(1);
        ChannelAdapter slow = channel(request -> {
            atTheGateway.countDown();
            try {
                gatewayAnswers.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            delivered.add(request.idempotencyKey());
        });
        supervisor = new SenderSupervisor(() -> sender(slow), Clock.systemUTC());
        publish(request("case-3:1:sms"));
        supervisor.start();
        assertThat(atTheGateway.await(60, TimeUnit.SECONDS)).isTrue();

        // the service is told to stop (a restart) while the gateway is still answering
        SenderSupervisor stopping = supervisor;
        Thread stopper = new Thread(() -> {
            try {
                stopping.stop(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        stopper.start();
        Thread.sleep(300);
        gatewayAnswers.countDown();
        stopper.join(15_000);
        assertThat(delivered).containsExactly("case-3:1:sms");

        List<String> sentAgain = new CopyOnWriteArrayList<>();
        supervisor = new SenderSupervisor(() -> sender(channel(request -> sentAgain.add(request.idempotencyKey()))), Clock.systemUTC());
        supervisor.start();
        // the next message of the same case is read after the first one, on the same partition
        publish(request("case-3:2:sms"));
        await().atMost(Duration.ofSeconds(60)).until(() -> sentAgain.contains("case-3:2:sms"));
        assertThat(sentAgain).containsExactly("case-3:2:sms");
        assertThat(probe.readAll(topics.notificationOutcomes().name(), Duration.ofSeconds(10)))
                .extracting(ConsumerRecord::value).filteredOn(v -> v.contains("\"case-3:1:sms\"") && v.contains("\"sent\"")).hasSize(1);
    }

    private interface Delivering {
        void deliver(NotificationRequest request);
    }

    private static ChannelAdapter channel(Delivering delivering) {
        return new ChannelAdapter() {
            @Override
            public String channel() {
                return "sms";
            }

            @Override
            public Delivery send(NotificationRequest request) {
                delivering.deliver(request);
                return Delivery.sent(null);
            }
        };
    }

    private Sender sender(ChannelAdapter channel) {
        return new Sender(SharedInfrastructure.kafkaBootstrapServers(), KafkaLogin.plaintext(), topics.notifications().name() + ".sender", topics,
                List.of(channel), Outbox.at(home.resolve("outbox/messages.jsonl")),
                new Sender.Retry(2, Duration.ofMillis(100), Duration.ofMillis(200)), Clock.systemUTC());
    }

    private NotificationRequest request(String key) {
        String caseId = key.substring(0, key.indexOf(':'));
        return new NotificationRequest(NotificationRequest.SCHEMA_VERSION, key, caseId, Long.parseLong(key.split(":")[1]),
                "RNR2DHWRQ8", "received", "sms", TestCases.PHONE, "sms/received.vi", "vi", null, "Lang Nghe: received", false,
                Instant.parse("2026-11-26T02:00:00Z"), List.of(), null, false, null);
    }

    private void publish(NotificationRequest... requests) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, NotificationRequest> producer = new KafkaProducer<>(properties,
                topics.notifications().keySerde().serializer(), topics.notifications().valueSerde().serializer())) {
            for (NotificationRequest request : requests) {
                producer.send(new ProducerRecord<>(topics.notifications().name(), request.caseId(), request)).get();
            }
        }
    }
}
