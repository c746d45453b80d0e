package io.langnghe.routing;

import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.FeedbackReceived;
import io.langnghe.contracts.Topic;
import io.langnghe.contracts.Topics;
import io.langnghe.routing.classify.Classifier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import static io.langnghe.routing.AtRecordTime.atRecordTime;

/**
 * Petitions in, routed cases out:
 * {@code feedback.received.v1 → read → classify → route → open case → cases.v1}, and whatever
 * cannot be read → {@code feedback.dlq.v1}.
 * <p>
 * A case is dated by its record's timestamp, not by the wall clock: replaying the topic (after a
 * crash, or to rebuild) then opens the very same case with the same due date. The clock only
 * stamps when a dead letter was set aside.
 */
public final class RoutingTopology {

    private RoutingTopology() {
    }

    /** Adds the routing steps to the builder; returns the incoming stream (Micronaut wants a KStream bean). */
    public static KStream<String, byte[]> define(StreamsBuilder builder, Topics topics, Classifier classifier,
                                                 Router router, CaseOpening opening, Clock clock) {
        // Petitions arrive as bytes, so that one we cannot read is set aside instead of stopping the stream.
        KStream<String, byte[]> received = builder.stream(topics.feedbackReceived().name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("petitions"));

        // Read each petition; what is not one (not JSON, no text) goes to the dead-letter topic, with the error.
        Map<String, KStream<String, Reading>> read = received
                .processValues(() -> new ReadPetition(clock), Named.as("read-petition"))
                .split(Named.as("petition-"))
                .branch((id, reading) -> reading.isReadable(), Branched.as("readable"))
                .defaultBranch(Branched.as("unreadable"));
        read.get("petition-unreadable")
                .mapValues(Reading::deadLetter, Named.as("dead-letter"))
                .to(topics.feedbackDlq().name(), produced(topics.feedbackDlq(), "dead-letters"));

        // Classify the text, then choose the department: the category's own, or the triage desk when unsure.
        KStream<String, Routed> routed = read.get("petition-readable")
                .mapValues(Reading::petition, Named.as("petition"))
                .mapValues(petition -> new Routed(petition, router.route(classifier.classify(petition.text()))),
                        Named.as("classify-and-route"));

        // Open the case, assigned to that department, dated by the petition's record time.
        KStream<String, CaseState> opened = routed.processValues(
                atRecordTime((Routed r, Instant at) -> opening.open(r.petition(), r.routing(), at)), Named.as("open-case"));

        // Publish the whole state of the case, keyed by case id (= the feedback id it arrived with).
        opened.to(topics.cases().name(), produced(topics.cases(), "cases"));

        return received;
    }

    private static <V> Produced<String, V> produced(Topic<String, V> topic, String name) {
        return Produced.with(topic.keySerde(), topic.valueSerde()).withName(name);
    }

    /** A petition with the routing decided for it. */
    record Routed(FeedbackReceived petition, Routing routing) {
    }
}
