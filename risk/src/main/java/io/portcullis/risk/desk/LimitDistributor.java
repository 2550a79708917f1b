package io.portcullis.risk.desk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.redisson.api.RScript;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The desk's state in Redis: a mirror of the authority that every node reads and listens to.
 *
 * <p>Layout, under a configurable prefix ({@code portcullis:} by default; the hash tag keeps both keys in one Redis
 * Cluster slot so that the scripts may touch them together):
 * <ul>
 *   <li>{@code <prefix>{risk}:state}: a hash from {@link DeskEntry#id()} to {@link DeskEntry#encode()}, the newest
 *       state of every item (removed list entries and released kill switches included);</li>
 *   <li>{@code <prefix>{risk}:version}: the highest desk sequence written to the hash. Its absence means Redis holds
 *       no desk state (never built, or lost): {@link #publish} then refuses and a node rebuilds it;</li>
 *   <li>topic {@code <prefix>risk:changes}: each published entry's text, for the nodes to apply at once.</li>
 * </ul>
 * Writes are Lua scripts, so the hash, the version and the announcement change together: an entry replaces the
 * stored one only if its sequence is higher, and the version only grows (except {@link #replace}).
 *
 * <p>Thread-safe. Every method is a Redis round trip and throws Redisson's exceptions when Redis does not answer
 * within the client's timeout.
 */
public final class LimitDistributor {
    private static final String PUBLISH = """
        if redis.call('EXISTS', KEYS[2]) == 0 then return -1 end
        local seq = tonumber(ARGV[3])
        local current = redis.call('HGET', KEYS[1], ARGV[1])
        if (not current) or tonumber(string.match(current, '^%d+')) < seq then
          redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
        end
        if tonumber(redis.call('GET', KEYS[2])) < seq then redis.call('SET', KEYS[2], ARGV[3]) end
        redis.call('PUBLISH', ARGV[4], ARGV[2])
        return 1
        """;
    private static final String REPLACE = """
        local current = redis.call('GET', KEYS[2])
        if ARGV[2] == '' then
          if current then return 0 end
        elseif current ~= ARGV[2] then
          return 0
        end
        redis.call('DEL', KEYS[1])
        for i = 3, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
        redis.call('SET', KEYS[2], ARGV[1])
        return 1
        """;

    private final RedissonClient redisson;
    private final String stateKey;
    private final String versionKey;
    private final String channel;

    /**
     * @param redisson a client with any codec (this class uses strings)
     * @param prefix   key prefix, e.g. {@code portcullis:}
     */
    public LimitDistributor(final RedissonClient redisson, final String prefix) {
        this.redisson = redisson;
        this.stateKey = prefix + "{risk}:state";
        this.versionKey = prefix + "{risk}:version";
        this.channel = prefix + "risk:changes";
    }

    /**
     * Writes {@code entry} to the hash (if newer than what is there), raises the version, and announces it.
     *
     * @return false when Redis holds no desk state (nothing was written): it must be rebuilt first
     */
    public boolean publish(final DeskEntry entry) {
        final Long result = script().eval(RScript.Mode.READ_WRITE, PUBLISH, RScript.ReturnType.LONG,
            List.of(stateKey, versionKey), entry.id(), entry.encode(), Long.toString(entry.seq()), channel);
        return result != null && result > 0;
    }

    /** The version in Redis, or -1 when Redis holds no desk state. */
    public long version() {
        final String value = redisson.<String>getBucket(versionKey, StringCodec.INSTANCE).get();
        return value == null ? -1 : Long.parseLong(value);
    }

    /**
     * Replaces Redis's desk state with {@code snapshot} (the authority's whole state, {@code since(0)}), if Redis's
     * version is still {@code expectedVersion} (-1: absent). Atomic.
     *
     * @return whether it replaced it (false: another node got there first, or Redis moved on)
     */
    boolean replace(final DeskLedger.Snapshot snapshot, final long expectedVersion) {
        final List<Object> args = new ArrayList<>();
        args.add(Long.toString(snapshot.seq()));
        args.add(expectedVersion < 0 ? "" : Long.toString(expectedVersion));
        for (final DeskEntry entry : snapshot.entries()) {
            args.add(entry.id());
            args.add(entry.encode());
        }
        final Long result = script().eval(RScript.Mode.READ_WRITE, REPLACE, RScript.ReturnType.LONG,
            List.of(stateKey, versionKey), args.toArray());
        return result != null && result > 0;
    }

    /** The hash as it is: entry id to entry text (for checks and the console). */
    public Map<String, String> state() {
        return redisson.<String, String>getMap(stateKey, StringCodec.INSTANCE).readAllMap();
    }

    /**
     * Listens to the announcements; Redisson re-subscribes by itself after a reconnect.
     *
     * @param listener called on a Redisson thread with each entry's text; must not block
     * @return the listener id, for {@link #unsubscribe}
     */
    public int subscribe(final Consumer<String> listener) {
        return topic().addListener(String.class, (name, message) -> listener.accept(message));
    }

    /** Stops a listener. */
    public void unsubscribe(final int listenerId) {
        topic().removeListener(listenerId);
    }

    private RTopic topic() {
        return redisson.getTopic(channel, StringCodec.INSTANCE);
    }

    private RScript script() {
        return redisson.getScript(StringCodec.INSTANCE);
    }
}
