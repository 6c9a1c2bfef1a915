//! What a timer did, in words: a step that is only "server N's timeout" means nothing to a
//! class, so the narration names the work the timer stood for, read from the step's own events
//! and the server's state after it:
//!
//! - a learner's log flush finished (`SyncRequestProcessor` → `SendAckRequestProcessor`): the
//!   txn is on disk and the ACK goes to the leader;
//! - the leader's half-tick (`Leader.lead` loop): PINGs to every learner;
//! - a learner's retry of a refused connection (`Learner.connectToLeader`, 100 ms apart, at
//!   most 5 tries);
//! - Fast Leader Election's back-off (`FastLeaderElection.lookForLeader`: `recvqueue.poll`
//!   returned nothing within `notTimeout`, so the votes go out again and `notTimeout` doubles,
//!   from `finalizeWait` 200 ms up to `maxNotificationInterval` 60 s).
//!
//! Also the other silent surprises of a step: a vote a server sent itself, a connection the
//! leader refused, a restarted server that leads on its followers' stale reports, and what a
//! crashed server's disk still holds.

use crate::explain::{ElectionView, Text};
use crate::ids::ServerId;
use crate::sim::kernel::Node;
use crate::sim::trace::{Event, EventKind};
use crate::zab::proto::ServerState;
use crate::zab::server::Role;
use crate::zab::server::election::{FINALIZE_WAIT_MS, MAX_NOTIFICATION_INTERVAL_MS};
use crate::zab::server::learner::{CONNECT_RETRY_MS, CONNECT_TRIES};
use crate::zab::server::outbox::Persist;

fn node(nodes: &[Node], id: ServerId) -> Option<&Node> {
    nodes.iter().find(|n| n.id == id)
}

/// The sentence for a step whose cause is a server's timer.
pub(crate) fn timer(events: &[Event], nodes: &[Node]) -> Option<Text> {
    let e = events.iter().find(|e| e.kind == EventKind::Timer)?;
    let s = e.from?;
    let sends = || {
        events.iter().filter_map(move |x| match &x.kind {
            EventKind::Send { msg, .. } if x.from == Some(s) => Some((msg, x.to)),
            _ => None,
        })
    };
    if let Some((m, to)) = sends().find(|(m, _)| m.name == "ACK") {
        let zxid = m.zxid.map_or_else(|| "-".to_string(), |z| z.to_string());
        return Some(
            Text::new("step.timer.flush")
                .arg("sid", s)
                .arg("zxid", zxid)
                .arg(
                    "leader",
                    to.map_or_else(|| "-".to_string(), |l| l.to_string()),
                ),
        );
    }
    if let Some(z) = events.iter().find_map(|x| match &x.kind {
        EventKind::Persist(Persist::Append(z)) if x.from == Some(s) => Some(*z),
        _ => None,
    }) {
        return Some(Text::new("step.timer.flushed").arg("sid", s).arg("zxid", z));
    }
    let pings = sends().filter(|(m, _)| m.name == "PING").count();
    if pings > 0 {
        let half = nodes
            .first()
            .and_then(|n| n.server.as_ref())
            .map_or(0, |srv| srv.core.config.tick_time / 2);
        return Some(
            Text::new("step.timer.ping")
                .arg("sid", s)
                .arg("n", pings)
                .arg("half", half),
        );
    }
    if let Some((m, to)) = sends().find(|(m, _)| m.name.ends_with("INFO")) {
        let tries = match node(nodes, s)
            .and_then(|n| n.server.as_ref())
            .map(|x| &x.role)
        {
            // `tries` already counts this attempt.
            Some(Role::Following(l) | Role::Observing(l)) => l.tries,
            _ => 2,
        };
        return Some(
            Text::new("step.timer.reconnect")
                .arg("sid", s)
                .arg("type", m.name)
                .arg(
                    "leader",
                    to.map_or_else(|| "-".to_string(), |l| l.to_string()),
                )
                .arg("try", tries)
                .arg("tries", CONNECT_TRIES),
        );
    }
    if sends().any(|(m, _)| m.name == "NOTIFICATION") {
        return Some(fle_backoff(s, nodes));
    }
    None
}

/// `lookForLeader`'s poll timed out: the votes go out again and the wait doubles.
fn fle_backoff(s: ServerId, nodes: &[Node]) -> Text {
    let Some(srv) = node(nodes, s).and_then(|n| n.server.as_ref()) else {
        return Text::new("step.timer.resend").arg("sid", s);
    };
    let Role::Looking(e) = &srv.role else {
        return Text::new("step.timer.resend").arg("sid", s);
    };
    let next = e.not_timeout;
    let waited = if next < MAX_NOTIFICATION_INTERVAL_MS {
        (next / 2).max(FINALIZE_WAIT_MS)
    } else {
        MAX_NOTIFICATION_INTERVAL_MS
    };
    let table = ElectionView::of(&srv.core, e);
    let leader = e
        .proposal
        .leader
        .map_or_else(|| "-".to_string(), |l| l.to_string());
    Text::new("step.timer.fle_backoff")
        .arg("sid", s)
        .arg("waited", waited)
        .arg("agree", table.agree)
        .arg("quorum", table.quorum)
        .arg("leader", leader)
        .arg("next", next)
        .arg("max", MAX_NOTIFICATION_INTERVAL_MS / 1000)
}

/// A CLOSED delivered: for a learner still connecting, the leader refused it (it is not
/// leading yet, or it leads another epoch) and the learner will retry.
pub(crate) fn closed(e: &Event, nodes: &[Node]) -> Option<Text> {
    let (EventKind::Deliver { msg, .. }, Some(from), Some(to)) = (&e.kind, e.from, e.to) else {
        return None;
    };
    if msg.name != "CLOSED" {
        return None;
    }
    let srv = node(nodes, to)?.server.as_ref()?;
    match &srv.role {
        Role::Following(l) | Role::Observing(l) if l.leader == from && l.retry_at.is_some() => {
            Some(
                Text::new("msg.closed.retry")
                    .arg("from", from)
                    .arg("to", to)
                    .arg("ms", CONNECT_RETRY_MS)
                    // The next attempt: `tries` counts those made.
                    .arg("try", l.tries + 1)
                    .arg("tries", CONNECT_TRIES),
            )
        }
        Role::Leading(_) => Some(
            Text::new("msg.closed.learner")
                .arg("from", from)
                .arg("to", to),
        ),
        _ => None,
    }
}

/// A server decided to lead on the reports of servers that still FOLLOW it (FLE's
/// `outofelection` with `checkLeader`): after a restart, its old followers have not noticed
/// yet that their connections died with the old process.
pub(crate) fn lead_on_reports(events: &[Event], s: ServerId, nodes: &[Node]) -> Option<Text> {
    // Only a restarted process (a first boot that wins on such reports is an ordinary win).
    if node(nodes, s).is_none_or(|n| n.incarnation < 2) {
        return None;
    }
    let from = events.iter().find_map(|x| match &x.kind {
        EventKind::Deliver { msg, .. } if x.to == Some(s) => {
            let n = msg.notification.as_deref()?;
            (n.state != ServerState::Looking && n.leader == Some(s)).then_some(x.from)?
        }
        _ => None,
    })?;
    Some(
        Text::new("elect.lead.reported")
            .arg("sid", s)
            .arg("from", from),
    )
}

/// `crash N`: memory is gone, the disk stays — say what the disk still holds.
pub(crate) fn crash(c: &str, nodes: &[Node]) -> Option<Text> {
    let id: u32 = c.strip_prefix("crash ")?.trim().parse().ok()?;
    let n = node(nodes, ServerId(id))?;
    let d = n.durable();
    Some(
        Text::new("step.command.crash")
            .arg("command", c.to_string())
            .arg("sid", id)
            .arg("zxid", d.last_logged())
            .arg("epoch", d.current_epoch),
    )
}
