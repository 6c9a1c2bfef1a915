//! The trace as a ShiViz log: ShiViz (the distributed-systems log visualiser) reads a log
//! whose entries it matches with a regular expression giving each event's `host`, its vector
//! `clock` (JSON, host → count) and its `event` text. The file starts with the expression (its
//! first line) and the multiple-executions delimiter (its second line, empty: one execution),
//! as GoVector writes them, then one entry of two lines per event:
//!
//! ```text
//! (?<host>\S*) (?<clock>{.*})\n(?<event>.*)
//!
//! server.5 {"server.5":1}
//! #12 0.001s server.5->server.1 send m7 NOTIFICATION(…)
//! server.1 {"server.1":3,"server.5":1}
//! #14 0.002s server.5->server.1 deliver m7 NOTIFICATION(…)
//! ```
//!
//! Vector clocks (Fidge/Mattern): every event ticks its own host's entry by one (ShiViz checks
//! that each host counts 1, 2, 3 …); a send stores its clock with the message id; a delivery
//! takes the entrywise maximum of its host's clock and the send's, then ticks. Hosts are the
//! servers; events are the trace's sends, deliveries and the protocol steps a server takes
//! (state changes, proposals, commits, an epoch established, a sync chosen). Only the kept
//! trace window is written (the page keeps the newest ≈ 100,000 events); a delivery whose send
//! fell out of the window is written as a local event.

use std::collections::BTreeMap;
use std::fmt::Write;
use zabscope_core::sim::trace::{Event, EventKind};

/// The parsing expression written on the first line (ShiViz's and GoVector's usual one).
pub const REGEX: &str = r"(?<host>\S*) (?<clock>{.*})\n(?<event>.*)";

type Clock = BTreeMap<u32, u64>;

fn write_clock(out: &mut String, c: &Clock) {
    out.push('{');
    for (i, (h, n)) in c.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let _ = write!(out, "\"server.{h}\":{n}");
    }
    out.push('}');
}

/// The ShiViz log of `trace`.
#[must_use]
pub fn log(trace: &[Event]) -> String {
    let mut out = String::with_capacity(trace.len() * 96);
    out.push_str(REGEX);
    out.push_str("\n\n");
    let mut clocks: BTreeMap<u32, Clock> = BTreeMap::new();
    let mut sent: BTreeMap<u64, Clock> = BTreeMap::new();
    for e in trace {
        let (host, merge) = match &e.kind {
            EventKind::Send { .. } => (e.from, None),
            EventKind::Deliver { msg_id, .. } => (e.to, sent.remove(msg_id)),
            EventKind::Drop { msg_id, .. } => {
                sent.remove(msg_id);
                continue;
            }
            EventKind::State { .. }
            | EventKind::Propose { .. }
            | EventKind::Commit { .. }
            | EventKind::Established { .. }
            | EventKind::Sync { .. } => (e.from.or(e.to), None),
            _ => continue,
        };
        let Some(host) = host else { continue };
        let clock = clocks.entry(host.0).or_default();
        if let Some(m) = merge {
            for (h, n) in m {
                let mine = clock.entry(h).or_default();
                *mine = (*mine).max(n);
            }
        }
        *clock.entry(host.0).or_default() += 1;
        if let EventKind::Send { msg_id, .. } = &e.kind {
            sent.insert(*msg_id, clock.clone());
        }
        let _ = write!(out, "server.{} ", host.0);
        write_clock(&mut out, clock);
        out.push('\n');
        let text = e.to_string();
        out.push_str(&text.replace(['\n', '\r'], " "));
        out.push('\n');
    }
    out
}
