//! Figure 2 of the documentation: throughput of a saturated ensemble (7 servers, 30 % writes)
//! through five failures — a follower fails and recovers; another follower fails and
//! recovers; the leader fails; two followers fail and recover; another leader fails. The
//! load is the lab's [`Engine`]; how long each election and each rejoin takes is measured
//! first by running the same failures in the ZAB simulation itself ([`kernel_times`]), so
//! the election time in the figure is the one FLE, discovery and sync take there.

use crate::ids::ServerId;
use crate::sim::command::Command;
use crate::sim::simulation::Simulation;
use crate::tools::lab::Progress;
use crate::tools::lab::engine::{Engine, Setup};

/// One event of the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Fault {
    /// Crash this many followers (that are up).
    CrashFollowers(u32),
    /// Restart every follower the plan crashed.
    RecoverFollowers,
    /// Crash the leader (the ensemble elects another).
    CrashLeader,
}

/// The documentation's five events, one to two seconds apart: (at ms, fault, label).
#[must_use]
pub fn documented_plan() -> Vec<(u64, Fault, &'static str)> {
    vec![
        (1_000, Fault::CrashFollowers(1), "1 a follower fails"),
        (2_000, Fault::RecoverFollowers, "1 it recovers"),
        (3_000, Fault::CrashFollowers(1), "2 another follower fails"),
        (4_000, Fault::RecoverFollowers, "2 it recovers"),
        (5_000, Fault::CrashLeader, "3 the leader fails"),
        (7_000, Fault::CrashFollowers(2), "4 two followers fail"),
        (8_000, Fault::RecoverFollowers, "4 they recover"),
        (9_000, Fault::CrashLeader, "5 another leader fails"),
    ]
}

/// What the ZAB simulation measured for each event: for a leader's crash, the time until a
/// new leader serves (FLE, discovery, sync); for a recovery, until the restarted servers
/// serve again. Runs [`KernelTimes`] to the end.
pub fn kernel_times(
    servers: u32,
    plan: &[(u64, Fault, &'static str)],
    seed: u64,
) -> Result<Vec<Option<u64>>, String> {
    let mut k = KernelTimes::new(servers, plan.to_vec(), seed)?;
    while !k.advance(u64::MAX)? {}
    Ok(k.times().to_vec())
}

/// Where a [`KernelTimes`] run stands.
#[derive(Clone, Debug)]
enum Stage {
    /// Electing the first leader (at most 20 s).
    Boot,
    /// Running to the plan's event `i`.
    Before(usize),
    /// Event `i` fired at `t0`; waiting (at most 10 s) for the restarted servers to serve, or
    /// for a leader other than `crashed_leader`.
    After {
        i: usize,
        t0: u64,
        back: Vec<u32>,
        crashed_leader: Option<u32>,
    },
}

/// [`kernel_times`] in pieces of simulated time ([`KernelTimes::advance`]), so a page can
/// measure between frames; the times are the same however it is cut.
#[derive(Clone, Debug)]
pub struct KernelTimes {
    sim: Simulation,
    servers: u32,
    plan: Vec<(u64, Fault, &'static str)>,
    start: u64,
    crashed: Vec<u32>,
    out: Vec<Option<u64>>,
    stage: Stage,
}

impl KernelTimes {
    /// A `servers`-server ensemble of the classroom simulation (default zoo.cfg timings),
    /// about to run `plan`.
    pub fn new(
        servers: u32,
        plan: Vec<(u64, Fault, &'static str)>,
        seed: u64,
    ) -> Result<KernelTimes, String> {
        let mut sim = Simulation::with_servers(servers, seed).map_err(|e| e.to_string())?;
        sim.keep_trace(false);
        Ok(KernelTimes {
            sim,
            servers,
            plan,
            start: 0,
            crashed: Vec::new(),
            out: Vec::new(),
            stage: Stage::Boot,
        })
    }

    /// The times measured so far, one per event of the plan.
    #[must_use]
    pub fn times(&self) -> &[Option<u64>] {
        &self.out
    }

    fn serving(sim: &Simulation, id: u32) -> bool {
        sim.kernel()
            .nodes
            .iter()
            .any(|n| n.id.0 == id && n.server.as_ref().is_some_and(|s| s.serving()))
    }

    fn apply(&mut self, c: Command) -> Result<(), String> {
        self.sim.apply(c).map(|_| ()).map_err(|e| e.to_string())
    }

    /// Run at most `budget_ms` more of simulated time; `Ok(true)` once every event is measured.
    pub fn advance(&mut self, budget_ms: u64) -> Result<bool, String> {
        let limit = self.sim.now().ms().saturating_add(budget_ms);
        loop {
            let now = self.sim.now().ms();
            let left = limit.saturating_sub(now);
            match self.stage.clone() {
                Stage::Boot => {
                    let span = left.min(20_000u64.saturating_sub(now));
                    if self.sim.run_until(span, |s| s.leaders().len() == 1) {
                        self.start = self.sim.now().ms();
                        self.stage = Stage::Before(0);
                    } else if self.sim.now().ms() >= 20_000 {
                        return Err(format!(
                            "{} servers elected no leader in 20 s",
                            self.servers
                        ));
                    } else {
                        return Ok(false);
                    }
                }
                Stage::Before(i) => {
                    let Some(&(at, fault, _)) = self.plan.get(i) else {
                        return Ok(true);
                    };
                    let due = self.start + at;
                    if now < due {
                        if left == 0 {
                            return Ok(false);
                        }
                        self.sim.run_for(left.min(due - now));
                        continue;
                    }
                    self.fire(i, fault)?;
                }
                Stage::After {
                    i,
                    t0,
                    back,
                    crashed_leader,
                } => {
                    let span = left.min((t0 + 10_000).saturating_sub(now));
                    let done = self.sim.run_until(span, |s| match crashed_leader {
                        Some(l) => matches!(s.leaders()[..], [x] if x != l),
                        None => back.iter().all(|id| KernelTimes::serving(s, *id)),
                    });
                    let at = self.sim.now().ms();
                    if done {
                        self.out.push(Some(at - t0));
                    } else if at >= t0 + 10_000 {
                        self.out.push(None);
                    } else {
                        return Ok(false);
                    }
                    self.stage = Stage::Before(i + 1);
                }
            }
        }
    }

    /// Event `i` of the plan, now.
    fn fire(&mut self, i: usize, fault: Fault) -> Result<(), String> {
        let leader = self.sim.leaders().first().copied();
        let t0 = self.sim.now().ms();
        match fault {
            Fault::CrashFollowers(n) => {
                let followers: Vec<u32> = (1..=self.servers)
                    .filter(|id| Some(*id) != leader && KernelTimes::serving(&self.sim, *id))
                    .take(n as usize)
                    .collect();
                for id in &followers {
                    self.apply(Command::Crash(ServerId(*id)))?;
                }
                self.crashed.extend(followers);
                self.out.push(None);
                self.stage = Stage::Before(i + 1);
            }
            Fault::RecoverFollowers => {
                let back = std::mem::take(&mut self.crashed);
                for id in &back {
                    self.apply(Command::Start(ServerId(*id)))?;
                }
                self.stage = Stage::After {
                    i,
                    t0,
                    back,
                    crashed_leader: None,
                };
            }
            Fault::CrashLeader => {
                let Some(l) = leader else {
                    return Err("no leader to crash".into());
                };
                self.apply(Command::Crash(ServerId(l)))?;
                self.stage = Stage::After {
                    i,
                    t0,
                    back: Vec::new(),
                    crashed_leader: Some(l),
                };
            }
        }
        Ok(())
    }
}

/// One bucket of the throughput series.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Sample {
    /// The bucket's start, simulated ms.
    pub at_ms: u64,
    /// Requests answered per simulated second in the bucket.
    pub ops_per_sec: u64,
}

/// One event as it happened in the run.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Mark {
    /// When it happened, simulated ms.
    pub at_ms: u64,
    /// The label the figure shows.
    pub label: &'static str,
    /// The fault injected.
    pub fault: Fault,
    /// Measured in the ZAB simulation: a new leader serving (after a leader's crash), the
    /// restarted servers serving (after a recovery).
    pub kernel_ms: Option<u64>,
    /// Until the throughput was back to half of what it was before the event, if it fell
    /// below half (0 if it never did; `None` if it was not back before the next event).
    pub recovered_ms: Option<u64>,
}

/// A resumable figure-2 run (see the module header).
#[derive(Clone, Debug)]
pub struct Reliability {
    engine: Engine,
    plan: Vec<(u64, Fault, &'static str)>,
    times: Vec<Option<u64>>,
    next: usize,
    crashed: Vec<usize>,
    end_ms: u64,
    bucket_ms: u64,
    marks: Vec<Mark>,
}

impl Reliability {
    /// The documented run: `setup` (its `voters`, e.g. 7, and `read_pct`, e.g. 70), the
    /// documented plan, the series in `bucket_ms` buckets up to `end_ms`.
    pub fn new(setup: Setup, bucket_ms: u64, end_ms: u64) -> Result<Reliability, String> {
        let plan = documented_plan();
        if setup.voters < 7 {
            return Err("the reliability run needs at least 7 voting servers".into());
        }
        if bucket_ms == 0 || !(10_000..=120_000).contains(&end_ms) {
            return Err("bucket at least 1 ms; the run lasts 10000..=120000 ms".into());
        }
        let times = kernel_times(setup.voters, &plan, setup.seed)?;
        Reliability::with_times(setup, times, bucket_ms, end_ms)
    }

    /// As [`Reliability::new`] with the times already measured ([`KernelTimes`], one per
    /// event of [`documented_plan`]).
    pub fn with_times(
        setup: Setup,
        times: Vec<Option<u64>>,
        bucket_ms: u64,
        end_ms: u64,
    ) -> Result<Reliability, String> {
        let plan = documented_plan();
        if setup.voters < 7 {
            return Err("the reliability run needs at least 7 voting servers".into());
        }
        if bucket_ms == 0 || !(10_000..=120_000).contains(&end_ms) {
            return Err("bucket at least 1 ms; the run lasts 10000..=120000 ms".into());
        }
        let mut engine = Engine::new(setup)?;
        engine.bucket_by(bucket_ms * 1_000_000);
        Ok(Reliability {
            engine,
            plan,
            times,
            next: 0,
            crashed: Vec::new(),
            end_ms,
            bucket_ms,
            marks: Vec::new(),
        })
    }

    /// Handle up to `steps` more simulated events; `done`/`total` count milliseconds.
    pub fn run_for(&mut self, steps: u64) -> Progress {
        let mut left = steps;
        while left > 0 && self.engine.now() < self.end_ms * 1_000_000 {
            let until = self.plan.get(self.next).map_or(self.end_ms, |p| p.0) * 1_000_000;
            let before = self.engine.steps();
            let reached = self.engine.run_until(until, left);
            left = left
                .saturating_sub(self.engine.steps() - before)
                .saturating_sub(1);
            if reached && self.next < self.plan.len() {
                self.fire();
            }
        }
        self.progress()
    }

    fn fire(&mut self) {
        let (at, fault, label) = self.plan[self.next];
        let measured = self.times.get(self.next).copied().flatten();
        self.next += 1;
        match fault {
            Fault::CrashFollowers(n) => {
                for s in self.engine.followers().into_iter().take(n as usize) {
                    self.engine.crash(s);
                    self.crashed.push(s);
                }
            }
            Fault::RecoverFollowers => {
                self.engine.rejoin_ns = measured.unwrap_or(0) * 1_000_000;
                for s in std::mem::take(&mut self.crashed) {
                    self.engine.recover(s);
                }
            }
            Fault::CrashLeader => {
                self.engine.election_ns = measured.unwrap_or(10_000) * 1_000_000;
                if let Some(l) = self.engine.leader() {
                    self.engine.crash(l);
                }
            }
        }
        self.marks.push(Mark {
            at_ms: at,
            label,
            fault,
            kernel_ms: measured,
            recovered_ms: None,
        });
    }

    /// How many points are done.
    #[must_use]
    pub fn progress(&self) -> Progress {
        let done = usize::try_from(self.engine.now() / 1_000_000).unwrap_or(usize::MAX);
        let total = usize::try_from(self.end_ms).unwrap_or(usize::MAX);
        Progress {
            done: done.min(total),
            total,
            finished: done >= total,
        }
    }

    /// Run to the end (the command line).
    pub fn finish(&mut self) {
        while !self.run_for(1_000_000).finished {}
    }

    /// Throughput per bucket so far.
    #[must_use]
    pub fn series(&self) -> Vec<Sample> {
        let per_sec = 1_000 / self.bucket_ms.max(1);
        let now_bucket = self.engine.now() / (self.bucket_ms * 1_000_000);
        let b = self.engine.buckets();
        (0..now_bucket)
            .map(|i| Sample {
                at_ms: i * self.bucket_ms,
                ops_per_sec: b
                    .get(usize::try_from(i).unwrap_or(usize::MAX))
                    .copied()
                    .unwrap_or(0)
                    * per_sec.max(1),
            })
            .collect()
    }

    /// The events so far, each with when throughput came back (from the series).
    #[must_use]
    pub fn marks(&self) -> Vec<Mark> {
        let series = self.series();
        let ends: Vec<u64> = self
            .marks
            .iter()
            .skip(1)
            .map(|m| m.at_ms)
            .chain([self.end_ms])
            .collect();
        self.marks
            .iter()
            .zip(ends)
            .map(|(m, end)| {
                let before: Vec<u64> = series
                    .iter()
                    .filter(|s| s.at_ms + 500 >= m.at_ms && s.at_ms + self.bucket_ms <= m.at_ms)
                    .map(|s| s.ops_per_sec)
                    .collect();
                let level = before.iter().sum::<u64>() / (before.len().max(1) as u64);
                let mut fell = false;
                let mut until_next = series
                    .iter()
                    .filter(|s| s.at_ms >= m.at_ms && s.at_ms < end);
                let back = until_next.find(|s| {
                    fell |= s.ops_per_sec < level / 2;
                    fell && s.ops_per_sec >= level / 2
                });
                Mark {
                    recovered_ms: if fell {
                        back.map(|s| s.at_ms - m.at_ms)
                    } else {
                        Some(0)
                    },
                    ..m.clone()
                }
            })
            .collect()
    }

    /// The run's length, simulated ms.
    #[must_use]
    pub fn end_ms(&self) -> u64 {
        self.end_ms
    }
}
