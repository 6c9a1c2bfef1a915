//! The seeded random-fault run (the fuzzer): a seed picks an ensemble, a fault schedule
//! (crashes, restarts, pauses, partitions incl. one-way, message loss) and a workload (writes
//! through random servers, clients moving their sessions between servers); every invariant
//! is checked after every step. Then everything is healed and the ensemble must recover: one
//! leader, identical committed logs and trees on all live servers, and a new write that
//! succeeds. A failure names the seed that reproduces it.

use crate::config::Config;
use crate::ids::ServerId;
use crate::proto::ServerState;
use crate::rng::{SimRng, Stream};
use crate::script::Script;
use crate::server::outbox::Phase;
use crate::sim::command::{ClientOp, Command};
use crate::simulation::Simulation;

/// Simulated ms of chaos before the heal.
pub const CHAOS_MS: u64 = 30_000;
/// Simulated ms the healed ensemble gets to converge.
pub const RECOVERY_MS: u64 = 60_000;

/// What one fuzzed seed did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FuzzReport {
    pub seed: u64,
    pub servers: usize,
    pub steps: u64,
    /// Client writes answered OK.
    pub commits: usize,
    pub leader: u32,
}

/// The fault schedule and workload of a seed, as a script (heal phase included).
#[must_use]
pub fn script(seed: u64) -> Script {
    let mut rng = SimRng::new(seed);
    let r = &mut rng;
    let voters = [3u32, 3, 5, 5, 5, 7][r.below(Stream::Nemesis, 6) as usize];
    let observers = u32::from(r.below(Stream::Nemesis, 3) == 0);
    let mut text = String::from("tickTime=2000\ninitLimit=10\nsyncLimit=5\n");
    for i in 1..=voters + observers {
        let kind = if i > voters { ":observer" } else { "" };
        text.push_str(&format!("server.{i}=zk{i}:2888:3888{kind}\n"));
    }
    let mut config = Config::parse(&text)
        .unwrap_or_else(|_| Config::ensemble(3).unwrap_or_else(|_| unreachable!()));
    config.loss_ppm = [0, 0, 500, 3000][r.below(Stream::Nemesis, 4) as usize];
    let n = voters + observers;
    let id = |r: &mut SimRng| ServerId(1 + r.below(Stream::Nemesis, u64::from(n)) as u32);
    let mut cmds: Vec<(u64, Command)> = (1..=n)
        .map(|i| (r.below(Stream::Nemesis, 400), Command::Start(ServerId(i))))
        .collect();
    cmds.sort_by_key(|(t, _)| *t);
    let mut t = 500;
    for i in 1..=n {
        cmds.push((
            t,
            Command::Connect {
                client: format!("c{i}"),
                server: ServerId(i),
                timeout_ms: 30_000,
            },
        ));
    }
    let mut key = 0;
    while t < CHAOS_MS {
        t += 50 + r.below(Stream::Nemesis, 450);
        if t >= CHAOS_MS {
            break;
        }
        let c = match r.below(Stream::Nemesis, 30) {
            0 | 1 => Command::Crash(id(r)),
            2 | 3 => Command::Restart(id(r)),
            4 => Command::Pause(id(r)),
            5 => Command::Resume(id(r)),
            6 => {
                let cut = 1 + r.below(Stream::Nemesis, u64::from(n - 1)) as u32;
                let a: Vec<ServerId> = (1..=cut).map(ServerId).collect();
                let b: Vec<ServerId> = (cut + 1..=n).map(ServerId).collect();
                Command::Partition(vec![a, b])
            }
            7 => Command::Block {
                from: vec![id(r)],
                to: vec![id(r)],
            },
            12 => Command::Hold {
                from: id(r),
                to: id(r),
            },
            13 => Command::Release {
                from: id(r),
                to: id(r),
            },
            8 | 9 => Command::Heal,
            // A client whose server is gone mostly moves its session (ClientCnxn: next host,
            // same session); now and then it starts a new session.
            10 => Command::Connect {
                client: format!("c{}", 1 + r.below(Stream::Workload, u64::from(n))),
                server: id(r),
                timeout_ms: 30_000,
            },
            11 | 14 | 15 => Command::Move {
                client: format!("c{}", 1 + r.below(Stream::Workload, u64::from(n))),
                server: id(r),
            },
            _ => {
                key += 1;
                let client = format!("c{}", 1 + r.below(Stream::Workload, u64::from(n)));
                let path = format!("/k{}", r.below(Stream::Workload, 8));
                let op = if r.below(Stream::Workload, 2) == 0 {
                    ClientOp::Create {
                        path,
                        data: format!("v{key}"),
                        ephemeral: false,
                    }
                } else {
                    ClientOp::Set {
                        path,
                        data: format!("v{key}"),
                    }
                };
                Command::Op { client, op }
            }
        };
        cmds.push((t, c));
    }
    cmds.push((CHAOS_MS, Command::Heal));
    for a in 1..=n {
        for b in 1..=n {
            cmds.push((
                CHAOS_MS,
                Command::Release {
                    from: ServerId(a),
                    to: ServerId(b),
                },
            ));
        }
    }
    cmds.push((CHAOS_MS, Command::Loss(0)));
    for i in 1..=n {
        cmds.push((CHAOS_MS, Command::Resume(ServerId(i))));
        cmds.push((CHAOS_MS, Command::Start(ServerId(i))));
    }
    Script {
        seed,
        config,
        commands: cmds,
        until_ms: CHAOS_MS + RECOVERY_MS,
    }
}

/// Run one seed; `Err` says what broke and how to reproduce it.
pub fn run(seed: u64) -> Result<FuzzReport, String> {
    let s = script(seed);
    let repro = format!("reproduce with: zabscope fuzz --seed {seed}");
    let mut sim = Simulation::from_script(&s).map_err(|e| format!("seed {seed}: {e}"))?;
    sim.keep_trace(false);
    sim.check_invariants(true);
    let check = |sim: &Simulation| -> Result<(), String> {
        match sim.violations().first() {
            Some(v) => Err(format!("{v}; {repro}")),
            None => Ok(()),
        }
    };
    sim.run_until(CHAOS_MS + 1, |s| !s.violations().is_empty());
    check(&sim)?;
    // A client whose write fails with ConnectionLoss (the leader it reached lost its quorum
    // right after the heal) reconnects and retries, as a ZooKeeper application would.
    let mut leader = 0;
    for attempt in 0..3 {
        let done = sim.run_until(RECOVERY_MS, |s| {
            !s.violations().is_empty() || converged(s).is_some()
        });
        check(&sim)?;
        let Some(l) = done.then(|| converged(&sim)).flatten() else {
            return Err(format!(
                "seed {seed}: no single leader with identical replicas {RECOVERY_MS} ms after the heal; {repro}\n{}",
                summary(&sim)
            ));
        };
        leader = l;
        let client = format!("probe{attempt}");
        sim.apply(Command::Connect {
            client: client.clone(),
            server: ServerId(leader),
            timeout_ms: 30_000,
        })
        .map_err(|e| e.0)?;
        let op = ClientOp::Create {
            path: format!("/probe{attempt}"),
            data: "ok".into(),
            ephemeral: false,
        };
        sim.apply(Command::Op {
            client: client.clone(),
            op,
        })
        .map_err(|e| e.0)?;
        sim.run_until(10_000, |s| answered(s, &client));
        check(&sim)?;
        if probe_ok(&sim, &client) {
            break;
        }
        if attempt == 2 {
            let probe = sim
                .kernel()
                .clients
                .iter()
                .find(|c| c.name == client)
                .map(|c| format!("{:?}", c.results));
            return Err(format!(
                "seed {seed}: a write after recovery did not succeed ({probe:?}); {repro}\n{}",
                summary(&sim)
            ));
        }
    }
    // Successful client writes (createSession included) over the whole run.
    let commits = sim
        .kernel()
        .clients
        .iter()
        .flat_map(|c| c.results.iter())
        .filter(|r| {
            !r.op.starts_with("getData") && r.response.as_ref().is_some_and(|x| x.code.is_ok())
        })
        .count();
    Ok(FuzzReport {
        seed,
        servers: s.config.servers.len(),
        steps: sim.kernel().step,
        commits,
        leader,
    })
}

fn probe_ok(s: &Simulation, name: &str) -> bool {
    s.kernel().clients.iter().any(|c| {
        c.name == name
            && c.results.iter().any(|r| {
                r.cxid == 1
                    && r.response
                        .as_ref()
                        .is_some_and(|r| r.code == crate::code::Code::Ok)
            })
    })
}

fn answered(s: &Simulation, name: &str) -> bool {
    s.kernel()
        .clients
        .iter()
        .any(|c| c.name == name && c.results.iter().any(|r| r.cxid == 1))
}

/// One established leader, every server running and broadcasting, identical committed state.
fn converged(s: &Simulation) -> Option<u32> {
    let k = s.kernel();
    let servers: Vec<_> = k
        .nodes
        .iter()
        .map(|n| n.server.as_ref())
        .collect::<Option<Vec<_>>>()?;
    let leaders: Vec<u32> = servers
        .iter()
        .filter(|s| s.state() == ServerState::Leading)
        .map(|s| s.core.id.0)
        .collect();
    if leaders.len() != 1 || servers.iter().any(|s| s.phase() != Phase::Broadcast) {
        return None;
    }
    let first = &servers[0].core.replica;
    let same = servers.iter().all(|s| {
        s.core.replica.last_processed() == first.last_processed()
            && s.core.replica.db.digest() == first.db.digest()
    });
    same.then_some(leaders[0])
}

/// One line per server: status, state, phase, epochs, zxids.
#[must_use]
pub fn summary(sim: &Simulation) -> String {
    let v = sim.view();
    let mut out = format!("at {} step {}\n", v.now, v.step);
    for s in &v.servers {
        out.push_str(&format!(
            "  server.{} {:?} {:?} {:?} leader={:?} accepted={} current={} round={} logged={} committed={} vote={:?} digest={:x}\n",
            s.myid, s.status, s.state, s.phase, s.leader, s.accepted_epoch, s.current_epoch, s.logical_clock, s.last_logged, s.last_committed, s.vote.map(|v| (v.leader, v.zxid, v.peer_epoch)),
            sim.kernel().nodes.iter().find(|n| n.id.0 == s.myid).and_then(|n| n.server.as_ref()).map_or(0, |x| x.core.replica.db.digest())
        ));
    }
    out
}
