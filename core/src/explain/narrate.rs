//! One sentence per step (the page's narration line, the trace's explanation column): the
//! step's most telling event, as a [`Text`]. Order of preference: a command, a leader's commit,
//! an established epoch, a sync choice, an election decision, a vote change, another state
//! change, an ACK counted, a proposal, a client reply, a delivery, a drop, a client request,
//! a timer.

use crate::explain::timer;
use crate::explain::vote::VoteChange;
use crate::explain::{Arg, Text};
use crate::ids::ServerId;
use crate::sim::kernel::Node;
use crate::sim::trace::{Event, EventKind};
use crate::zab::proto::ServerState;
use crate::zab::server::outbox::Phase;
use crate::zk::code::Code;

/// The narration of one step (`None` for a step with no event, e.g. a timer of a stopped
/// server). `nodes` are the servers after the step (the leader each follows, an election's
/// next wait, a learner's retries, what a crashed server's disk holds).
#[must_use]
pub fn narrate(events: &[Event], vote: Option<&VoteChange>, nodes: &[Node]) -> Option<Text> {
    let leader_of = |id: ServerId| {
        nodes
            .iter()
            .find(|n| n.id == id)
            .and_then(|n| n.server.as_ref())
            .and_then(crate::zab::server::Server::leader)
    };
    let find = |f: &dyn Fn(&Event) -> Option<Text>| events.iter().find_map(f);
    find(&|e| match &e.kind {
        EventKind::Command(c) => Some(
            timer::crash(c, nodes).unwrap_or_else(|| Text::new("step.command").arg("command", c)),
        ),
        _ => None,
    })
    .or_else(|| find(&|e| leader_commit(events, e)))
    .or_else(|| {
        find(&|e| match (&e.kind, e.from) {
            (EventKind::Established { epoch }, Some(l)) => Some(
                Text::new("step.established")
                    .arg("leader", l)
                    .arg("epoch", epoch),
            ),
            _ => None,
        })
    })
    .or_else(|| {
        find(&|e| match (&e.kind, e.from) {
            (
                EventKind::Sync {
                    learner, kind, why, ..
                },
                Some(l),
            ) => Some(why.text(l, *learner, *kind)),
            _ => None,
        })
    })
    .or_else(|| find(&|e| decision(events, e, nodes, &leader_of)))
    .or_else(|| vote.map(|v| v.text.clone()))
    .or_else(|| {
        find(&|e| match (&e.kind, e.from) {
            (EventKind::GaveUp(why), Some(s)) => {
                Some(Text::new(gave_up_key(why)).arg("sid", s).arg("why", why))
            }
            (EventKind::LearnerClosed { learner, ms }, Some(l)) => Some(
                Text::new("step.learner_closed")
                    .arg("leader", l)
                    .arg("learner", learner)
                    .arg("ms", ms),
            ),
            _ => None,
        })
    })
    .or_else(|| find(&|e| state_change(e, &leader_of)))
    .or_else(|| find(&ack))
    .or_else(|| {
        find(&|e| match (&e.kind, e.from) {
            (EventKind::Propose { zxid, needed }, Some(l)) => Some(
                Text::new("step.propose")
                    .arg("leader", l)
                    .arg("zxid", zxid)
                    .arg("needed", needed),
            ),
            _ => None,
        })
    })
    .or_else(|| find(&reply))
    .or_else(|| find(&|e| timer::closed(e, nodes)))
    .or_else(|| find(&deliver))
    .or_else(|| find(&dropped))
    .or_else(|| {
        find(&|e| match (&e.kind, e.to.or(e.from)) {
            (EventKind::ClientRequest { session, op, .. }, Some(s)) => Some(
                Text::new("step.client_request")
                    .arg("session", session)
                    .arg("op", op)
                    .arg("server", s),
            ),
            (EventKind::ClientTimeout { session, cxid }, _) => Some(
                Text::new("step.client_timeout")
                    .arg("session", session)
                    .arg("cxid", cxid),
            ),
            (EventKind::Watch { session, event }, _) => Some(
                Text::new("step.watch")
                    .arg("session", session)
                    .arg("event", event),
            ),
            _ => None,
        })
    })
    .or_else(|| timer::timer(events, nodes))
    .or_else(|| timer(events))
}

/// A COMMIT decided here: the same server counted the ACK that made the quorum.
fn leader_commit(events: &[Event], e: &Event) -> Option<Text> {
    let (EventKind::Commit { zxid }, Some(l)) = (&e.kind, e.from) else {
        return None;
    };
    events.iter().find_map(|a| match &a.kind {
        EventKind::Ack {
            zxid: z,
            acks,
            needed,
            ..
        } if a.from == Some(l) && z == zxid => Some(
            Text::new("step.commit")
                .arg("leader", l)
                .arg("zxid", zxid)
                .arg("acks", acks)
                .arg("needed", needed),
        ),
        _ => None,
    })
}

/// An election ended on this server: it leads, follows or observes.
fn decision(
    events: &[Event],
    e: &Event,
    nodes: &[Node],
    leader_of: &impl Fn(ServerId) -> Option<ServerId>,
) -> Option<Text> {
    let (EventKind::State { state, phase }, Some(s)) = (&e.kind, e.from) else {
        return None;
    };
    if *phase != Phase::Discovery {
        return None;
    }
    let l = leader_of(s).map_or_else(|| "-".to_string(), |l| l.to_string());
    Some(match state {
        ServerState::Leading => timer::lead_on_reports(events, s, nodes)
            .unwrap_or_else(|| Text::new("elect.lead").arg("sid", s)),
        ServerState::Following => Text::new("elect.follow").arg("sid", s).arg("leader", l),
        ServerState::Observing => Text::new("elect.observe").arg("sid", s).arg("leader", l),
        ServerState::Looking => return None,
    })
}

fn state_change(e: &Event, leader_of: &impl Fn(ServerId) -> Option<ServerId>) -> Option<Text> {
    let (EventKind::State { state, phase }, Some(s)) = (&e.kind, e.from) else {
        return None;
    };
    let l = leader_of(s).map_or_else(|| "-".to_string(), |l| l.to_string());
    Some(match (state, phase) {
        (ServerState::Looking, _) => Text::new("state.looking").arg("sid", s),
        (ServerState::Leading, Phase::Synchronization) => {
            Text::new("state.leader_sync").arg("sid", s)
        }
        (ServerState::Leading, _) => Text::new("state.leader_broadcast").arg("sid", s),
        (_, Phase::Synchronization) => Text::new("state.learner_sync")
            .arg("sid", s)
            .arg("leader", l),
        (_, _) => Text::new("state.learner_broadcast")
            .arg("sid", s)
            .arg("leader", l),
    })
}

fn ack(e: &Event) -> Option<Text> {
    match (&e.kind, e.from) {
        (
            EventKind::Ack {
                zxid,
                from,
                acks,
                needed,
            },
            Some(l),
        ) => Some(
            Text::new("step.ack")
                .arg("leader", l)
                .arg("from", from)
                .arg("zxid", zxid)
                .arg("acks", acks)
                .arg("needed", needed),
        ),
        _ => None,
    }
}

fn reply(e: &Event) -> Option<Text> {
    let (
        EventKind::ClientReply {
            session, zxid, err, ..
        },
        Some(s),
    ) = (&e.kind, e.from)
    else {
        return None;
    };
    let rc = match Code::from_value(*err) {
        Some(c) => Arg::Str(c.name()),
        None => Arg::Int(i64::from(*err)),
    };
    Some(
        Text::new("step.client_reply")
            .arg("server", s)
            .arg("session", session)
            .arg("rc", rc)
            .arg("zxid", zxid),
    )
}

fn deliver(e: &Event) -> Option<Text> {
    let (EventKind::Deliver { msg, .. }, Some(from), Some(to)) = (&e.kind, e.from, e.to) else {
        return None;
    };
    let key = match msg.name {
        "PROPOSAL" => "msg.proposal",
        "COMMIT" => "msg.commit",
        "ACK" => "msg.ack",
        "PING" => "msg.ping",
        "FOLLOWERINFO" | "OBSERVERINFO" => "msg.learnerinfo",
        "LEADERINFO" => "msg.leaderinfo",
        "ACKEPOCH" => "msg.ackepoch",
        "NEWLEADER" => "msg.newleader",
        "UPTODATE" => "msg.uptodate",
        "NOTIFICATION" => "msg.notification",
        "CLOSED" => "msg.closed",
        _ => "msg.deliver",
    };
    let mut t = Text::new(key)
        .arg("type", msg.name)
        .arg("from", from)
        .arg("to", to);
    t = match msg.zxid {
        Some(z) => t.arg("zxid", z).arg("epoch", z.epoch()),
        None => t.arg("zxid", "-").arg("epoch", "-"),
    };
    if let Some(n) = msg.notification.as_deref() {
        t = t
            .arg(
                "leader",
                n.leader.map_or_else(|| "-".to_string(), |l| l.to_string()),
            )
            .arg("state", n.state);
    }
    Some(t)
}

fn dropped(e: &Event) -> Option<Text> {
    let (EventKind::Drop { msg, reason, .. }, Some(from), Some(to)) = (&e.kind, e.from, e.to)
    else {
        return None;
    };
    Some(
        Text::new(dropped_key(reason))
            .arg("type", msg.name)
            .arg("from", from)
            .arg("to", to)
            .arg("reason", reason),
    )
}

/// A timer: an election re-send, or a plain timeout.
fn timer(events: &[Event]) -> Option<Text> {
    let e = events.iter().find(|e| e.kind == EventKind::Timer)?;
    let s = e.from?;
    let resent = events.iter().any(|x| {
        matches!(&x.kind, EventKind::Send { msg, .. } if msg.name == "NOTIFICATION")
            && x.from == Some(s)
    });
    Some(if resent {
        Text::new("step.timer.resend").arg("sid", s)
    } else {
        Text::new("step.timer").arg("sid", s)
    })
}

/// The sentence key for a server's reason to give up its role (the server code's reasons,
/// `Transition::Looking`); `state.gave_up` with the English reason otherwise.
fn gave_up_key(why: &str) -> &'static str {
    match why {
        "connection to the leader closed" => "state.gave_up.closed",
        "leader silent past the read timeout" => "state.gave_up.silent",
        "leader's epoch is less than my accepted epoch" => "state.gave_up.old_epoch",
        "timed out waiting for a quorum of learners" => "state.gave_up.no_quorum",
        "not sufficient followers synced" => "state.gave_up.not_synced",
        "COMMIT for a txn that is not next" => "state.gave_up.commit_gap",
        "not able to truncate the log" => "state.gave_up.truncate",
        "zxid counter rolled over" => "state.gave_up.rollover",
        _ => "state.gave_up",
    }
}

/// The sentence key for why the network dropped a message.
fn dropped_key(reason: &str) -> &'static str {
    match reason {
        "partitioned" => "msg.dropped.partitioned",
        "connection broken" => "msg.dropped.broken",
        "lost" | "lost: connection reset" => "msg.dropped.lost",
        "receiver not running" => "msg.dropped.down",
        "old connection" => "msg.dropped.old_connection",
        "connection closed" => "msg.dropped.closed",
        "dropped by user" => "msg.dropped.user",
        _ => "msg.dropped",
    }
}
