package io.langnghe.routing.health;

import io.langnghe.contracts.DeadLetter;
import io.langnghe.contracts.JsonSerde;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An unexpected exception in a processor fails the stream thread the first time (the transaction is
 * aborted and {@link StreamsWatch} replaces the thread, which reads the record again: a passing fault,
 * such as a broker restart, heals this way). When the same record (topic, partition, offset) fails a
 * second time it is a poison: it goes whole to the dead-letter topic with the exception, and the stream
 * moves on. Configured as {@code processing.exception.handler}, with the dead-letter topic in
 * {@value #DEAD_LETTER_TOPIC}.
 */
public class RetryOnceThenDeadLetter implements ProcessingExceptionHandler {

    public static final String DEAD_LETTER_TOPIC = "langnghe.dead-letter.topic";
    static final String FAILED_BY = "routing-streams";
    private static final Logger LOG = LoggerFactory.getLogger(RetryOnceThenDeadLetter.class);
    /** Shared by the threads of the JVM: the replacement thread must see what its predecessor failed on. */
    private static final Set<String> FAILED_ONCE = ConcurrentHashMap.newKeySet();
    private static final int REMEMBERED = 10_000;

    private String topic;
    private KafkaProducer<byte[], byte[]> producer;
    private final JsonSerde<DeadLetter> deadLetters = new JsonSerde<>(DeadLetter.class);

    @Override
    public void configure(Map<String, ?> configs) {
        topic = String.valueOf(configs.get(DEAD_LETTER_TOPIC));
        Map<String, Object> config = new java.util.HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, configs.get("bootstrap.servers"),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
        // the stream's own login: the dead letters are written as routing-streams' principal
        for (String login : new String[] {"security.protocol", "sasl.mechanism", "sasl.jaas.config"}) {
            if (configs.get(login) != null) {
                config.put(login, configs.get(login));
            }
        }
        producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        String where = context.topic() + "-" + context.partition() + "@" + context.offset();
        if (FAILED_ONCE.size() > REMEMBERED) {
            FAILED_ONCE.clear();
        }
        if (FAILED_ONCE.add(where)) {
            LOG.warn("Processing {} failed in {}; the thread is replaced and reads it again", where,
                    context.processorNodeId(), exception);
            return ProcessingHandlerResponse.FAIL;
        }
        try {
            DeadLetter letter = new DeadLetter(DeadLetter.SCHEMA_VERSION, context.topic(), context.partition(),
                    context.offset(), base64(record.key()), base64(record.value()),
                    "in " + context.processorNodeId() + ": " + stackTrace(exception), FAILED_BY, Instant.now());
            // acknowledged before the stream moves past the record: nothing is lost
            producer.send(new ProducerRecord<>(topic, bytes(record.key()), deadLetters.serializer().serialize(topic, letter)))
                    .get(30, TimeUnit.SECONDS);
            FAILED_ONCE.remove(where);
            LOG.error("Processing {} failed again; set aside in {}", where, topic, exception);
            return ProcessingHandlerResponse.CONTINUE;
        } catch (ExecutionException | TimeoutException e) {
            LOG.error("Could not set {} aside in {}; the thread fails and reads it again", where, topic, e);
            return ProcessingHandlerResponse.FAIL;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ProcessingHandlerResponse.FAIL;
        }
    }

    private static String base64(Object part) {
        byte[] bytes = bytes(part);
        return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
    }

    /** Bytes as read; anything else (a record already read into a Java object) as its text. */
    private static byte[] bytes(Object part) {
        if (part == null) {
            return null;
        }
        return part instanceof byte[] raw ? raw : part.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String stackTrace(Exception exception) {
        StringWriter text = new StringWriter();
        exception.printStackTrace(new PrintWriter(text));
        String trace = text.toString();
        // the first lines say what and where; a dead letter is no place for a whole trace
        return trace.length() > 4000 ? trace.substring(0, 4000) : trace;
    }
}
