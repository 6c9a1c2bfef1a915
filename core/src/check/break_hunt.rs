//! The hunt for a "break ZAB" switch (docs/break-zab.md): a seeded fault schedule and a
//! workload that touches everything the switches break — writes, reads, ephemerals, session
//! close and expiry, session moves, crashes, restarts, pauses, partitions and held links — on
//! a small ensemble, with every invariant checked after every step. `hunt` runs seeds until a
//! safety invariant fires. With no switch on, nothing may fire (tests/tests/break_zab.rs).

use crate::check::breaks::Break;
use crate::check::invariant::Violation;
use crate::check::nemesis::{LinkFault, link_fault};
use crate::ids::ServerId;
use crate::rng::{SimRng, Stream};
use crate::sim::command::{ClientOp, Command};
use crate::sim::script::Script;
use crate::sim::simulation::Simulation;
use crate::zab::config::Config;

/// Simulated ms of chaos; then everything heals and runs `CALM_MS` more.
pub const CHAOS_MS: u64 = 20_000;
/// How long the hunt runs without faults at the end, simulated ms.
pub const CALM_MS: u64 = 20_000;

/// The seed's schedule with the given switches on.
#[must_use]
pub fn script(seed: u64, breaks: &[Break]) -> Script {
    let mut rng = SimRng::new(seed);
    let r = &mut rng;
    let n = [3u32, 3, 5][r.below(Stream::Nemesis, 3) as usize];
    let mut config = Config::ensemble(n).unwrap_or_else(|_| unreachable!("3 or 5 servers"));
    config.breaks = breaks.iter().copied().collect();
    // Slower disks widen the window between a txn's append and its flush.
    config.fsync_ms = [4, 20, 50][r.below(Stream::Nemesis, 3) as usize];
    let id = |r: &mut SimRng| ServerId(1 + r.below(Stream::Nemesis, u64::from(n)) as u32);
    let client = |r: &mut SimRng| format!("c{}", 1 + r.below(Stream::Workload, 3));
    // Now and then the last server boots late, after the others formed an epoch without it.
    let late = r.below(Stream::Nemesis, 2) == 0;
    let mut cmds: Vec<(u64, Command)> = (1..=n)
        .map(|i| {
            let at = if late && i == n {
                1_000 + r.below(Stream::Nemesis, 9_000)
            } else {
                r.below(Stream::Nemesis, 300)
            };
            (at, Command::Start(ServerId(i)))
        })
        .collect();
    cmds.sort_by_key(|(t, _)| *t);
    for c in 1..=3 {
        let server = ServerId(1 + (c - 1) % n);
        cmds.push((600, connect(format!("c{c}"), server)));
    }
    let mut t = 600;
    let mut key = 0;
    while t < CHAOS_MS {
        t += 20 + r.below(Stream::Nemesis, 300);
        key += 1;
        let c = match r.below(Stream::Nemesis, 28) {
            0 => Command::Crash(id(r)),
            1 | 2 => Command::Restart(id(r)),
            3 => Command::Pause(id(r)),
            4 => Command::Resume(id(r)),
            5 => {
                let lone = id(r);
                let rest: Vec<ServerId> = (1..=n).map(ServerId).filter(|s| *s != lone).collect();
                Command::Partition(vec![vec![lone], rest])
            }
            6 | 7 => Command::Heal,
            8 => link_fault(LinkFault::Hold, r, id),
            9 => link_fault(LinkFault::Release, r, id),
            23 => {
                // A client writes, moves to a server cut off just before, and reads there
                // (ZooKeeper must refuse a server behind the client).
                let (lone, c) = (id(r), client(r));
                let rest: Vec<ServerId> = (1..=n).map(ServerId).filter(|s| *s != lone).collect();
                cmds.push((t, Command::Partition(vec![vec![lone], rest])));
                let data = format!("v{key}");
                let path = "/k0".to_string();
                cmds.push((t + 5, op(c.clone(), ClientOp::Set { path, data })));
                cmds.push((
                    t + 80,
                    Command::Move {
                        client: c.clone(),
                        server: lone,
                    },
                ));
                t += 100;
                op(c, ClientOp::Get { path: "/k0".into() })
            }
            24 => link_fault(LinkFault::Block, r, id),
            10 | 11 => Command::Move {
                client: client(r),
                server: id(r),
            },
            12 => connect(client(r), id(r)),
            13 => op(client(r), ClientOp::Die),
            14 => op(client(r), ClientOp::Close),
            15 | 16 => {
                let path = format!("/e{}", r.below(Stream::Workload, 3));
                let data = format!("v{key}");
                op(
                    client(r),
                    ClientOp::Create {
                        path,
                        data,
                        ephemeral: true,
                    },
                )
            }
            25..=27 => {
                // A server is cut off; a client moves there; another client writes; the first
                // syncs and reads the node there (ReadYourSync): the cut-off server still serves
                // reads for syncLimit, but its sync must wait for the leader.
                let (lone, c) = (id(r), client(r));
                // The writer is another client (c1..c3).
                let w = format!("c{}", c[1..].parse::<u32>().map_or(1, |i| i % 3 + 1));
                let rest: Vec<ServerId> = (1..=n).map(ServerId).filter(|s| *s != lone).collect();
                cmds.push((t, Command::Partition(vec![vec![lone], rest])));
                let move_to = Command::Move {
                    client: c.clone(),
                    server: lone,
                };
                cmds.push((t + 5, move_to));
                let path = format!("/k{}", r.below(Stream::Workload, 3));
                let data = format!("v{key}");
                let set = ClientOp::Set {
                    path: path.clone(),
                    data,
                };
                cmds.push((t + 10, op(w, set)));
                t += 250;
                cmds.push((t, op(c.clone(), ClientOp::Sync { path: path.clone() })));
                op(c, ClientOp::Get { path })
            }
            17..=19 => {
                let path = format!("/k{}", r.below(Stream::Workload, 3));
                op(client(r), ClientOp::Get { path })
            }
            _ => {
                let path = format!("/k{}", r.below(Stream::Workload, 3));
                let data = format!("v{key}");
                if r.below(Stream::Workload, 2) == 0 {
                    op(client(r), ClientOp::Set { path, data })
                } else {
                    op(
                        client(r),
                        ClientOp::Create {
                            path,
                            data,
                            ephemeral: false,
                        },
                    )
                }
            }
        };
        cmds.push((t, c));
    }
    cmds.push((CHAOS_MS, Command::Heal));
    for a in 1..=n {
        cmds.push((CHAOS_MS, Command::Resume(ServerId(a))));
        cmds.push((CHAOS_MS, Command::Start(ServerId(a))));
        for b in 1..=n {
            let (from, to) = (ServerId(a), ServerId(b));
            cmds.push((CHAOS_MS, Command::Release { from, to }));
        }
    }
    Script {
        seed,
        config,
        commands: cmds,
        recorded: Vec::new(),
        until_ms: CHAOS_MS + CALM_MS,
    }
}

fn connect(client: String, server: ServerId) -> Command {
    Command::Connect {
        client,
        server,
        timeout_ms: 4_000,
    }
}

fn op(client: String, op: ClientOp) -> Command {
    Command::Op { client, op }
}

/// Run one seed with the switches on; the first violation, if any.
#[must_use]
pub fn run(seed: u64, breaks: &[Break]) -> Option<Violation> {
    let s = script(seed, breaks);
    let mut sim = Simulation::from_script(&s).ok()?;
    sim.keep_trace(false);
    sim.check_invariants(true);
    sim.run_until(s.until_ms, |x| !x.violations().is_empty());
    sim.violations().first().cloned()
}

/// Seeds `from..from + max` in order until one breaks an invariant: that seed and violation.
#[must_use]
pub fn hunt(b: Break, from: u64, max: u64) -> Option<(u64, Violation)> {
    (from..from.saturating_add(max)).find_map(|seed| run(seed, &[b]).map(|v| (seed, v)))
}
