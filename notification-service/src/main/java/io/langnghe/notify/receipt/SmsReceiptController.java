package io.langnghe.notify.receipt;

import io.langnghe.contracts.MessageOutcome;
import io.langnghe.contracts.Topics;
import io.langnghe.contracts.kafka.KafkaLogin;
import io.langnghe.notify.history.MessageHistory;
import io.langnghe.notify.plan.NotificationTopology;
import io.micronaut.configuration.kafka.streams.InteractiveQueryService;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * {@code GET /api/receipts/sms}: the SMS gateway's delivery report, as eSMS calls back the
 * {@code CallbackUrl} the sender gave it (HTTP GET; {@code SMSID}, {@code SendStatus} 5 sent successfully,
 * 4 rejected, 1/2/7 still on the way, {@code SendSuccess}, {@code SendFailed}, {@code RequestId}), plus
 * our own {@code key} and {@code token} ({@link ReceiptToken}). A final report becomes a {@code delivered}
 * or {@code failed} outcome on {@code notification.outcomes.v1} for that key, so the case's messages show it.
 */
@Controller("/api/receipts/sms")
@Secured(SecurityRule.IS_ANONYMOUS)
public class SmsReceiptController {

    /** What the gateway is told: recorded, or still on the way (nothing recorded). */
    public record Answer(String key, String outcome) {
    }

    private final InteractiveQueryService queries;
    private final Topics topics;
    private final Clock clock;
    private final String secret;
    private final KafkaProducer<String, MessageOutcome> producer;

    public SmsReceiptController(InteractiveQueryService queries, Topics topics, Clock clock,
                                @Value("${kafka.bootstrap.servers}") String bootstrapServers, KafkaLogin login,
                                @Value("${langnghe.notifications.sms.receipt-secret:}") String secret) {
        this.queries = queries;
        this.topics = topics;
        this.clock = clock;
        this.secret = secret;
        Map<String, Object> properties = login.clientConfig(bootstrapServers);
        properties.putAll(Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true"));
        this.producer = new KafkaProducer<>(properties, topics.notificationOutcomes().keySerde().serializer(),
                topics.notificationOutcomes().valueSerde().serializer());
    }

    @Get
    public Answer receive(@QueryValue("key") @Nullable String key, @QueryValue("token") @Nullable String token,
                          @QueryValue("SMSID") @Nullable String smsId, @QueryValue("SendStatus") @Nullable String sendStatus,
                          @QueryValue("SendSuccess") @Nullable String sendSuccess, @QueryValue("SendFailed") @Nullable String sendFailed) {
        if (!ReceiptToken.matches(secret, key, token)) {
            throw ReceiptRefused.unauthenticated();
        }
        MessageOutcome sent = sentMessage(key);
        String outcome = outcome(sendStatus, sendSuccess, sendFailed);
        if (outcome == null) {
            return new Answer(key, "pending");
        }
        MessageOutcome receipt = new MessageOutcome(MessageOutcome.SCHEMA_VERSION, key, sent.caseId(), sent.event(), sent.channel(),
                sent.template(), outcome, clock.instant(), "SMS gateway SendStatus " + sendStatus,
                smsId == null ? sent.gatewayId() : smsId);
        try {
            // acknowledged before the gateway hears OK: a lost write makes it call again (eSMS retries 5 times)
            producer.send(new ProducerRecord<>(topics.notificationOutcomes().name(), sent.caseId(), receipt)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not record the receipt of " + key, e.getCause());
        }
        return new Answer(key, outcome);
    }

    /** 5 delivered; 4 (rejected) or only failures failed; anything else is not final yet. */
    static String outcome(String sendStatus, String sendSuccess, String sendFailed) {
        if ("5".equals(sendStatus)) {
            return "delivered";
        }
        if ("4".equals(sendStatus) || (count(sendFailed) > 0 && count(sendSuccess) == 0)) {
            return "failed";
        }
        return null;
    }

    private static int count(String number) {
        try {
            return number == null ? 0 : Integer.parseInt(number.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The message's own "sent" outcome: a receipt names its event and template, and cannot invent a message. */
    private MessageOutcome sentMessage(String key) {
        // keys are caseId:version:channel, and a case id may itself hold a colon
        int channelAt = key.lastIndexOf(':');
        int versionAt = channelAt < 0 ? -1 : key.lastIndexOf(':', channelAt - 1);
        if (versionAt <= 0) {
            throw ReceiptRefused.unknownMessage();
        }
        ReadOnlyKeyValueStore<String, MessageHistory> store = queries.<ReadOnlyKeyValueStore<String, MessageHistory>>getQueryableStore(
                NotificationTopology.HISTORY_STORE, QueryableStoreTypes.keyValueStore()).orElse(null);
        MessageHistory history = store == null ? null : store.get(key.substring(0, versionAt));
        List<MessageOutcome> outcomes = history == null ? List.of() : history.outcomes();
        return outcomes.stream().filter(o -> key.equals(o.idempotencyKey()) && "sent".equals(o.status()))
                .reduce((first, second) -> second).orElseThrow(ReceiptRefused::unknownMessage);
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
