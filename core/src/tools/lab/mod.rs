//! The performance lab: ZooKeeper's two documented figures — throughput against the read
//! ratio for 3 to 13 servers, and throughput through five failures — computed from a
//! documented cost model ([`cost`]) by a discrete-event model of the request pipeline
//! ([`engine`]), with election and rejoin times measured in the ZAB simulation itself
//! ([`reliability`]). Every computation is resumable in chunks ([`Lab::run_for`]), so the
//! page can draw each point as it comes without blocking a frame.

pub(crate) mod cost;
pub mod engine;
pub mod plot;
pub mod reliability;

use crate::tools::lab::cost::CostModel;
use crate::tools::lab::engine::{Engine, Setup};

/// What figure 1 computes: one saturated run per (servers, read %) pair.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LabParams {
    /// Ensemble sizes (voting servers).
    pub servers: Vec<u32>,
    /// Read percentages, 0..=100.
    pub reads: Vec<u32>,
    /// Everything else of a run (clients, outstanding, sizes, costs, `leaderServes`,
    /// observers); its `voters` and `read_pct` are overwritten per point.
    pub setup: Setup,
    /// Simulated time before measuring (queues fill, the loop settles).
    pub warmup_ms: u64,
    /// Simulated time measured.
    pub window_ms: u64,
}

impl Default for LabParams {
    /// The documentation's figure: 3, 5, 7, 9, 13 servers × reads 0..=100 % in steps of 10.
    fn default() -> LabParams {
        LabParams {
            servers: vec![3, 5, 7, 9, 13],
            reads: (0..=10).map(|i| i * 10).collect(),
            setup: Setup::default(),
            warmup_ms: 100,
            window_ms: 300,
        }
    }
}

/// One computed point.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Point {
    /// Servers in the ensemble.
    pub servers: u32,
    /// Percent of requests that are reads.
    pub reads: u32,
    /// Requests answered per simulated second.
    pub ops_per_sec: u64,
    /// Request latency.
    pub latency_ms: Latency,
    /// Requests answered in the window.
    pub completed: u64,
    /// `None` when the workload was what it claims (every client connected, writes
    /// committing when any were asked for); otherwise why not.
    pub failed: Option<String>,
}

/// Request latency over the window, milliseconds.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct Latency {
    /// The median latency, ms.
    pub median: f64,
    /// The 99th-percentile latency, ms.
    pub p99: f64,
}

impl Latency {
    /// The median and 99th percentile of `ns` (sorted here).
    #[must_use]
    pub fn of(ns: &mut [u64]) -> Latency {
        if ns.is_empty() {
            return Latency::default();
        }
        ns.sort_unstable();
        let at = |q: usize| ns[(ns.len() * q / 100).min(ns.len() - 1)] as f64 / 1e6;
        Latency {
            median: at(50),
            p99: at(99),
        }
    }
}

/// How far a [`Lab`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Progress {
    /// Points computed.
    pub done: usize,
    /// Points to compute.
    pub total: usize,
    /// Whether every point is done.
    pub finished: bool,
}

/// A resumable figure-1 computation: `Lab::new(params)`, then [`Lab::run_for`] in chunks
/// until finished; [`Lab::points`] grows as each point completes.
#[derive(Clone, Debug)]
pub struct Lab {
    params: LabParams,
    grid: Vec<(u32, u32)>,
    current: Option<(Engine, bool)>,
    points: Vec<Point>,
}

impl Lab {
    /// Refuses an empty grid, sizes outside 1..=51, reads above 100, a zero window.
    pub fn new(params: LabParams) -> Result<Lab, String> {
        if params.servers.is_empty() || params.reads.is_empty() {
            return Err("lab: at least one ensemble size and one read ratio".into());
        }
        if let Some(n) = params.servers.iter().find(|n| !(1..=51).contains(*n)) {
            return Err(format!("lab: an ensemble has 1 to 51 servers, not {n}"));
        }
        if let Some(r) = params.reads.iter().find(|r| **r > 100) {
            return Err(format!("lab: reads are 0..=100 %, not {r}"));
        }
        if params.window_ms == 0 || params.window_ms > 60_000 || params.warmup_ms > 60_000 {
            return Err("lab: window 1..=60000 ms, warm-up at most 60000 ms".into());
        }
        let grid = params
            .servers
            .iter()
            .flat_map(|s| params.reads.iter().map(move |r| (*s, *r)))
            .collect();
        // Every point's set-up must be valid before any runs.
        for &(s, r) in &grid {
            Engine::new(Lab::setup_of(&params, s, r))?;
        }
        Ok(Lab {
            params,
            grid,
            current: None,
            points: Vec::new(),
        })
    }

    fn setup_of(params: &LabParams, servers: u32, reads: u32) -> Setup {
        Setup {
            voters: servers,
            read_pct: reads,
            ..params.setup.clone()
        }
    }

    /// Handle up to `steps` more simulated events (across points); where it stands after.
    pub fn run_for(&mut self, steps: u64) -> Progress {
        let mut left = steps;
        while left > 0 && self.points.len() < self.grid.len() {
            let (servers, reads) = self.grid[self.points.len()];
            let (engine, measuring) = match &mut self.current {
                Some(c) => c,
                None => {
                    let setup = Lab::setup_of(&self.params, servers, reads);
                    let Ok(e) = Engine::new(setup) else {
                        // Checked in `new`; unreachable, but never a panic.
                        self.points
                            .push(Point::failed(servers, reads, "invalid set-up"));
                        continue;
                    };
                    self.current.insert((e, false))
                }
            };
            let until = if *measuring {
                (self.params.warmup_ms + self.params.window_ms) * 1_000_000
            } else {
                self.params.warmup_ms * 1_000_000
            };
            let before = engine.steps();
            let reached = engine.run_until(until, left);
            left = left
                .saturating_sub(engine.steps() - before)
                .saturating_sub(1);
            if !reached {
                continue;
            }
            if !*measuring {
                engine.measure_from();
                *measuring = true;
                continue;
            }
            let point = Point::of(engine, servers, reads, self.params.window_ms);
            self.points.push(point);
            self.current = None;
        }
        self.progress()
    }

    /// Run to the end (the command line).
    pub fn finish(&mut self) -> &[Point] {
        while !self.run_for(1_000_000).finished {}
        &self.points
    }

    /// How many points are done.
    #[must_use]
    pub fn progress(&self) -> Progress {
        Progress {
            done: self.points.len(),
            total: self.grid.len(),
            finished: self.points.len() == self.grid.len(),
        }
    }

    /// The points computed so far, in grid order (sizes, then read ratios).
    #[must_use]
    pub fn points(&self) -> &[Point] {
        &self.points
    }

    /// What it measures.
    #[must_use]
    pub fn params(&self) -> &LabParams {
        &self.params
    }
}

impl Point {
    fn of(engine: &Engine, servers: u32, reads: u32, window_ms: u64) -> Point {
        let t = engine.tally();
        let mut ns = t.latencies_ns.clone();
        let mut why = Vec::new();
        if engine.connected() != t_clients(engine) {
            why.push(format!(
                "{} of {} clients connected",
                engine.connected(),
                t_clients(engine)
            ));
        }
        if reads < 100 && t.writes == 0 {
            why.push("no write committed in the window".to_string());
        }
        if reads > 0 && t.reads == 0 {
            why.push("no read answered in the window".to_string());
        }
        Point {
            servers,
            reads,
            ops_per_sec: t.completed * 1_000 / window_ms.max(1),
            latency_ms: Latency::of(&mut ns),
            completed: t.completed,
            failed: (!why.is_empty()).then(|| why.join("; ")),
        }
    }

    fn failed(servers: u32, reads: u32, why: &str) -> Point {
        Point {
            servers,
            reads,
            ops_per_sec: 0,
            latency_ms: Latency::default(),
            completed: 0,
            failed: Some(why.into()),
        }
    }
}

fn t_clients(engine: &Engine) -> usize {
    engine.clients()
}

/// The default cost model (re-exported for front ends building a [`Setup`]).
#[must_use]
pub fn default_costs() -> CostModel {
    CostModel::default()
}

#[cfg(test)]
mod tests;
