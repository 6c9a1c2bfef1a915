//! What the ring says about each server and each lane, as lines of text (placed by
//! `layout.rs`): a server's role — with its current vote while LOOKING — then, on the
//! leader, the ACKs of its outstanding proposal against the quorum, then its epoch and ZAB
//! phase (discovery / sync / broadcast), or for a server that is not running what its disk
//! still holds. A lane says which messages wait on it, in order ("DIFF + NEWLEADER").

use super::labels::state_text;
use crate::i18n::{t, tf};
use zabscope_core::sim::view::Status;
use zabscope_core::zab::proto::ServerState;
use zabscope_core::zab::server::outbox::Phase;
use zabscope_core::{ClusterView, ServerView};

/// The phase as a class says it (a key of the page's catalogue).
#[must_use]
pub fn phase_word(p: Phase) -> &'static str {
    match p {
        Phase::Election => t("ring.phase.election"),
        Phase::Discovery => t("ring.phase.discovery"),
        Phase::Synchronization => t("ring.phase.sync"),
        Phase::Broadcast => t("ring.phase.broadcast"),
    }
}

/// The phase's name for a data attribute (the same in every language).
#[must_use]
pub fn phase_id(p: Phase) -> &'static str {
    match p {
        Phase::Election => "election",
        Phase::Discovery => "discovery",
        Phase::Synchronization => "sync",
        Phase::Broadcast => "broadcast",
    }
}

/// The leader's outstanding proposal: `ACK 2 of 3` (the newest one not committed yet).
#[must_use]
pub fn ack_line(view: &ClusterView, s: &ServerView) -> Option<String> {
    if s.state != Some(ServerState::Leading) || s.status != Status::Up {
        return None;
    }
    let p = view
        .proposals
        .iter()
        .rev()
        .find(|p| p.leader.0 == s.myid && p.committed.is_none())?;
    Some(tf(
        "ring.acks",
        &[
            ("acks", &p.acks.len().to_string()),
            ("quorum", &p.needed.to_string()),
        ],
    ))
}

/// The lines of a server's label, most important first.
#[must_use]
pub fn server_lines(view: &ClusterView, s: &ServerView) -> Vec<String> {
    let mut lines = Vec::new();
    let role = state_text(s);
    match (s.state, s.vote.and_then(|v| v.leader)) {
        (Some(ServerState::Looking), Some(l)) if s.status == Status::Up => {
            lines.push(format!("{role} → {l}"));
        }
        _ => lines.push(role),
    }
    if let Some(a) = ack_line(view, s) {
        lines.push(a);
    }
    match (s.status, s.state, s.phase) {
        (Status::Up | Status::Paused, Some(ServerState::Looking), _) => {
            lines.push(tf("ring.round", &[("round", &s.logical_clock.to_string())]));
        }
        (Status::Up | Status::Paused, Some(_), Some(p)) => {
            lines.push(format!("e{} · {}", s.current_epoch, phase_word(p)));
        }
        _ => lines.push(tf("ring.disk", &[("zxid", &s.last_logged.to_string())])),
    }
    lines
}

/// Shorter forms of a server's first line for a crowded ring: its first word cut to six
/// letters ("FOLLOW", "LEAD"), then its vote alone while LOOKING ("→ 5") or its initial.
#[must_use]
pub fn server_short(s: &ServerView) -> Vec<String> {
    let role = state_text(s);
    let word: String = role
        .split_whitespace()
        .next()
        .unwrap_or("")
        .chars()
        .take(6)
        .collect();
    let last = match (s.state, s.vote.and_then(|v| v.leader)) {
        (Some(ServerState::Looking), Some(l)) if s.status == Status::Up => format!("→ {l}"),
        _ => word.chars().take(1).collect(),
    };
    vec![word, last]
}

/// The ring's label for one message kind: an FLE NOTIFICATION says whom it votes for.
#[must_use]
pub fn msg_word(kind: &str, vote_for: Option<u32>) -> String {
    if kind == "NOTIFICATION" {
        let leader = vote_for.map_or_else(|| "-".to_string(), |l| l.to_string());
        tf("ring.vote", &[("leader", &leader)])
    } else {
        kind.to_string()
    }
}

/// Which filter family a packet type belongs to (the ring's "show" checkboxes).
#[must_use]
pub fn family(kind: &str) -> &'static str {
    match kind {
        "NOTIFICATION" => "votes",
        "FOLLOWERINFO" | "OBSERVERINFO" | "LEADERINFO" | "ACKEPOCH" | "DIFF" | "TRUNC" | "SNAP"
        | "NEWLEADER" | "UPTODATE" => "sync",
        "PROPOSAL" | "ACK" | "COMMIT" | "INFORM" => "broadcast",
        "PING" => "pings",
        _ => "other",
    }
}

/// The families, in the order the checkboxes show them (each labelled `ring.show.<family>`).
pub const FAMILIES: [&str; 4] = ["votes", "sync", "broadcast", "other"];
