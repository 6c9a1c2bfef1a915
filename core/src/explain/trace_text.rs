//! Trace lines and manual-delivery items as sentences by key, for a page that shows them in
//! the reader's language. The trace's own text (`Event`'s `Display`, `zabscope run`, the
//! digests' scripts) is unchanged and stays English: these render the same facts through the
//! catalogues, with the protocol's own words (message types and their fields, states,
//! phases, commands as typed, zkCli's event names) kept as arguments shown as they are —
//! [`VERBATIM`] names them, so a page can set them apart (`<code>`).

use crate::explain::Text;
use crate::sim::simulation::Pending;
use crate::sim::trace::{Event, EventKind};
use crate::zab::server::outbox::Persist;
use crate::zk::code::Code;

/// Arguments that hold the protocol's or the user's own words, shown as they are.
pub const VERBATIM: &[&str] = &[
    "msg", "command", "state", "phase", "op", "event", "client", "text", "kind", "err", "file",
    "detail",
];

/// `#step time who`: numbers and server ids, the same in every language.
fn head(e: &Event) -> String {
    let who = match (e.from, e.to) {
        (Some(a), Some(b)) => format!("{a}->{b}"),
        (Some(a), None) | (None, Some(a)) => format!("{a}"),
        (None, None) => "-".to_string(),
    };
    format!("#{} {} {who}", e.step, e.at)
}

/// Why the network dropped a message (`Drop`'s reason), by key.
fn drop_reason(reason: &'static str) -> Text {
    let key = match reason {
        "partitioned" => "trace.reason.partitioned",
        "connection broken" => "trace.reason.broken",
        "lost" | "lost: connection reset" => "trace.reason.lost",
        "receiver not running" => "trace.reason.down",
        "old connection" => "trace.reason.old_connection",
        "connection closed" => "trace.reason.closed",
        "dropped by user" => "trace.reason.user",
        _ => return Text::new("error.en").arg("error", reason),
    };
    Text::new(key)
}

/// Why a server gave up its role (`Transition::Looking`'s reasons), by key.
fn gave_up_reason(why: &'static str) -> Text {
    let key = match why {
        "connection to the leader closed" => "trace.gave_up.closed",
        "leader silent past the read timeout" => "trace.gave_up.silent",
        "leader's epoch is less than my accepted epoch" => "trace.gave_up.old_epoch",
        "timed out waiting for a quorum of learners" => "trace.gave_up.no_quorum",
        "not sufficient followers synced" => "trace.gave_up.not_synced",
        "COMMIT for a txn that is not next" => "trace.gave_up.commit_gap",
        "not able to truncate the log" => "trace.gave_up.truncate",
        "zxid counter rolled over" => "trace.gave_up.rollover",
        _ => return Text::new("error.en").arg("error", why),
    };
    Text::new(key)
}

/// What a server wrote to its disk.
fn persist(p: &Persist) -> Text {
    match p {
        Persist::AcceptedEpoch(e) => Text::new("trace.persist.accepted_epoch").arg("epoch", *e),
        Persist::CurrentEpoch(e) => Text::new("trace.persist.current_epoch").arg("epoch", *e),
        Persist::Append(z) => Text::new("trace.persist.append").arg("zxid", *z),
        Persist::Truncate(z) => Text::new("trace.persist.truncate").arg("zxid", *z),
        Persist::Snapshot(z) => {
            Text::new("trace.persist.snapshot").arg("file", format!("snapshot.{:x}", z.0))
        }
    }
}

/// A client reply's result as ZooKeeper's `KeeperException.Code` constant (`OK`, `NONODE`),
/// never the number on the wire.
fn code_name(err: i32) -> String {
    Code::from_value(err).map_or_else(|| format!("UNKNOWN({err})"), |c| c.name().to_uppercase())
}

/// The trace line of `e` as a sentence (`trace.*`). In English it reads as the trace does,
/// except a client reply's result, named as its `KeeperException.Code` constant.
#[must_use]
pub fn trace_text(e: &Event) -> Text {
    let t = |key| Text::new(key).arg("head", head(e));
    match &e.kind {
        EventKind::Command(c) => t("trace.command").arg("command", c.clone()),
        EventKind::Send { msg_id, msg } => t("trace.send")
            .arg("mid", format!("m{msg_id}"))
            .arg("msg", msg.to_string()),
        EventKind::Deliver { msg_id, msg } => t("trace.deliver")
            .arg("mid", format!("m{msg_id}"))
            .arg("msg", msg.to_string()),
        EventKind::Drop {
            msg_id,
            msg,
            reason,
        } => t("trace.drop")
            .arg("mid", format!("m{msg_id}"))
            .arg("msg", msg.to_string())
            .arg("reason", drop_reason(reason)),
        EventKind::Timer => t("trace.timeout"),
        EventKind::State { state, phase } => {
            t("trace.state").arg("state", *state).arg("phase", *phase)
        }
        EventKind::Persist(p) => t("trace.persist").arg("what", persist(p)),
        EventKind::Propose { zxid, needed } => {
            t("trace.propose").arg("zxid", *zxid).arg("needed", *needed)
        }
        EventKind::Ack {
            zxid, acks, needed, ..
        } => t("trace.ack")
            .arg("zxid", *zxid)
            .arg("acks", *acks)
            .arg("needed", *needed),
        EventKind::Commit { zxid } => t("trace.commit").arg("zxid", *zxid),
        EventKind::Applied { zxid } => t("trace.apply").arg("zxid", *zxid),
        EventKind::Established { epoch } => t("trace.established").arg("epoch", *epoch),
        EventKind::Sync {
            learner,
            kind,
            zxid,
            ..
        } => t("trace.sync")
            .arg("learner", *learner)
            .arg("kind", kind.to_string())
            .arg("zxid", *zxid),
        EventKind::GaveUp(why) => t("trace.gave_up").arg("why", gave_up_reason(why)),
        EventKind::LearnerClosed { learner, ms } => t("trace.learner_closed")
            .arg("learner", *learner)
            .arg("ms", *ms),
        EventKind::ClientRequest { session, cxid, op } => t("trace.client_request")
            .arg("session", *session)
            .arg("cxid", *cxid)
            .arg("op", op.clone()),
        EventKind::ClientReply {
            session,
            cxid,
            zxid,
            err,
        } => t("trace.client_reply")
            .arg("session", *session)
            .arg("cxid", *cxid)
            .arg("zxid", *zxid)
            .arg("err", code_name(*err)),
        EventKind::ClientTimeout { session, cxid } => t("trace.client_timeout")
            .arg("session", *session)
            .arg("cxid", *cxid),
        EventKind::Watch { session, event } => t("trace.watch")
            .arg("session", *session)
            .arg("event", event.clone()),
        EventKind::ClientState {
            session,
            client,
            state,
            why,
        } => t("trace.client_state")
            .arg("client", client.clone())
            .arg("session", *session)
            .arg("state", state.clone())
            .arg("detail", why.clone()),
        EventKind::Recipe { client, text } => t("trace.recipe")
            .arg("client", client.clone())
            .arg("text", text.clone()),
        EventKind::Finding { text } => t("trace.finding").arg("text", text.clone()),
    }
}

/// A manual-delivery item as a sentence (`manual.item.*`); in English it reads as
/// `Pending`'s `Display`.
#[must_use]
pub fn pending_text(p: &Pending) -> Text {
    match p {
        Pending::Message { id, from, to, info } => Text::new("manual.item.message")
            .arg("mid", format!("m{id}"))
            .arg("from", *from)
            .arg("to", *to)
            .arg("msg", info.to_string()),
        Pending::Timer { server } => Text::new("manual.item.timer").arg("server", *server),
        Pending::Command(c) => Text::new("manual.item.command").arg("command", c.clone()),
        Pending::ClientTick { client } => {
            Text::new("manual.item.client_tick").arg("client", client.clone())
        }
        Pending::ClientTimeout { client, cxid } => Text::new("manual.item.client_timeout")
            .arg("client", client.clone())
            .arg("cxid", *cxid),
    }
}

#[cfg(test)]
mod tests {
    use super::{VERBATIM, pending_text, trace_text};
    use crate::explain::Lang;
    use crate::sim::script::Script;
    use crate::sim::simulation::Simulation;
    use crate::sim::trace::EventKind;

    /// In English a trace line by key reads as the trace itself (a client reply names its
    /// result code), and so does a manual-delivery item; in 简体中文 every line is translated
    /// apart from its verbatim arguments.
    #[test]
    fn trace_lines_by_key_read_as_the_trace() {
        let text = include_str!("../../../tests/scenarios/client_failover.zs");
        let script = Script::parse(text).expect("script");
        let mut sim = Simulation::from_script(&script).expect("sim");
        sim.run_for(script.until_ms.min(20_000));
        let mut kinds = std::collections::BTreeSet::new();
        for e in sim.trace().iter() {
            let t = trace_text(e);
            kinds.insert(t.key);
            let line = e.to_string();
            match &e.kind {
                EventKind::ClientReply { err, .. } => {
                    let head = line.strip_suffix(&format!("err={err}")).expect("err=");
                    assert!(t.en().starts_with(head), "{} / {line}", t.en());
                }
                _ => assert_eq!(t.en(), line),
            }
            let zh = t.render(Lang::ZhCn);
            if cfg!(feature = "builtin-zh") {
                assert_ne!(zh, t.en(), "{}", t.key);
            }
            assert!(!zh.contains('?') || line.contains('?'), "{zh}");
        }
        for k in [
            "trace.send",
            "trace.deliver",
            "trace.state",
            "trace.client_reply",
        ] {
            assert!(kinds.contains(k), "no {k} in {kinds:?}");
        }
        for r in sim.enabled() {
            let p = sim.pending(r).expect("pending");
            assert_eq!(pending_text(&p).en(), p.to_string());
        }
        assert!(VERBATIM.contains(&"msg"));
    }
}
