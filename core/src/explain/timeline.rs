//! Timeline markers: the moments a lecturer scrubs to — an election starts,
//! a leader establishes an epoch, a fault or a heal, a commit — with their step and time.

use crate::explain::Text;
use crate::ids::ServerId;
use crate::sim::trace::{Event, EventKind};
use crate::time::SimTime;
use crate::zab::proto::ServerState;
use crate::zab::server::outbox::Phase;
use crate::zxid::Zxid;
use serde::Serialize;

/// What a marker marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum MarkerKind {
    /// A server starts looking for a leader.
    ElectionStart,
    /// A leader established its epoch (NEWLEADER acked by a quorum).
    LeaderChange,
    /// A server crashed (kill -9).
    Crash,
    /// A crashed server restarted from disk.
    Restart,
    /// A server started.
    Start,
    /// A server shut down gracefully.
    Stop,
    /// A server was paused (SIGSTOP).
    Pause,
    /// A paused server resumed.
    Resume,
    /// `partition`, `block` or `hold`: links cut.
    Partition,
    /// `heal` or `release`.
    Heal,
    /// Any other command (clients, message surgery, loss).
    Command,
    /// A leader committed a proposal.
    Commit,
}

/// One marker on the timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Marker {
    /// The step it marks.
    pub step: u64,
    /// The simulated time of that step.
    pub at: SimTime,
    /// What kind of event.
    pub kind: MarkerKind,
    /// The server concerned, if any.
    pub server: Option<ServerId>,
    /// The tooltip sentence.
    pub text: Text,
}

fn command_kind(c: &str) -> MarkerKind {
    match c.split_whitespace().next().unwrap_or("") {
        "crash" => MarkerKind::Crash,
        "restart" => MarkerKind::Restart,
        "start" => MarkerKind::Start,
        "stop" => MarkerKind::Stop,
        "pause" => MarkerKind::Pause,
        "resume" => MarkerKind::Resume,
        "partition" | "block" | "hold" => MarkerKind::Partition,
        "heal" | "release" => MarkerKind::Heal,
        _ => MarkerKind::Command,
    }
}

/// The markers of one step. `leader_commit(zxid, server)`: did that server commit `zxid` as
/// the leader that proposed it?
#[must_use]
pub fn markers(events: &[Event], leader_commit: impl Fn(Zxid, ServerId) -> bool) -> Vec<Marker> {
    let mut out: Vec<Marker> = Vec::new();
    for e in events {
        let mk = |kind, server: Option<ServerId>, text: Text| Marker {
            step: e.step,
            at: e.at,
            kind,
            server,
            text,
        };
        let m = match (&e.kind, e.from) {
            (EventKind::Command(c), _) => {
                let server = c
                    .split_whitespace()
                    .nth(1)
                    .and_then(|s| s.parse::<u32>().ok())
                    .map(ServerId);
                Some(mk(
                    command_kind(c),
                    server,
                    Text::new("step.command").arg("command", c),
                ))
            }
            (
                EventKind::State {
                    state: ServerState::Looking,
                    phase: Phase::Election,
                },
                Some(s),
            ) if !out.iter().any(|m| m.kind == MarkerKind::ElectionStart) => Some(mk(
                MarkerKind::ElectionStart,
                Some(s),
                Text::new("state.looking").arg("sid", s),
            )),
            (EventKind::Established { epoch }, Some(l)) => Some(mk(
                MarkerKind::LeaderChange,
                Some(l),
                Text::new("step.established")
                    .arg("leader", l)
                    .arg("epoch", epoch),
            )),
            (EventKind::Commit { zxid }, Some(l)) if leader_commit(*zxid, l) => Some(mk(
                MarkerKind::Commit,
                Some(l),
                Text::new("marker.commit")
                    .arg("leader", l)
                    .arg("zxid", zxid),
            )),
            _ => None,
        };
        out.extend(m);
    }
    out
}
