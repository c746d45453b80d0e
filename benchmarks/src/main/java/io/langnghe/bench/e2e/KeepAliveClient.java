package io.langnghe.bench.e2e;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The load's HTTP/1.1 client, on Netty with one event-loop thread: JSON POSTs over keep-alive connections, one
 * request at a time on each, and a new connection only when every open one is busy, so a load the stack falls
 * behind opens more, as many residents' browsers would. The bench runs on the cores of the stack it measures: the
 * JDK's HttpClient took about 0.8 ms of CPU per petition once warm (its schedulers and futures per exchange).
 * One client per address for the whole run, so the measured load reuses the connections its warm-up opened.
 */
final class KeepAliveClient {

    /** An answer: its status and its body as text. */
    record Answer(int status, String body) {
    }

    private static final Map<String, KeepAliveClient> BY_ADDRESS = new ConcurrentHashMap<>();
    private static final int MAX_ANSWER_BYTES = 1 << 20;
    private static final EventLoopGroup LOOP = new MultiThreadIoEventLoopGroup(1,
            new DefaultThreadFactory("bench-http", true), NioIoHandler.newFactory());

    private final Bootstrap bootstrap;
    private final String host;
    private final int port;
    private final String hostHeader;
    private final Queue<Channel> idle = new ConcurrentLinkedQueue<>();

    private KeepAliveClient(String host, int port, Duration connectTimeout) {
        this.host = host;
        this.port = port;
        this.hostHeader = host + ":" + port;
        this.bootstrap = new Bootstrap().group(LOOP).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(MAX_ANSWER_BYTES), new Exchange());
                    }
                });
    }

    /** The client of the target's host and port, made on first use. */
    static KeepAliveClient of(URI target, Duration connectTimeout) {
        int port = target.getPort() > 0 ? target.getPort() : 80;
        return BY_ADDRESS.computeIfAbsent(target.getHost() + ":" + port, address -> new KeepAliveClient(target.getHost(), port, connectTimeout));
    }

    /**
     * POSTs the JSON to the path; completes on the event-loop thread with the answer, or exceptionally when the
     * connection fails or no answer comes within the timeout (that connection is then closed, never reused).
     */
    CompletableFuture<Answer> postJson(String path, byte[] json, Map<String, String> headers, Duration timeout) {
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, path, Unpooled.wrappedBuffer(json));
        request.headers().set(HttpHeaderNames.HOST, hostHeader)
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .set(HttpHeaderNames.CONTENT_LENGTH, json.length);
        headers.forEach((name, value) -> request.headers().set(name, value));
        Channel open = idleOne();
        if (open != null) {
            // the server may have closed it meanwhile (its idle timeout): then a new one, not a failure to count
            open.eventLoop().execute(() -> {
                if (open.isActive()) {
                    send(open, request, answer, timeout);
                } else {
                    connectAndSend(request, answer, timeout);
                }
            });
        } else {
            connectAndSend(request, answer, timeout);
        }
        return answer;
    }

    private void connectAndSend(FullHttpRequest request, CompletableFuture<Answer> answer, Duration timeout) {
        bootstrap.connect(host, port).addListener((ChannelFuture connected) -> {
            if (connected.isSuccess()) {
                send(connected.channel(), request, answer, timeout);
            } else {
                request.release();
                answer.completeExceptionally(connected.cause());
            }
        });
    }

    private Channel idleOne() {
        for (Channel channel; (channel = idle.poll()) != null; ) {
            if (channel.isActive()) {
                return channel;
            }
        }
        return null;
    }

    /** On the channel's event loop: the one exchange of this connection until its answer. */
    private void send(Channel channel, FullHttpRequest request, CompletableFuture<Answer> answer, Duration timeout) {
        Exchange exchange = channel.pipeline().get(Exchange.class);
        exchange.pending = answer;
        exchange.timer = channel.eventLoop().schedule(() -> {
            if (exchange.pending == answer) {
                exchange.pending = null;
                answer.completeExceptionally(new TimeoutException("no answer within " + timeout));
                channel.close();
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        channel.writeAndFlush(request).addListener(written -> {
            if (!written.isSuccess()) {
                exchange.fail(channel, written.cause());
            }
        });
    }

    /** Each connection's handler: completes its pending exchange, then offers the connection again. */
    private final class Exchange extends SimpleChannelInboundHandler<FullHttpResponse> {
        private CompletableFuture<Answer> pending;
        private ScheduledFuture<?> timer;

        @Override
        protected void channelRead0(ChannelHandlerContext context, FullHttpResponse response) {
            CompletableFuture<Answer> answered = takePending();
            Answer answer = new Answer(response.status().code(), response.content().toString(StandardCharsets.UTF_8));
            if (HttpUtil.isKeepAlive(response)) {
                idle.offer(context.channel());
            } else {
                context.close();
            }
            if (answered != null) {
                answered.complete(answer);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) {
            fail(context.channel(), new IOException("the connection closed before the answer"));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            fail(context.channel(), cause);
        }

        /** The exchange in flight, if any, now ended: its timer no longer runs. */
        private CompletableFuture<Answer> takePending() {
            CompletableFuture<Answer> taken = pending;
            pending = null;
            if (timer != null) {
                timer.cancel(false);
            }
            return taken;
        }

        private void fail(Channel channel, Throwable cause) {
            CompletableFuture<Answer> failed = takePending();
            channel.close();
            if (failed != null) {
                failed.completeExceptionally(cause);
            }
        }
    }
}
