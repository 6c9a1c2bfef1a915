//! Refusing commands that make no sense in the current state, with a message
//! that says why and what to do instead: `start` on a running server, `crash` on one that is
//! not running, a partition naming a server twice, `hold 1 1`, a message id not in flight,
//! `connect` for a client whose session is still open (use `move`).
//!
//! Commands already due now (a script's `at 0 start 2` not yet stepped) count as done: they run
//! before the new one.

use crate::explain::Text;
use crate::ids::ServerId;
use crate::sim::command::Command;
use crate::sim::kernel::{Item, Kernel, Status};

/// The process status of `id` once every command due by now has run.
fn effective_status(k: &Kernel, id: ServerId) -> Option<Status> {
    let mut st = k.nodes.iter().find(|n| n.id == id)?.status;
    for ((at, _), item) in &k.agenda {
        if *at > k.now {
            break;
        }
        let Item::Command(c) = item else { continue };
        st = match (&**c, st) {
            (Command::Start(i), Status::Off | Status::Crashed) if *i == id => Status::Up,
            (Command::Restart(i), _) if *i == id => Status::Up,
            (Command::Stop(i), Status::Up | Status::Paused) if *i == id => Status::Off,
            (Command::Crash(i), Status::Up | Status::Paused) if *i == id => Status::Crashed,
            (Command::Pause(i), Status::Up) if *i == id => Status::Paused,
            (Command::Resume(i), Status::Paused) if *i == id => Status::Up,
            _ => st,
        };
    }
    Some(st)
}

fn running(k: &Kernel, id: ServerId, what: &'static str) -> Result<Status, Text> {
    let refuse = |key| Err(Text::new(key).arg("what", what).arg("id", id));
    match effective_status(k, id) {
        Some(s @ (Status::Up | Status::Paused)) => Ok(s),
        Some(Status::Crashed) => refuse("check.crashed"),
        _ => refuse("check.not_running"),
    }
}

fn distinct(groups: &[&[ServerId]]) -> Result<(), Text> {
    let mut seen = std::collections::BTreeSet::new();
    for g in groups {
        if g.is_empty() {
            return Err(Text::new("check.empty_group"));
        }
        for id in *g {
            if !seen.insert(*id) {
                return Err(Text::new("check.named_twice").arg("id", id));
            }
        }
    }
    Ok(())
}

fn in_flight(k: &Kernel, id: u64) -> Result<(), Text> {
    let found = k
        .agenda
        .values()
        .any(|i| matches!(i, Item::Deliver(m) if m.id == id));
    if found {
        Ok(())
    } else {
        Err(Text::new("check.not_in_flight").arg("id", id))
    }
}

/// Is `session` open on some running server?
fn session_open(k: &Kernel, session: crate::ids::SessionId) -> bool {
    k.nodes
        .iter()
        .filter_map(|n| n.server.as_ref())
        .any(|s| s.core.replica.db.sessions().contains_key(&session))
}

/// Refuse `c` if it cannot apply to the current state.
pub(crate) fn check(k: &Kernel, c: &Command) -> Result<(), Text> {
    match c {
        Command::Start(i) => match effective_status(k, *i) {
            Some(Status::Up | Status::Paused) => {
                Err(Text::new("check.already_running").arg("id", i))
            }
            _ => Ok(()),
        },
        Command::Stop(i) => running(k, *i, "stop").map(|_| ()),
        Command::Crash(i) => running(k, *i, "crash").map(|_| ()),
        Command::Pause(i) => match running(k, *i, "pause")? {
            Status::Paused => Err(Text::new("check.already_paused").arg("id", i)),
            _ => Ok(()),
        },
        Command::Resume(i) => match running(k, *i, "resume")? {
            Status::Paused => Ok(()),
            _ => Err(Text::new("check.not_paused").arg("id", i)),
        },
        Command::Partition(groups) => {
            let g: Vec<&[ServerId]> = groups.iter().map(Vec::as_slice).collect();
            distinct(&g)?;
            let named: usize = groups.iter().map(Vec::len).sum();
            if groups.len() < 2 && named >= k.nodes.len() {
                return Err(Text::new("check.cuts_nothing"));
            }
            Ok(())
        }
        Command::Block { from, to } => {
            distinct(&[from, to]).map_err(|e| Text::new("check.self_cut").arg("error", e))
        }
        Command::Hold { from, to } | Command::Release { from, to } if from == to => Err(
            Text::new("check.same_link")
                .arg("from", from)
                .arg("to", to),
        ),
        Command::Release { from, to } => {
            let (a, b) = (k.slot(*from), k.slot(*to));
            match (a, b) {
                (Some(a), Some(b)) if k.net.is_held(a, b) => Ok(()),
                _ => Err(Text::new("check.not_held").arg("from", from).arg("to", to)),
            }
        }
        Command::DropMsg(id) | Command::DelayMsg { id, .. } => in_flight(k, *id),
        Command::Connect { client, .. } => match k.clients.iter().find(|x| &x.name == client) {
            Some(x) if session_open(k, x.session) => Err(Text::new("check.already_connected")
                .arg("client", client)
                .arg("server", x.server)
                .arg("session", x.session)),
            _ if k.agenda.values().any(
                |i| matches!(i, Item::Command(x) if matches!(&**x, Command::Connect { client: c, .. } if c == client)),
            ) =>
            {
                Err(Text::new("check.already_connecting").arg("client", client))
            }
            _ => Ok(()),
        },
        _ => Ok(()),
    }
}
