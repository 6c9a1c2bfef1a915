//! The performance lab's page state: the knobs a class turns ([`Knobs`], kept in the store's
//! UI state so a re-render never loses them) and the [`Runner`] that computes the figures in
//! slices between frames. The runner is plain data and the core's resumable computations
//! (`Lab`, `Reliability`): the panel calls [`Runner::plan`] when the knobs or the figure
//! change and [`Runner::slice`] from a timer, and draws [`Runner::view`] after each slice, so
//! every point appears as soon as it is computed and the browser draws a frame between slices.
//!
//! What is already computed is kept: figure 1's family of curves depends only on
//! `leaderServes` and the disk, the class's own ensemble on every knob but the read ratio
//! (which only picks the point read out), figure 2 on every knob.

use std::collections::VecDeque;
use zabscope_core::tools::lab::engine::Setup;
use zabscope_core::tools::lab::reliability::{
    KernelTimes, Mark, Reliability, Sample, documented_plan,
};
use zabscope_core::tools::lab::{Lab, LabParams, Point, Progress};

/// Figure 1's ensemble sizes, as the documentation plots them.
pub const SIZES: [u32; 5] = [3, 5, 7, 9, 13];
/// Figure 2's series: buckets of 50 ms over 11 s (the documentation's five events end at 9 s).
pub const BUCKET_MS: u64 = 50;
pub const END_MS: u64 = 11_000;
/// Simulated events per call into the core between two checks of the clock.
const STEPS: u64 = 1_000;
/// Simulated ms of the ZAB simulation per call while measuring figure 2's times.
const KERNEL_MS: u64 = 20;

/// What the class can change (defaults: the documentation's reliability set-up, which is
/// also one curve of figure 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Knobs {
    /// Voting servers (the leader and its followers).
    pub voters: u32,
    /// Observers besides them: they serve reads, learn commits by INFORM, never vote.
    pub observers: u32,
    /// Percent of requests that are reads.
    pub reads: u32,
    /// `leaderServes`: the leader takes client connections too.
    pub leader_serves: bool,
    /// One fsync of the txn log (`zabscope.cost.fsyncUs`).
    pub fsync_us: u64,
}

impl Default for Knobs {
    fn default() -> Knobs {
        Knobs {
            voters: 7,
            observers: 0,
            reads: 70,
            leader_serves: false,
            fsync_us: 2_000,
        }
    }
}

impl Knobs {
    /// A run's set-up with these knobs (everything else the documented benchmark's).
    #[must_use]
    pub fn setup(&self) -> Setup {
        let mut s = Setup {
            voters: self.voters,
            observers: self.observers,
            leader_serves: self.leader_serves,
            read_pct: self.reads,
            ..Setup::default()
        };
        s.cost.fsync_us = self.fsync_us;
        s
    }

    /// What figure 1's family depends on.
    fn family_key(&self) -> (bool, u64) {
        (self.leader_serves, self.fsync_us)
    }

    /// What the class's own curve depends on (not the read ratio: it spans all of them).
    fn yours_key(&self) -> Knobs {
        Knobs { reads: 0, ..*self }
    }
}

/// Which figure the panel shows (and computes).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Figure {
    /// Throughput against the read ratio, 3 to 13 servers.
    #[default]
    Throughput,
    /// Throughput through five failures, over time.
    Reliability,
}

/// What the panel draws.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LabView {
    /// Figure 1: a point per (size, read %), in the order computed.
    pub family: Vec<Point>,
    /// The knobs' ensemble at every read ratio.
    pub yours: Vec<Point>,
    /// With observers: the same number of servers, all voting (what observers are compared to).
    pub all_voting: Vec<Point>,
    /// Figure 2's throughput per bucket and its events.
    pub series: Vec<Sample>,
    pub marks: Vec<Mark>,
    /// The job under way: (done, total) in its own unit (points, or simulated ms).
    pub progress: (usize, usize),
    /// Some job is left.
    pub busy: bool,
    /// What the jobs were planned for: until the page has planned its current knobs and
    /// figure, the view is not theirs (and must not read as done).
    pub planned: Option<(Knobs, Figure)>,
    /// Why a figure cannot be computed with these knobs.
    pub error: Option<String>,
    /// The longest piece of work done at once (planning or a slice), wall-clock ms: what the
    /// page owes the frame rate (a longer gap between frames is the machine's).
    pub longest_ms: f64,
}

/// One computation left to do.
#[derive(Debug)]
enum Job {
    Family(Lab),
    Yours(Lab),
    AllVoting(Lab),
    /// Figure 2 before the load runs: the election and rejoin times measured in the ZAB
    /// simulation, a piece of simulated time per call.
    Fig2Setup(Box<KernelTimes>, Setup),
    Fig2(Box<Reliability>),
}

/// See the module header.
#[derive(Debug, Default)]
pub struct Runner {
    jobs: VecDeque<Job>,
    view: LabView,
    family_key: Option<(bool, u64)>,
    yours_key: Option<Knobs>,
    fig2_key: Option<Knobs>,
    /// The ZAB simulation's times for an ensemble size (they depend on nothing else).
    times: Option<(u32, Vec<Option<u64>>)>,
}

fn read_ratios() -> Vec<u32> {
    (0..=10).map(|i| i * 10).collect()
}

fn lab(servers: Vec<u32>, setup: Setup) -> Result<Lab, String> {
    Lab::new(LabParams {
        servers,
        reads: read_ratios(),
        setup,
        ..LabParams::default()
    })
}

impl Runner {
    /// What is computed so far.
    #[must_use]
    pub fn view(&self) -> &LabView {
        &self.view
    }

    /// [`Runner::plan`], timed by `clock` into [`LabView::longest_ms`].
    pub fn plan_timed(&mut self, knobs: Knobs, figure: Figure, clock: &dyn Fn() -> f64) {
        let start = clock();
        self.plan(knobs, figure);
        self.view.longest_ms = self.view.longest_ms.max(clock() - start);
    }

    /// Queue what `figure` needs with `knobs` and is not computed yet (dropping whatever was
    /// queued for other knobs or the other figure).
    pub fn plan(&mut self, knobs: Knobs, figure: Figure) {
        self.jobs.clear();
        self.view.error = None;
        match figure {
            Figure::Throughput => self.plan_throughput(knobs),
            Figure::Reliability => self.plan_reliability(knobs),
        }
        self.view.busy = !self.jobs.is_empty();
        self.view.planned = Some((knobs, figure));
        self.view.progress = (0, self.total());
    }

    fn plan_throughput(&mut self, knobs: Knobs) {
        let setup = knobs.setup();
        if self.family_key != Some(knobs.family_key()) || self.family_incomplete() {
            self.family_key = Some(knobs.family_key());
            self.view.family.clear();
            self.yours_key = None;
            match lab(SIZES.to_vec(), setup.clone()) {
                Ok(l) => self.jobs.push_back(Job::Family(l)),
                Err(e) => self.view.error = Some(e),
            }
        }
        if self.yours_key != Some(knobs.yours_key()) || self.yours_incomplete(knobs) {
            self.yours_key = Some(knobs.yours_key());
            self.view.yours.clear();
            self.view.all_voting.clear();
            // Without observers and at a documented size the curve is one of the family's.
            if knobs.observers > 0 || !SIZES.contains(&knobs.voters) {
                match lab(vec![knobs.voters], setup.clone()) {
                    Ok(l) => self.jobs.push_back(Job::Yours(l)),
                    Err(e) => self.view.error = Some(e),
                }
            }
            if knobs.observers > 0 {
                let all = Setup {
                    observers: 0,
                    ..setup
                };
                match lab(vec![knobs.voters + knobs.observers], all) {
                    Ok(l) => self.jobs.push_back(Job::AllVoting(l)),
                    Err(e) => self.view.error = Some(e),
                }
            }
        }
        self.copy_yours_from_family(knobs);
    }

    fn family_incomplete(&self) -> bool {
        self.view.family.len() < SIZES.len() * read_ratios().len()
    }

    fn yours_incomplete(&self, knobs: Knobs) -> bool {
        let n = read_ratios().len();
        let own = knobs.observers > 0 || !SIZES.contains(&knobs.voters);
        (own && self.view.yours.len() < n)
            || (knobs.observers > 0 && self.view.all_voting.len() < n)
    }

    /// The class's curve when it is a documented size without observers.
    fn copy_yours_from_family(&mut self, knobs: Knobs) {
        if knobs.observers == 0 && SIZES.contains(&knobs.voters) {
            self.view.yours = self
                .view
                .family
                .iter()
                .filter(|p| p.servers == knobs.voters)
                .cloned()
                .collect();
        }
    }

    fn plan_reliability(&mut self, knobs: Knobs) {
        if self.fig2_key == Some(knobs) && self.view.series.len() as u64 * BUCKET_MS >= END_MS {
            return;
        }
        self.fig2_key = Some(knobs);
        self.view.series.clear();
        self.view.marks.clear();
        if knobs.voters < 7 {
            self.view.error = Some("lab.fig2.needs7".into());
            return;
        }
        let setup = knobs.setup();
        match &self.times {
            Some((n, times)) if *n == knobs.voters => {
                match Reliability::with_times(setup, times.clone(), BUCKET_MS, END_MS) {
                    Ok(r) => self.jobs.push_back(Job::Fig2(Box::new(r))),
                    Err(e) => self.view.error = Some(e),
                }
            }
            _ => match KernelTimes::new(knobs.voters, documented_plan(), setup.seed) {
                Ok(k) => self.jobs.push_back(Job::Fig2Setup(Box::new(k), setup)),
                Err(e) => self.view.error = Some(e),
            },
        }
    }

    fn total(&self) -> usize {
        match self.jobs.front() {
            Some(Job::Family(l) | Job::Yours(l) | Job::AllVoting(l)) => l.progress().total,
            Some(Job::Fig2(r)) => r.progress().total,
            Some(Job::Fig2Setup(..)) => usize::try_from(END_MS).unwrap_or(usize::MAX),
            None => self.view.progress.1,
        }
    }

    /// Compute until `budget_ms` of `clock` passed or nothing is left; whether work is left.
    pub fn slice(&mut self, budget_ms: f64, clock: &dyn Fn() -> f64) -> bool {
        let start = clock();
        while let Some(job) = self.jobs.front_mut() {
            let (progress, points) = match job {
                Job::Family(l) | Job::Yours(l) | Job::AllVoting(l) => {
                    let before = l.points().len();
                    let p = l.run_for(STEPS);
                    // Copied only when a point was added.
                    let new = if l.points().len() > before {
                        l.points().to_vec()
                    } else {
                        Vec::new()
                    };
                    (p, new)
                }
                Job::Fig2Setup(k, setup) => match k.advance(KERNEL_MS) {
                    Ok(false) => (
                        Progress {
                            done: 0,
                            total: usize::try_from(END_MS).unwrap_or(usize::MAX),
                            finished: false,
                        },
                        Vec::new(),
                    ),
                    Ok(true) => {
                        let times = k.times().to_vec();
                        self.times = Some((setup.voters, times.clone()));
                        match Reliability::with_times(setup.clone(), times, BUCKET_MS, END_MS) {
                            Ok(r) => {
                                let p = r.progress();
                                *job = Job::Fig2(Box::new(r));
                                (p, Vec::new())
                            }
                            Err(e) => {
                                self.view.error = Some(e);
                                self.jobs.pop_front();
                                continue;
                            }
                        }
                    }
                    Err(e) => {
                        self.view.error = Some(e);
                        self.jobs.pop_front();
                        continue;
                    }
                },
                Job::Fig2(r) => {
                    let p = r.run_for(STEPS);
                    self.view.series = r.series();
                    self.view.marks = r.marks();
                    (p, Vec::new())
                }
            };
            match self.jobs.front() {
                _ if points.is_empty() => {}
                Some(Job::Family(_)) => self.view.family = points,
                Some(Job::Yours(_)) => self.view.yours = points,
                Some(Job::AllVoting(_)) => self.view.all_voting = points,
                _ => {}
            }
            self.view.progress = (progress.done, progress.total);
            if progress.finished {
                self.jobs.pop_front();
                if let Some(k) = self.yours_key {
                    self.copy_yours_from_family(k);
                }
                self.view.progress.1 = self.total().max(self.view.progress.1);
            }
            if clock() - start >= budget_ms {
                break;
            }
        }
        self.view.busy = !self.jobs.is_empty();
        self.view.longest_ms = self.view.longest_ms.max(clock() - start);
        self.view.busy
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point() -> Point {
        Point {
            servers: 3,
            reads: 0,
            ops_per_sec: 1,
            latency_ms: zabscope_core::tools::lab::Latency::default(),
            completed: 1,
            failed: None,
        }
    }

    /// A clock that never runs out: each slice does everything.
    fn forever() -> f64 {
        0.0
    }

    #[test]
    fn documented_knobs_draw_the_family_and_reuse_its_curve() {
        let mut r = Runner::default();
        r.plan(Knobs::default(), Figure::Throughput);
        assert!(r.view().busy);
        assert!(!r.slice(f64::INFINITY, &forever));
        let v = r.view();
        assert_eq!(v.family.len(), 55);
        assert_eq!(v.yours.len(), 11);
        assert!(v.yours.iter().all(|p| p.servers == 7));
        assert!(v.all_voting.is_empty());
        // Planned again with the same knobs: nothing to do.
        r.plan(Knobs::default(), Figure::Throughput);
        assert!(!r.view().busy);
    }

    #[test]
    fn observers_add_reads_without_the_cost_of_votes() {
        let mut r = Runner::default();
        let knobs = Knobs {
            voters: 3,
            observers: 4,
            ..Knobs::default()
        };
        r.family_key = Some(knobs.family_key()); // skip the family: not under test
        r.view.family = (0..55).map(|_| point()).collect();
        r.plan(knobs, Figure::Throughput);
        while r.slice(f64::INFINITY, &forever) {}
        let v = r.view();
        let at = |pts: &[Point], reads: u32| {
            pts.iter()
                .find(|p| p.reads == reads)
                .map_or(0, |p| p.ops_per_sec)
        };
        // All writes: 3 voters + 4 observers beat 7 voters (a smaller quorum to wait for).
        assert!(at(&v.yours, 0) > at(&v.all_voting, 0), "{v:?}");
        // All reads: the observers serve as much as followers would.
        assert!(
            at(&v.yours, 100) * 10 >= at(&v.all_voting, 100) * 9,
            "{v:?}"
        );
    }

    #[test]
    fn figure_two_needs_seven_voters() {
        let mut r = Runner::default();
        r.plan(
            Knobs {
                voters: 5,
                ..Knobs::default()
            },
            Figure::Reliability,
        );
        assert_eq!(r.view().error.as_deref(), Some("lab.fig2.needs7"));
        assert!(!r.view().busy);
    }
}
