//! Exhaustive small-scope exploration (docs/architecture.md, the testing pyramid's step 7):
//! 3 servers, 1 client, 1–2 writes, up to 2 crashes and one partition, every interleaving up
//! to a depth bound, driven through `Simulation::enabled()/fire()` with every invariant checked
//! in every state, and visited states pruned by a state hash (`state_hash.rs`).
//!
//! The model explored: any link's oldest message may be delivered next (links interleave
//! freely, each stays FIFO); links have no latency, so a delivery does not move the clock;
//! timers fire only when no message is in flight (messages are faster than any timeout), in
//! time order — the earliest pending timer, or any of several due at the same instant. Message
//! loss is what the explorer's crashes and partition are for. The explorer's own moves are the client's
//! writes (issued in order, at any time; the first creates an ephemeral znode), closing its
//! session, crashes and restarts, and isolating one server from the others and healing it.
//! Exploration starts from the deterministic run's first quiet state in which a leader is
//! established and every server is in BROADCAST, right after the client connected through
//! server 1 (the election from boot is the scenario tests' and the fuzzer's job).

mod state_hash;

pub use state_hash::state_hash;

use crate::check::breaks::Break;
use crate::check::invariant::Violation;
use crate::ids::ServerId;
use crate::sim::command::{ClientOp, Command};
use crate::sim::kernel::{Item, Status};
use crate::sim::simulation::{AgendaRef, Simulation};
use crate::zab::config::Config;
use crate::zab::proto::ServerState;
use crate::zab::server::outbox::Phase;
use std::collections::BTreeMap;

/// What to explore.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scope {
    /// Client writes the explorer may issue (1 or 2).
    pub writes: u32,
    /// Crashes it may inject (each crashed server may be restarted).
    pub crashes: u32,
    /// Whether it may isolate one server (and heal it) once.
    pub partition: bool,
    /// Whether the client may close its session (after its writes).
    pub close: bool,
    /// Longest sequence of moves explored.
    pub depth: u32,
    /// "Break ZAB" switches on.
    pub breaks: Vec<Break>,
    /// Stop after this many distinct states (the report then says `complete: false`).
    pub max_states: u64,
}

impl Default for Scope {
    fn default() -> Self {
        Scope {
            writes: 1,
            crashes: 1,
            partition: false,
            close: false,
            depth: 12,
            breaks: Vec::new(),
            max_states: 2_000_000,
        }
    }
}

/// What an exploration found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// Distinct states (by state hash) reached.
    pub states: u64,
    /// Moves taken (edges explored, including those into already-visited states).
    pub transitions: u64,
    /// The deepest depth any explored path reached.
    pub depth_reached: u32,
    /// The first violation, with the moves that lead to it from the start state.
    pub violation: Option<(Violation, Vec<String>)>,
    /// False when `max_states` cut the exploration short.
    pub complete: bool,
}

/// One move of the explorer.
#[derive(Clone, Debug)]
enum Move {
    Fire(AgendaRef),
    Write,
    Close,
    Crash(ServerId),
    Restart(ServerId),
    Isolate(ServerId),
    Heal,
}

/// The explorer's own state beside the simulation.
#[derive(Clone, Copy, Debug, Default)]
struct Budget {
    writes: u32,
    crashes: u32,
    isolated: Option<u32>,
    partitioned: bool,
    closed: bool,
}

struct Search<'a> {
    scope: &'a Scope,
    visited: BTreeMap<u64, u32>,
    report: Report,
    path: Vec<String>,
}

/// The small ensemble explored: 3 voters, zoo.cfg times scaled down so timeouts are a few
/// ticks, no link latency, the switches of `scope`.
#[must_use]
pub fn config(scope: &Scope) -> Config {
    let text = "tickTime=100\ninitLimit=2\nsyncLimit=1\n\
        server.1=zk1:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888\n\
        zabscope.latencyMs=0\nzabscope.jitterMs=0\nzabscope.learnerShutdownMs=0\n\
        zabscope.leaderStartMs=0\nzabscope.learnerStartMs=0\nzabscope.fsyncMs=4\n";
    let mut c = Config::parse(text).unwrap_or_else(|_| unreachable!("valid zoo.cfg"));
    c.breaks = scope.breaks.iter().copied().collect();
    c
}

/// The start state: booted, a leader established, every server in BROADCAST, no message in
/// flight, and client c1's connect to server 1 just made (its createSession on its way to the
/// leader: the session's txn is explored with the writes).
#[must_use]
pub fn start(scope: &Scope) -> Option<Simulation> {
    let mut sim = Simulation::new(config(scope), 0).ok()?;
    sim.keep_trace(false);
    sim.check_invariants(true);
    for id in 1..=3 {
        sim.apply(Command::Start(ServerId(id))).ok()?;
    }
    let ready = |s: &Simulation| {
        let k = s.kernel();
        let quiet = !k.agenda.values().any(|i| matches!(i, Item::Deliver(_)));
        quiet
            && k.nodes.iter().all(|n| {
                n.server
                    .as_ref()
                    .is_some_and(|x| x.phase() == Phase::Broadcast)
            })
    };
    sim.run_until(60_000, ready).then_some(())?;
    sim.apply(Command::Connect {
        client: "c1".into(),
        server: ServerId(1),
        timeout_ms: 60_000,
    })
    .ok()?;
    let seq = sim.kernel().seq;
    sim.fire(AgendaRef(sim.now(), seq));
    sim.violations().is_empty().then_some(sim)
}

/// Explore every interleaving of `scope` from [`start`].
#[must_use]
pub fn explore(scope: &Scope) -> Report {
    let mut search = Search {
        scope,
        visited: BTreeMap::new(),
        report: Report {
            states: 0,
            transitions: 0,
            depth_reached: 0,
            violation: None,
            complete: true,
        },
        path: Vec::new(),
    };
    if let Some(sim) = start(scope) {
        search.visit(&sim, Budget::default(), 0);
    }
    search.report
}

impl Search<'_> {
    /// Depth-first; a state is explored again only if reached with more depth left.
    fn visit(&mut self, sim: &Simulation, b: Budget, depth: u32) {
        let extra = [
            u64::from(b.writes),
            u64::from(b.crashes),
            b.isolated.map_or(0, u64::from),
            u64::from(b.partitioned),
            u64::from(b.closed),
        ];
        let h = state_hash(sim.kernel(), &extra);
        match self.visited.get(&h) {
            Some(d) if *d <= depth => return,
            Some(_) => {}
            None => {
                self.report.states += 1;
                if self.report.states > self.scope.max_states {
                    self.report.complete = false;
                    return;
                }
            }
        }
        self.visited.insert(h, depth);
        self.report.depth_reached = self.report.depth_reached.max(depth);
        if depth >= self.scope.depth {
            return;
        }
        for m in moves(sim, self.scope, b) {
            if self.report.violation.is_some() || !self.report.complete {
                return;
            }
            let mut next = sim.clone();
            let mut nb = b;
            let label = take(&mut next, &mut nb, &m);
            self.report.transitions += 1;
            self.path.push(label);
            if let Some(v) = next.violations().first() {
                self.report.violation = Some((v.clone(), self.path.clone()));
            } else {
                self.visit(&next, nb, depth + 1);
            }
            self.path.pop();
        }
    }
}

/// The moves enabled in a state.
fn moves(sim: &Simulation, scope: &Scope, b: Budget) -> Vec<Move> {
    let k = sim.kernel();
    let mut out = Vec::new();
    let mut timers = Vec::new();
    for r in sim.enabled() {
        match k.agenda.get(&(r.0, r.1)) {
            Some(Item::Deliver(_) | Item::Command(_)) => out.push(Move::Fire(r)),
            Some(_) => timers.push(r),
            None => {}
        }
    }
    // Timers in time order once the links are quiet (a message is faster than any timeout):
    // the earliest, or any due at that same instant.
    if let Some(first) = timers.first().map(|r| r.0).filter(|_| out.is_empty()) {
        out.extend(
            timers
                .iter()
                .filter(|r| r.0 == first)
                .map(|r| Move::Fire(*r)),
        );
    }
    if b.writes < scope.writes && !b.closed {
        out.push(Move::Write);
    }
    if scope.close && !b.closed && b.writes == scope.writes {
        out.push(Move::Close);
    }
    for n in &k.nodes {
        let id = n.id;
        match n.status {
            Status::Up if b.crashes < scope.crashes => out.push(Move::Crash(id)),
            Status::Crashed => out.push(Move::Restart(id)),
            _ => {}
        }
        if scope.partition && !b.partitioned && n.status == Status::Up {
            out.push(Move::Isolate(id));
        }
    }
    if b.isolated.is_some() {
        out.push(Move::Heal);
    }
    out
}

/// Take a move; its label for the path.
fn take(sim: &mut Simulation, b: &mut Budget, m: &Move) -> String {
    let cmd = match m {
        Move::Fire(r) => return fire(sim, *r),
        Move::Write => {
            // The first write is an ephemeral znode (what closing the session must remove).
            b.writes += 1;
            Command::Op {
                client: "c1".into(),
                op: ClientOp::Create {
                    path: format!("/w{}", b.writes),
                    data: "x".into(),
                    ephemeral: b.writes == 1,
                },
            }
        }
        Move::Close => {
            b.closed = true;
            Command::Op {
                client: "c1".into(),
                op: ClientOp::Close,
            }
        }
        Move::Crash(id) => {
            b.crashes += 1;
            Command::Crash(*id)
        }
        Move::Restart(id) => Command::Restart(*id),
        Move::Isolate(id) => {
            b.partitioned = true;
            b.isolated = Some(id.0);
            let rest: Vec<ServerId> = sim
                .kernel()
                .nodes
                .iter()
                .map(|n| n.id)
                .filter(|x| x != id)
                .collect();
            Command::Partition(vec![vec![*id], rest])
        }
        Move::Heal => {
            b.isolated = None;
            Command::Heal
        }
    };
    let label = cmd.to_string();
    if sim.apply(cmd).is_ok() {
        let seq = sim.kernel().seq;
        sim.fire(AgendaRef(sim.now(), seq));
    }
    label
}

fn fire(sim: &mut Simulation, r: AgendaRef) -> String {
    let label = match sim.kernel().agenda.get(&(r.0, r.1)) {
        Some(Item::Deliver(m)) => format!("deliver {} {}→{}", m.msg.name(), m.from, m.to),
        Some(Item::Timer { slot, .. }) => {
            let id = sim.kernel().nodes[*slot].id;
            let role = sim.kernel().nodes[*slot]
                .server
                .as_ref()
                .map_or(ServerState::Looking, |s| s.state());
            format!("timer {id} ({role}) at {}", r.0)
        }
        Some(Item::ClientTimeout { cxid, .. }) => format!("client timeout cxid {cxid}"),
        Some(Item::ClientTick { client }) => format!("client tick {client}"),
        Some(Item::Command(c)) => c.to_string(),
        None => "?".into(),
    };
    sim.fire(r);
    label
}
