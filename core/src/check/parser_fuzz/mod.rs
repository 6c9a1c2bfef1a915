//! Parser fuzzing without a nightly compiler (docs/parser-fuzzing.md): a deterministic, seeded
//! fuzzer of every text entry point — zkCli lines against a standalone server, the script format,
//! zoo.cfg, the api's JSON lines against the api backend (standalone, then an ensemble), the
//! ensemble's command line, and lesson files. Inputs are structure-aware (built from each target's grammar) or
//! mutated from seeds and from earlier inputs that produced a new kind of outcome (a cheap stand-in
//! for coverage feedback). Every execution must not panic (caught and reported with its input),
//! must stay within the caps on simulated time and steps (work is counted, not timed: the core has
//! no clock), must give a non-empty message for every rejection, and what parses must print back to
//! the same value. `zabscope fuzz-parsers` drives it at scale; docs/parser-fuzzing.md has the
//! figures.

mod corpus;
mod mutate;
mod targets;

pub use targets::{FUZZ_STEP_CAP, Problem};

use mutate::Rng;
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::fmt;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// A fuzzed entry point.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Target {
    /// zkCli command lines (`ZkCli::execute_bytes`) on a standalone server.
    ZkCli,
    /// Whole scripts (`Script::parse`), run briefly when they parse.
    Script,
    /// zoo.cfg text (`Config::parse`), booted briefly when it parses.
    Config,
    /// JSON lines (`Api::handle_bytes`) on the api backend.
    Api,
    /// One ensemble command line (`Command::parse`), applied to a running ensemble.
    Command,
    /// Whole lesson files (`Lesson::parse`), their script run briefly when they parse.
    Lesson,
}

impl Target {
    /// Every target, in the order the cli runs them.
    pub const ALL: [Target; 6] = [
        Target::ZkCli,
        Target::Script,
        Target::Config,
        Target::Api,
        Target::Command,
        Target::Lesson,
    ];

    /// The target's name on the command line.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Target::ZkCli => "zkcli",
            Target::Script => "script",
            Target::Config => "config",
            Target::Api => "api",
            Target::Command => "command",
            Target::Lesson => "lesson",
        }
    }

    /// The target called `name` (`zkcli`, `script`, `config`, `api`, `command`, `lesson`).
    pub fn parse(name: &str) -> Result<Target, String> {
        Target::ALL
            .into_iter()
            .find(|t| t.name() == name)
            .ok_or_else(|| {
                format!(
                    "unknown target '{name}': one of zkcli, script, config, api, command, lesson"
                )
            })
    }
}

/// What went wrong in one execution.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FindingKind {
    /// The parser panicked (in wasm that would kill the page).
    Panic,
    /// Ran past the caps on simulated time or steps.
    Hang,
    /// A rejection without a message, or a malformed answer.
    Unclear,
    /// Printed and parsed back to a different value.
    RoundTrip,
}

/// One failing input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Which parser failed.
    pub target: Target,
    /// How it failed.
    pub kind: FindingKind,
    /// The panic message or the problem found.
    pub message: String,
    /// The input that makes it fail.
    pub input: Vec<u8>,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {:?}: {}\n  input: \"{}\"",
            self.target.name(),
            self.kind,
            self.message,
            self.input.escape_ascii()
        )
    }
}

/// Counters of one fuzzer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Inputs executed.
    pub execs: u64,
    /// Executions where the target accepted (parsed and ran) at least part of the input.
    pub accepted: u64,
    /// Work units: simulation steps plus lines executed.
    pub work: u64,
    /// Inputs that panicked.
    pub panics: u64,
    /// Inputs that ran past the caps.
    pub hangs: u64,
    /// Inputs rejected without a clear message.
    pub unclear: u64,
    /// Inputs that did not survive print-then-parse.
    pub round_trips: u64,
    /// Distinct outcome signatures seen (the feedback signal).
    pub outcomes: u64,
    /// Inputs kept in the corpus (they reached a new outcome).
    pub corpus: u64,
}

impl Stats {
    /// Panics, hangs, unclear rejections and round-trip failures together.
    #[must_use]
    pub fn failures(&self) -> u64 {
        self.panics + self.hangs + self.unclear + self.round_trips
    }
}

/// Most inputs kept for mutation.
const MAX_CORPUS: usize = 4096;
/// Findings kept (the counters count all).
const MAX_FINDINGS: usize = 20;

thread_local! {
    /// The input being executed on this thread, for a panic hook when panics abort.
    static CURRENT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// The input the fuzzer on this thread is executing (for a panic hook: with `panic = "abort"`
/// a panic cannot be caught, but the hook can still print what caused it).
#[must_use]
pub fn current_input() -> Vec<u8> {
    CURRENT.with(|c| c.borrow().clone())
}

/// A deterministic fuzzer of one target: same target and seed, same inputs.
pub struct Fuzzer {
    target: Target,
    rng: Rng,
    seeds: usize,
    /// Inputs drawn so far (the first `seeds` are the seeds themselves).
    drawn: usize,
    corpus: Vec<Vec<u8>>,
    /// Indices of corpus entries the target accepted.
    accepted: Vec<usize>,
    seen: BTreeSet<String>,
    templates: targets::Templates,
    stats: Stats,
    findings: Vec<Finding>,
}

impl Fuzzer {
    /// A fuzzer of one target, seeded with its built-in corpus.
    #[must_use]
    pub fn new(target: Target, seed: u64) -> Fuzzer {
        let corpus = corpus::seeds(target);
        Fuzzer {
            target,
            rng: Rng::new(seed ^ (target as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)),
            seeds: corpus.len(),
            drawn: 0,
            corpus,
            accepted: Vec::new(),
            seen: BTreeSet::new(),
            templates: targets::Templates::new(),
            stats: Stats::default(),
            findings: Vec::new(),
        }
    }

    /// Its counters so far.
    #[must_use]
    pub fn stats(&self) -> &Stats {
        &self.stats
    }

    /// The failing inputs found so far.
    #[must_use]
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// The next input: each seed once as it is; then half fresh grammar inputs (a third of
    /// them mutated), half mutated corpus entries — two times in three one the target
    /// accepted, so mutations stay near valid input.
    pub fn next_input(&mut self) -> Vec<u8> {
        self.drawn += 1;
        if self.drawn <= self.seeds {
            return self.corpus[self.drawn - 1].clone();
        }
        let dict = corpus::dictionary(self.target);
        let other = self.pick_corpus();
        let mut input = if self.rng.one_in(2) {
            let fresh = corpus::generate(self.target, &mut self.rng);
            if !self.rng.one_in(3) {
                return fresh;
            }
            fresh // and mutated below
        } else {
            self.pick_corpus()
        };
        mutate::mutate(&mut self.rng, &mut input, dict, &other);
        input
    }

    fn pick_corpus(&mut self) -> Vec<u8> {
        if !self.accepted.is_empty() && !self.rng.one_in(3) {
            let i = self.accepted[self.rng.below(self.accepted.len())];
            return self.corpus[i].clone();
        }
        self.corpus[self.rng.below(self.corpus.len())].clone()
    }

    /// Executes one input, catching panics; counts it and returns what it broke, if anything.
    pub fn execute(&mut self, input: &[u8]) -> Option<Finding> {
        CURRENT.with(|c| {
            let mut c = c.borrow_mut();
            c.clear();
            c.extend_from_slice(input);
        });
        self.stats.execs += 1;
        let target = self.target;
        let templates = &self.templates;
        let result = catch_unwind(AssertUnwindSafe(|| targets::exec(target, input, templates)));
        let (kind, message) = match result {
            Ok(Ok(outcome)) => {
                self.stats.work += outcome.work;
                self.stats.accepted += u64::from(outcome.accepted);
                if self.seen.insert(outcome.signature) {
                    self.stats.outcomes += 1;
                    self.keep(input, outcome.accepted);
                }
                return None;
            }
            Ok(Err(Problem::Runaway(m))) => (FindingKind::Hang, m),
            Ok(Err(Problem::Unclear(m))) => (FindingKind::Unclear, m),
            Ok(Err(Problem::RoundTrip(m))) => (FindingKind::RoundTrip, m),
            Err(payload) => {
                let m = payload
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_string())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "panic".into());
                (FindingKind::Panic, m)
            }
        };
        match kind {
            FindingKind::Panic => self.stats.panics += 1,
            FindingKind::Hang => self.stats.hangs += 1,
            FindingKind::Unclear => self.stats.unclear += 1,
            FindingKind::RoundTrip => self.stats.round_trips += 1,
        }
        let f = Finding {
            target,
            kind,
            message,
            input: input.to_vec(),
        };
        if self.findings.len() < MAX_FINDINGS {
            self.findings.push(f.clone());
        }
        Some(f)
    }

    fn keep(&mut self, input: &[u8], accepted: bool) {
        let i = if self.corpus.len() < MAX_CORPUS {
            self.corpus.push(input.to_vec());
            self.corpus.len() - 1
        } else {
            let i = self.seeds + self.rng.below(MAX_CORPUS - self.seeds);
            self.corpus[i] = input.to_vec();
            self.accepted.retain(|a| *a != i);
            i
        };
        if accepted {
            self.accepted.push(i);
        }
        self.stats.corpus = self.corpus.len() as u64;
    }

    /// Runs `execs` executions.
    pub fn run(&mut self, execs: u64) -> &Stats {
        for _ in 0..execs {
            let input = self.next_input();
            self.execute(&input);
        }
        &self.stats
    }
}

/// Executes one input on `target` (a regression test's entry point).
pub fn execute_once(target: Target, input: &[u8]) -> Option<Finding> {
    Fuzzer::new(target, 0).execute(input)
}

#[cfg(test)]
mod tests;
