//! Refusing commands that make no sense in the current state, with a message
//! that says why and what to do instead: `start` on a running server, `crash` on one that is
//! not running, a partition naming a server twice, `hold 1 1`, a message id not in flight,
//! `connect` for a client whose session is still open (use `move`).
//!
//! Commands already due now (a script's `at 0 start 2` not yet stepped) count as done: they run
//! before the new one.

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

fn running(k: &Kernel, id: ServerId, what: &str) -> Result<Status, String> {
    match effective_status(k, id) {
        Some(s @ (Status::Up | Status::Paused)) => Ok(s),
        Some(Status::Crashed) => Err(format!(
            "cannot {what} server.{id}: it is crashed (use 'restart {id}')"
        )),
        _ => Err(format!(
            "cannot {what} server.{id}: it is not running (use 'start {id}')"
        )),
    }
}

fn distinct(groups: &[&[ServerId]]) -> Result<(), String> {
    let mut seen = std::collections::BTreeSet::new();
    for g in groups {
        if g.is_empty() {
            return Err("a group of servers is empty".into());
        }
        for id in *g {
            if !seen.insert(*id) {
                return Err(format!("server.{id} is named twice"));
            }
        }
    }
    Ok(())
}

fn in_flight(k: &Kernel, id: u64) -> Result<(), String> {
    let found = k
        .agenda
        .values()
        .any(|i| matches!(i, Item::Deliver(m) if m.id == id));
    if found {
        Ok(())
    } else {
        Err(format!("no message m{id} in flight"))
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
pub(crate) fn check(k: &Kernel, c: &Command) -> Result<(), String> {
    match c {
        Command::Start(i) => match effective_status(k, *i) {
            Some(Status::Up | Status::Paused) => Err(format!(
                "server.{i} is already running (use 'restart {i}' to restart it)"
            )),
            _ => Ok(()),
        },
        Command::Stop(i) => running(k, *i, "stop").map(|_| ()),
        Command::Crash(i) => running(k, *i, "crash").map(|_| ()),
        Command::Pause(i) => match running(k, *i, "pause")? {
            Status::Paused => Err(format!("server.{i} is already paused")),
            _ => Ok(()),
        },
        Command::Resume(i) => match running(k, *i, "resume")? {
            Status::Paused => Ok(()),
            _ => Err(format!("server.{i} is not paused")),
        },
        Command::Partition(groups) => {
            let g: Vec<&[ServerId]> = groups.iter().map(Vec::as_slice).collect();
            distinct(&g)?;
            let named: usize = groups.iter().map(Vec::len).sum();
            if groups.len() < 2 && named >= k.nodes.len() {
                return Err("this partition cuts nothing: name at least two groups".into());
            }
            Ok(())
        }
        Command::Block { from, to } => {
            distinct(&[from, to]).map_err(|e| format!("{e}: a server cannot be cut from itself"))
        }
        Command::Hold { from, to } | Command::Release { from, to } if from == to => Err(format!(
            "a link joins two different servers, not {from} and {to}"
        )),
        Command::Release { from, to } => {
            let (a, b) = (k.slot(*from), k.slot(*to));
            match (a, b) {
                (Some(a), Some(b)) if k.net.is_held(a, b) => Ok(()),
                _ => Err(format!("the link {from}→{to} is not held")),
            }
        }
        Command::DropMsg(id) | Command::DelayMsg { id, .. } => in_flight(k, *id),
        Command::Connect { client, .. } => match k.clients.iter().find(|x| &x.name == client) {
            Some(x) if session_open(k, x.session) => Err(format!(
                "client '{client}' is already connected to server.{} (session {}): use 'move {client} N' to move it",
                x.server, x.session
            )),
            _ if k.agenda.values().any(
                |i| matches!(i, Item::Command(x) if matches!(&**x, Command::Connect { client: c, .. } if c == client)),
            ) =>
            {
                Err(format!("client '{client}' is already connecting"))
            }
            _ => Ok(()),
        },
        _ => Ok(()),
    }
}
