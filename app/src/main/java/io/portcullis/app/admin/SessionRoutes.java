package io.portcullis.app.admin;

import static io.portcullis.app.admin.Route.Method.GET;
import static io.portcullis.app.admin.Route.Method.POST;
import static io.portcullis.app.admin.Route.Method.PUT;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.portcullis.fix.session.SessionAdmin;
import io.portcullis.fix.session.SessionStatus;

/**
 * FIX session administration (role OPERATIONS) over {@link SessionAdmin}: list, show, log out, enable, disable, set
 * and reset sequence numbers. Every change needs a {@code reason} and is audited with the session's state before and
 * after.
 *
 * <p>Sessions are named in URLs by their QuickFIX/J SessionID string ({@code FIX.4.4:PORTCULLIS->BROKER1}) encoded as
 * one path segment with RFC 3986 percent-encoding ({@code encodeURIComponent}: {@code FIX.4.4%3APORTCULLIS-%3EBROKER1});
 * each listed session carries its ready-made {@code path}.
 */
final class SessionRoutes {
    private static final String ID = "/api/sessions/{id}";

    private final Supplier<SessionAdmin> sessions;

    /** @param sessions the acceptor's admin, looked up at each call (it exists once the acceptor started) */
    SessionRoutes(final Supplier<SessionAdmin> sessions) {
        this.sessions = sessions;
    }

    List<Route> routes() {
        final Access ops = Access.roles(Role.OPERATIONS);
        return List.of(
            new Route(GET, "/api/sessions", ops, call -> Reply.ok(Map.of("sessions",
                sessions.get().list().stream().map(SessionRoutes::view).toList()))),
            new Route(GET, ID, ops, call -> Reply.ok(view(sessions.get().status(call.path("id"))))),
            new Route(POST, ID + "/logout", ops, this::logout),
            new Route(POST, ID + "/enable", ops, call -> enable(call, true)),
            new Route(POST, ID + "/disable", ops, call -> enable(call, false)),
            new Route(PUT, ID + "/seqnums", ops, this::setSeqNums),
            new Route(POST, ID + "/reset-seqnums", ops, this::reset));
    }

    private Reply logout(final Call call) {
        call.onlyMembers("reason");
        final String reason = call.reason();
        final String id = call.path("id");
        final SessionStatus before = sessions.get().status(id);
        final boolean loggedOut = sessions.get().logout(id, reason, call.principal().username());
        final SessionStatus after = sessions.get().status(id);
        call.changed("SESSION_LOGOUT", id, reason, view(before), view(after));
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("loggedOut", loggedOut);
        body.put("session", view(after));
        return Reply.ok(body);
    }

    private Reply enable(final Call call, final boolean enable) {
        call.onlyMembers("reason");
        final String reason = call.reason();
        final String id = call.path("id");
        final SessionStatus before = sessions.get().status(id);
        if (enable) {
            sessions.get().enable(id, reason, call.principal().username());
        } else {
            sessions.get().disable(id, reason, call.principal().username());
        }
        final SessionStatus after = sessions.get().status(id);
        call.changed(enable ? "SESSION_ENABLE" : "SESSION_DISABLE", id, reason, view(before), view(after));
        return Reply.ok(view(after));
    }

    private Reply setSeqNums(final Call call) throws java.io.IOException {
        call.onlyMembers("nextSenderSeqNum", "nextTargetSeqNum", "reason");
        final Integer sender = call.optionalInt("nextSenderSeqNum", 1, Integer.MAX_VALUE);
        final Integer target = call.optionalInt("nextTargetSeqNum", 1, Integer.MAX_VALUE);
        if (sender == null && target == null) {
            throw ApiProblem.badRequest("nextSenderSeqNum", "give nextSenderSeqNum, nextTargetSeqNum or both");
        }
        final String reason = call.reason();
        final String id = call.path("id");
        final SessionStatus before = sessions.get().status(id);
        if (sender != null) {
            sessions.get().setNextSenderSeqNum(id, sender, reason, call.principal().username());
        }
        if (target != null) {
            sessions.get().setNextTargetSeqNum(id, target, reason, call.principal().username());
        }
        final SessionStatus after = sessions.get().status(id);
        call.changed("SESSION_SET_SEQNUMS", id, reason, view(before), view(after));
        return Reply.ok(view(after));
    }

    private Reply reset(final Call call) throws java.io.IOException {
        call.onlyMembers("reason");
        final String reason = call.reason();
        final String id = call.path("id");
        final SessionStatus before = sessions.get().status(id);
        sessions.get().resetSequenceNumbers(id, reason, call.principal().username());
        final SessionStatus after = sessions.get().status(id);
        call.changed("SESSION_RESET_SEQNUMS", id, reason, view(before), view(after));
        return Reply.ok(view(after));
    }

    /** The JSON shape of a session (see {@code SessionStatus} in api/openapi.yaml). */
    static Map<String, Object> view(final SessionStatus status) {
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("sessionId", status.sessionId());
        out.put("path", "/api/sessions/" + encode(status.sessionId()));
        out.put("firmId", status.firmId());
        out.put("role", status.role());
        out.put("source", status.source());
        out.put("enabled", status.enabled());
        out.put("loggedOn", status.loggedOn());
        out.put("remoteAddress", status.remoteAddress());
        out.put("nextSenderSeqNum", status.nextSenderSeqNum());
        out.put("nextTargetSeqNum", status.nextTargetSeqNum());
        return out;
    }

    /** A SessionID as one URL path segment (RFC 3986 percent-encoding, space as {@code %20}). */
    static String encode(final String sessionId) {
        return URLEncoder.encode(sessionId, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
