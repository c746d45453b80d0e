package io.langnghe.notify.send;

import io.langnghe.contracts.Topics;
import io.langnghe.contracts.privacy.ContactKeys;
import io.langnghe.contracts.kafka.KafkaLogin;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The channels as the environment configures them: a gateway URL (or SMTP host) switches a channel on;
 * without one the channel only writes to the outbox (the local stack). The sender runs on its own thread.
 */
@Factory
class Channels {

    @Singleton
    List<ChannelAdapter> adapters(@Value("${langnghe.notifications.sms.url:}") String smsUrl,
                                  @Value("${langnghe.notifications.sms.api-key:}") String smsApiKey,
                                  @Value("${langnghe.notifications.sms.secret-key:}") String smsSecretKey,
                                  @Value("${langnghe.notifications.sms.brandname:LANGNGHE}") String brandname,
                                  @Value("${langnghe.notifications.sms.receipt-url:}") String receiptUrl,
                                  @Value("${langnghe.notifications.sms.receipt-secret:}") String receiptSecret,
                                  @Value("${langnghe.notifications.zalo.oa-url:}") String zaloUrl,
                                  @Value("${langnghe.notifications.zalo.zns-url:`https://business.openapi.zalo.me`}") String znsUrl,
                                  @Value("${langnghe.notifications.zalo.access-token:}") String zaloToken,
                                  @Value("${langnghe.notifications.zalo.refresh-token:}") String zaloRefreshToken,
                                  @Value("${langnghe.notifications.zalo.app-id:}") String zaloAppId,
                                  @Value("${langnghe.notifications.zalo.app-secret:}") String zaloAppSecret,
                                  @Value("${langnghe.notifications.zalo.oauth-url:`https://oauth.zaloapp.com`}") String zaloOauth,
                                  @Value("${langnghe.notifications.zalo.window:48h}") Duration zaloWindow,
                                  @Value("${langnghe.notifications.zalo.zns.answered:}") String znsAnswered,
                                  @Value("${langnghe.notifications.zalo.zns.resolved:}") String znsResolved,
                                  @Value("${langnghe.notifications.zalo.zns.rejected:}") String znsRejected,
                                  @Value("${langnghe.notifications.email.host:}") String smtpHost,
                                  @Value("${langnghe.notifications.email.port:25}") int smtpPort,
                                  @Value("${langnghe.notifications.email.from:langnghe@localhost}") String from,
                                  @Value("${langnghe.notifications.email.username:}") String smtpUser,
                                  @Value("${langnghe.notifications.email.password:}") String smtpPassword,
                                  @Value("${langnghe.notifications.email.starttls:false}") boolean startTls,
                                  Clock clock) {
        ChannelAdapter sms = smsUrl.isBlank() ? new OutboxOnly("sms")
                : new SmsGateway(URI.create(smsUrl), smsApiKey, smsSecretKey, brandname, receiptUrl, receiptSecret);
        Map<String, String> zns = new HashMap<>();
        zns.put("answered", znsAnswered);
        zns.put("resolved", znsResolved);
        zns.put("rejected", znsRejected);
        ChannelAdapter zalo = zaloUrl.isBlank() ? new OutboxOnly("zalo")
                : new ZaloOa(URI.create(zaloUrl), URI.create(znsUrl),
                        new ZaloTokens(URI.create(zaloOauth), zaloAppId, zaloAppSecret, zaloToken, zaloRefreshToken, clock),
                        zaloWindow, zns, clock);
        ChannelAdapter email = smtpHost.isBlank() ? new OutboxOnly("email")
                : new EmailSmtp(smtpHost, smtpPort, from, smtpUser, smtpPassword, startTls);
        return List.of(sms, zalo, email);
    }

    /** A fresh sender each time: one that died has closed its consumer and producer. */
    @Singleton
    SenderSupervisor sender(@Value("${kafka.bootstrap.servers}") String bootstrapServers, KafkaLogin login, @Value("${langnghe.topics-prefix}") String prefix,
                            Topics topics, List<ChannelAdapter> adapters, Outbox outbox, Clock clock, ContactKeys keys,
                            @Value("${langnghe.notifications.retry.attempts:5}") int attempts,
                            @Value("${langnghe.notifications.retry.first-backoff:1s}") Duration firstBackoff,
                            @Value("${langnghe.notifications.retry.max-backoff:1m}") Duration maxBackoff) {
        return new SenderSupervisor(() -> new Sender(bootstrapServers, login, prefix + ".notification-sender", topics, adapters, outbox,
                new Sender.Retry(attempts, firstBackoff, maxBackoff), clock, keys), clock);
    }

    /** Starts the sender once the server is up, and stops it with the application, then closes the channels' connections. */
    @Singleton
    static final class SenderStart implements ApplicationEventListener<ServerStartupEvent> {
        private final SenderSupervisor supervisor;
        private final List<ChannelAdapter> adapters;

        SenderStart(SenderSupervisor supervisor, List<ChannelAdapter> adapters) {
            this.supervisor = supervisor;
            this.adapters = adapters;
        }

        @Override
        public void onApplicationEvent(ServerStartupEvent event) {
            supervisor.start();
        }

        @jakarta.annotation.PreDestroy
        void stop() throws InterruptedException {
            supervisor.stop(Duration.ofSeconds(10));
            for (ChannelAdapter adapter : adapters) {
                if (adapter instanceof EmailSmtp email) {
                    email.close();
                }
            }
        }
    }
}
