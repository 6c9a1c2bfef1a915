//! Playing a lesson start to end, as `zabscope lesson check` and the tests do: the run with the
//! invariants checked after every step, each step reached at its time, each checkpoint computed
//! on a copy of the run at that step (nothing replayed), and what went wrong collected as
//! sentences: an invariant that fired in a healthy lesson, the expected one that did not fire
//! first in a "what if" lesson, a checkpoint the run cannot answer.

use super::checkpoint::{Checkpoint, Question};
use super::model::Lesson;
use crate::explain::Text;
use crate::sim::simulation::Simulation;
use crate::time::SimTime;
use crate::zk::limits;

/// What happened at one step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepReport {
    /// The step's index in `lesson.steps`.
    pub index: usize,
    /// The simulated time the run stood at when the step was shown.
    pub reached: SimTime,
    /// The run's digest there (the page's replay reaches the same one).
    pub digest: u64,
    /// The step's checkpoint, computed (or why it could not be).
    pub question: Option<Result<Question, Text>>,
}

/// An invariant that fired during the lesson.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fired {
    /// The invariant's name (`PrefixConsistency`).
    pub invariant: &'static str,
    /// The step of the run.
    pub step: u64,
    /// The report (`invariant.violated`).
    pub text: Text,
}

/// A lesson played to its end.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Played {
    /// One report per lesson step, in order.
    pub steps: Vec<StepReport>,
    /// The invariants that fired, in order.
    pub fired: Vec<Fired>,
    /// Everything wrong with the lesson (empty: the lesson is good).
    pub problems: Vec<Text>,
}

impl Played {
    /// No problems?
    #[must_use]
    pub fn ok(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Play `lesson` start to end with the invariants on. `Err` only when the run cannot be built
/// or runs away (the step cap); a lesson's own mistakes are in [`Played::problems`].
pub fn play(lesson: &Lesson) -> Result<Played, Text> {
    let mut sim = Simulation::from_script(&lesson.script).map_err(|e| e.text())?;
    sim.check_invariants(true);
    let mut steps = Vec::new();
    let mut problems = Vec::new();
    for (index, s) in lesson.steps.iter().enumerate() {
        run_to(&mut sim, s.at)?;
        let question = s.ask.as_ref().map(|_| {
            let mut copy = sim.clone();
            let q = Checkpoint::compute_from(&mut copy, lesson, index);
            match &q {
                Ok(q) => problems.extend(check_question(q, index)),
                Err(e) => problems.push(
                    Text::new("lesson.check.checkpoint")
                        .arg("step", index + 1)
                        .arg("error", e.clone()),
                ),
            }
            q
        });
        steps.push(StepReport {
            index,
            reached: sim.now(),
            digest: sim.digest(),
            question,
        });
    }
    run_to(&mut sim, SimTime(lesson.script.until_ms))?;
    let fired: Vec<Fired> = sim
        .violations()
        .iter()
        .map(|v| Fired {
            invariant: v.invariant,
            step: v.step,
            text: v.text(),
        })
        .collect();
    match &lesson.expect_violation {
        None => problems.extend(
            fired
                .iter()
                .map(|f| Text::new("lesson.check.violation").arg("error", f.text.clone())),
        ),
        Some(name) => {
            // The switch's damage is caught first by the expected invariant; later ones are its
            // consequences (a lost write also breaks what was built on it) and are listed.
            if fired.first().is_none_or(|f| f.invariant != name) {
                problems.push(Text::new("lesson.check.not_fired").arg("invariant", name.clone()));
            }
        }
    }
    Ok(Played {
        steps,
        fired,
        problems,
    })
}

/// A computed question must offer its answer, judge it right and every other choice wrong.
fn check_question(q: &Question, index: usize) -> Vec<Text> {
    let bad = |what: &'static str| {
        Text::new("lesson.check.question")
            .arg("step", index + 1)
            .arg("what", what)
    };
    let mut out = Vec::new();
    if q.choices.len() < 2 {
        out.push(bad("fewer than two choices"));
    }
    if !q.judge(&q.answer).right || q.label(&q.answer).is_none() {
        out.push(bad("the answer is not a choice"));
    }
    if q.choices
        .iter()
        .any(|c| c.id != q.answer && q.judge(&c.id).right)
    {
        out.push(bad("a wrong choice judged right"));
    }
    out
}

/// Run to simulated time `to` (every item due by then); the step cap is an error.
fn run_to(sim: &mut Simulation, to: SimTime) -> Result<(), Text> {
    if sim.now() >= to {
        return Ok(());
    }
    let mut steps = 0u64;
    while sim.next_time().is_some_and(|t| t <= to) {
        if steps == limits::MAX_STEPS {
            return Err(limits::step_cap_text(limits::MAX_STEPS, sim.now().ms()));
        }
        sim.step();
        steps += 1;
    }
    sim.run_for(to.ms() - sim.now().ms());
    Ok(())
}
