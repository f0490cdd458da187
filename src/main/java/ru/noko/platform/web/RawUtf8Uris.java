package ru.noko.platform.web;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpRequest;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;

/**
 * Accepts request targets as people type them: curl and many clients send the UTF-8 bytes of
 * {@code ?q=березка} as they are. Netty reads the request line byte by byte into chars (ISO-8859-1),
 * and Micronaut's {@code URI.create} then rejects the C1 control chars among them with a 400
 * "Malformed URI" before any filter runs. This handler, placed right after Netty's HTTP codec,
 * percent-encodes every non-ASCII byte of the target, which is exactly what the client should
 * have sent; ASCII targets pass untouched.
 */
@Singleton
class RawUtf8Uris implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private static final String HANDLER = "noko-raw-utf8-uri";
    private static final Encoder ENCODER = new Encoder();

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null));
        return event.getBean();
    }

    /** The target with every char above 0x7F percent-encoded: chars ≤ 0xFF as the byte they were read from. */
    static String encode(String target) {
        int first = 0;
        while (first < target.length() && target.charAt(first) < 0x80) {
            first++;
        }
        if (first == target.length()) {
            return target;
        }
        StringBuilder encoded = new StringBuilder(target.length() * 3).append(target, 0, first);
        for (int i = first; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c < 0x80) {
                encoded.append(c);
            } else if (c <= 0xFF) {
                percent(encoded, c);
            } else {
                // a decoder that already read UTF-8 would give chars above 0xFF: encode them as UTF-8
                int end = Character.isHighSurrogate(c) && i + 1 < target.length() ? i + 2 : i + 1;
                for (byte b : target.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    percent(encoded, b & 0xFF);
                }
                i = end - 1;
            }
        }
        return encoded.toString();
    }

    private static void percent(StringBuilder out, int b) {
        out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
    }

    private record Customizer(Channel channel) implements NettyServerCustomizer {

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return new Customizer(channel);
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel == null) {
                return;
            }
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null && pipeline.get(HANDLER) == null) {
                pipeline.addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, HANDLER, ENCODER);
            }
        }
    }

    @ChannelHandler.Sharable
    private static final class Encoder extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest request) {
                String target = request.uri();
                String encoded = encode(target);
                if (!encoded.equals(target)) {
                    request.setUri(encoded);
                }
            }
            ctx.fireChannelRead(msg);
        }
    }
}
