//! The seeded random-fault run (the fuzzer): a seed picks an ensemble (3–7 voters, sometimes an
//! observer), a fault schedule (crashes, restarts, pauses, partitions incl. one-way, held
//! links, message loss, disk faults: a crash loses the unflushed txn-log tail) and a workload
//! (persistent, ephemeral and sequential creates, setData, deletes, watches, multi, sync and
//! reads through random servers; clients that move their sessions, die or close them, with
//! session timeouts short enough to expire during the chaos); every invariant
//! is checked after every step. Then everything is healed and the ensemble must recover: one
//! leader, identical committed logs and trees on all live servers, and a new write that
//! succeeds. A failure names the seed that reproduces it.

use crate::ids::ServerId;
use crate::rng::{SimRng, Stream};
use crate::sim::command::{ClientOp, Command};
use crate::sim::script::Script;
use crate::sim::simulation::Simulation;
use crate::zab::config::Config;
use crate::zab::proto::ServerState;
use crate::zab::server::outbox::Phase;
use crate::zk::acl::Acl;
use crate::zk::request::{CreateMode, Request};

/// Simulated ms of chaos before the heal.
pub const CHAOS_MS: u64 = 30_000;
/// Simulated ms the healed ensemble gets to converge.
pub const RECOVERY_MS: u64 = 60_000;

/// What one fuzzed seed did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FuzzReport {
    /// The seed fuzzed.
    pub seed: u64,
    /// Servers in the ensemble.
    pub servers: usize,
    /// Steps run.
    pub steps: u64,
    /// Client writes answered OK.
    pub commits: usize,
    /// The last leader's sid (0 if none).
    pub leader: u32,
}

/// The fault schedule and workload of a seed, as a script (heal phase included).
#[must_use]
pub fn script(seed: u64) -> Script {
    let mut rng = SimRng::new(seed);
    let r = &mut rng;
    let voters = [3u32, 3, 5, 5, 5, 7][r.below(Stream::Nemesis, 6) as usize];
    let observers = u32::from(r.below(Stream::Nemesis, 3) == 0);
    // Disk faults: a crash loses the txn-log tail that was not flushed yet (`zabscope.fsyncMs`,
    // SyncRequestProcessor's group commit); 0 = every append durable at once.
    let fsync_ms = [0u64, 4, 4, 30][r.below(Stream::Nemesis, 4) as usize];
    let mut text =
        format!("tickTime=2000\ninitLimit=10\nsyncLimit=5\nzabscope.fsyncMs={fsync_ms}\n");
    for i in 1..=voters + observers {
        let kind = if i > voters { ":observer" } else { "" };
        text.push_str(&format!("server.{i}=zk{i}:2888:3888{kind}\n"));
    }
    let mut config = Config::parse(&text)
        .unwrap_or_else(|_| Config::ensemble(3).unwrap_or_else(|_| unreachable!()));
    config.loss_ppm = [0, 0, 500, 3000][r.below(Stream::Nemesis, 4) as usize];
    let n = voters + observers;
    let id = |r: &mut SimRng| ServerId(1 + r.below(Stream::Nemesis, u64::from(n)) as u32);
    let client = |r: &mut SimRng| format!("c{}", 1 + r.below(Stream::Workload, u64::from(n)));
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
                timeout_ms: session_timeout(r),
            },
        ));
    }
    // The parent of the sequential nodes.
    cmds.push((
        t + 1,
        Command::Op {
            client: "c1".into(),
            op: ClientOp::Create {
                path: "/q".into(),
                data: String::new(),
                ephemeral: false,
            },
        },
    ));
    let mut key = 0;
    while t < CHAOS_MS {
        t += 50 + r.below(Stream::Nemesis, 450);
        if t >= CHAOS_MS {
            break;
        }
        let c = match r.below(Stream::Nemesis, 34) {
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
            7 => link_fault(LinkFault::Block, r, id),
            12 => link_fault(LinkFault::Hold, r, id),
            13 => link_fault(LinkFault::Release, r, id),
            8 | 9 => Command::Heal,
            // A client whose server is gone mostly moves its session (ClientCnxn: next host,
            // same session); now and then it starts a new session, short or long.
            10 | 16 => Command::Connect {
                client: client(r),
                server: id(r),
                timeout_ms: session_timeout(r),
            },
            11 | 14 | 15 => Command::Move {
                client: client(r),
                server: id(r),
            },
            // A client process dies (its session expires after its timeout, its ephemerals
            // must go) or closes its session.
            17 => Command::Op {
                client: client(r),
                op: ClientOp::Die,
            },
            18 => Command::Op {
                client: client(r),
                op: ClientOp::Close,
            },
            _ => {
                key += 1;
                let who = client(r);
                let c = workload_op(r, who.clone(), key);
                if let Command::Op {
                    op: ClientOp::Sync { path },
                    ..
                } = &c
                {
                    // sync() then a read of the same node a moment later (ReadYourSync),
                    // through whatever server the client is on — often a lagging follower.
                    let path = path.clone();
                    cmds.push((t, c));
                    let later = t + r.below(Stream::Workload, 40);
                    cmds.push((later, op_get(who, path)));
                    continue;
                }
                c
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
        recorded: Vec::new(),
        until_ms: CHAOS_MS + RECOVERY_MS,
    }
}

/// A session timeout: mostly 30 s, sometimes the shortest allowed (2 × tickTime), so sessions
/// of dead or partitioned clients expire during the chaos.
/// What a fault does to one directed link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LinkFault {
    /// Drop its traffic (`block`).
    Block,
    /// Keep its traffic at the sender (`hold`).
    Hold,
    /// Deliver what it kept (`release`).
    Release,
}

/// `fault` on a link whose two ends `id` draws, sender first (the draw order the pinned seeds
/// rely on).
pub(crate) fn link_fault(
    fault: LinkFault,
    r: &mut SimRng,
    id: impl Fn(&mut SimRng) -> ServerId,
) -> Command {
    let (from, to) = (id(r), id(r));
    match fault {
        LinkFault::Block => Command::Block {
            from: vec![from],
            to: vec![to],
        },
        LinkFault::Hold => Command::Hold { from, to },
        LinkFault::Release => Command::Release { from, to },
    }
}

fn session_timeout(r: &mut SimRng) -> u64 {
    [30_000, 30_000, 4_000, 6_000][r.below(Stream::Workload, 4) as usize]
}

/// One client request of the workload: persistent, ephemeral and sequential creates,
/// setData, deletes, reads that leave watches (getData / exists / getChildren), multi, sync.
fn workload_op(r: &mut SimRng, client: String, key: u32) -> Command {
    let k = r.below(Stream::Workload, 8);
    let data = format!("v{key}");
    let op = |op: ClientOp| Command::Op {
        client: client.clone(),
        op,
    };
    let request = |request: Request| Command::Request {
        client: client.clone(),
        request: Box::new(request),
    };
    let create = |path: String, mode: CreateMode, data: &str| Request::Create {
        path,
        data: Some(data.as_bytes().to_vec()),
        acl: Acl::open_unsafe(),
        mode,
        ttl: -1,
    };
    match r.below(Stream::Workload, 16) {
        0..=2 => op(ClientOp::Create {
            path: format!("/k{k}"),
            data,
            ephemeral: false,
        }),
        3..=5 => op(ClientOp::Set {
            path: format!("/k{k}"),
            data,
        }),
        6 => op(ClientOp::Create {
            path: format!("/e{k}"),
            data,
            ephemeral: true,
        }),
        7 => {
            let mode = if k < 4 {
                CreateMode::PersistentSequential
            } else {
                CreateMode::EphemeralSequential
            };
            request(create("/q/s-".into(), mode, &data))
        }
        8 => {
            let path = if k < 4 {
                format!("/k{k}")
            } else {
                format!("/e{k}")
            };
            op(ClientOp::Delete { path })
        }
        9 => request(Request::GetData {
            path: format!("/k{k}"),
            watch: true,
        }),
        10 => request(Request::Exists {
            path: format!("/e{k}"),
            watch: true,
        }),
        11 => request(Request::GetChildren {
            path: if k < 4 { "/".into() } else { "/q".into() },
            watch: true,
        }),
        12 => request(Request::Multi(vec![
            create(format!("/m{k}"), CreateMode::Persistent, &data),
            Request::SetData {
                path: format!("/k{k}"),
                data: Some(data.into_bytes()),
                version: -1,
            },
        ])),
        13 | 14 => op(ClientOp::Sync {
            path: format!("/k{k}"),
        }),
        _ => op(ClientOp::Get {
            path: format!("/k{k}"),
        }),
    }
}

fn op_get(client: String, path: String) -> Command {
    Command::Op {
        client,
        op: ClientOp::Get { path },
    }
}

/// Why a fuzzed run failed: the broken invariant's name (or `Liveness` / `ProbeWrite`) and
/// the full message. Shrinking keeps a script only if it fails with the same `kind`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FuzzFailure {
    /// What failed: an invariant's name, `stuck`, `panic`, ….
    pub kind: String,
    /// What the check said.
    pub message: String,
}

impl std::fmt::Display for FuzzFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// Run one seed; `Err` says what broke and how to reproduce it.
pub fn run(seed: u64) -> Result<FuzzReport, String> {
    let repro = format!("reproduce with: zabscope fuzz --seed {seed}");
    check_script(&script(seed)).map_err(|f| format!("seed {seed}: {f}; {repro}"))
}

/// Run a fuzz script (a seed's, a shrunk one, or one read from a file) with every check of
/// the fuzzer: invariants after every step through the chaos phase and the recovery, then
/// liveness (one leader, identical replicas) and a probe write after the heal.
pub fn check_script(s: &Script) -> Result<FuzzReport, FuzzFailure> {
    let fail = |kind: &str, message: String| FuzzFailure {
        kind: kind.to_string(),
        message,
    };
    let mut sim = Simulation::from_script(s).map_err(|e| fail("Config", e.to_string()))?;
    sim.keep_trace(false);
    sim.check_invariants(true);
    let check = |sim: &Simulation| -> Result<(), FuzzFailure> {
        match sim.violations().first() {
            Some(v) => Err(fail(v.invariant, v.to_string())),
            None => Ok(()),
        }
    };
    let heal_at = s
        .commands
        .iter()
        .rev()
        .find(|(_, c)| *c == Command::Heal)
        .map_or(CHAOS_MS, |(t, _)| *t);
    sim.run_until(heal_at + 1, |s| !s.violations().is_empty());
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
            return Err(fail(
                "Liveness",
                format!(
                    "no single leader with identical replicas {RECOVERY_MS} ms after the heal\n{}",
                    summary(&sim)
                ),
            ));
        };
        leader = l;
        let client = format!("probe{attempt}");
        let connect = Command::Connect {
            client: client.clone(),
            server: ServerId(leader),
            timeout_ms: 30_000,
        };
        sim.apply(connect).map_err(|e| fail("Command", e.0))?;
        let op = ClientOp::Create {
            path: format!("/probe{attempt}"),
            data: "ok".into(),
            ephemeral: false,
        };
        let write = Command::Op {
            client: client.clone(),
            op,
        };
        sim.apply(write).map_err(|e| fail("Command", e.0))?;
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
            return Err(fail(
                "ProbeWrite",
                format!(
                    "a write after recovery did not succeed ({probe:?})\n{}",
                    summary(&sim)
                ),
            ));
        }
    }
    Ok(FuzzReport {
        seed: s.seed,
        servers: s.config.servers.len(),
        steps: sim.kernel().step,
        commits: successful_writes(&sim),
        leader,
    })
}

/// Successful client writes (createSession included) over the whole run: every answered-OK
/// request that is a transaction or a sync, reads excluded.
fn successful_writes(sim: &Simulation) -> usize {
    sim.kernel()
        .clients
        .iter()
        .flat_map(|c| c.results.iter())
        .filter(|r| is_write_op(&r.op) && r.response.as_ref().is_some_and(|x| x.code.is_ok()))
        .count()
}

/// Whether a client result's op name is a write (`getData /a` is not; `create /a` is).
fn is_write_op(op: &str) -> bool {
    let name = op.split(' ').next().unwrap_or("");
    !matches!(
        name,
        "getData" | "exists" | "getChildren" | "getChildren2" | "getACL" | "reconnect" | "sync"
    )
}

fn probe_ok(s: &Simulation, name: &str) -> bool {
    s.kernel().clients.iter().any(|c| {
        c.name == name
            && c.results.iter().any(|r| {
                r.cxid == 1
                    && r.response
                        .as_ref()
                        .is_some_and(|r| r.code == crate::zk::code::Code::Ok)
            })
    })
}

fn answered(s: &Simulation, name: &str) -> bool {
    s.kernel()
        .clients
        .iter()
        .any(|c| c.name == name && c.results.iter().any(|r| r.cxid == 1))
}

/// One established leader, every server running and broadcasting, identical committed state —
/// except servers stranded by their acceptedEpoch (see [`stranded`]), as long as the others
/// still form a quorum.
fn converged(s: &Simulation) -> Option<u32> {
    let k = s.kernel();
    let servers: Vec<_> = k
        .nodes
        .iter()
        .map(|n| n.server.as_ref())
        .collect::<Option<Vec<_>>>()?;
    let leaders: Vec<_> = servers
        .iter()
        .filter(|s| s.state() == ServerState::Leading)
        .collect();
    let [leader] = leaders.as_slice() else {
        return None;
    };
    let epoch = leader.core.durable.current_epoch;
    let live: Vec<_> = servers.iter().filter(|s| !stranded(s, epoch)).collect();
    if live.iter().any(|s| s.phase() != Phase::Broadcast)
        || !k.config.is_quorum(live.iter().map(|s| &s.core.id))
    {
        return None;
    }
    let first = &leader.core.replica;
    // The same txns applied and the same data. lastProcessedZxid may differ: the leader's is
    // its epoch's mark (`<epoch>00000000`, Leader.startZkServer) until a txn follows.
    let same = live.iter().all(|s| {
        s.core.replica.epochs.last() == first.epochs.last()
            && s.core.replica.db.data_digest() == first.db.data_digest()
    });
    same.then_some(leader.core.id.0)
}

/// A learner whose acceptedEpoch is above the epoch of the established leader can never join
/// it, in ZooKeeper 3.8 too: once a quorum fixed the epoch, `Leader.getEpochToPropose` returns
/// it to every later learner whatever its acceptedEpoch, and `Learner.registerWithLeader`
/// throws "Leaders epoch, 1 is less than accepted epoch, 2" — the learner goes back to
/// LOOKING, FLE sends it to the same leader, and so on until that leader loses its quorum (a
/// livelock of that learner, not of the ensemble). The liveness check does not wait for it.
#[must_use]
pub fn stranded(s: &crate::zab::server::Server, leader_epoch: u32) -> bool {
    s.core.durable.accepted_epoch > leader_epoch && s.phase() != Phase::Broadcast
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
