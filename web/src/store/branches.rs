//! Branches of one session's history. Acting in the past (a command, a manual delivery, a
//! zkCli request after Back or the slider) forks: the run as it was — its whole script, its
//! recorded future included — stays in this list as a branch, named by nothing (the first run)
//! or by the action that forked it, with the step it forked at; the action goes on in a new
//! branch. Switching loads a branch's script into a fresh simulation and seeks to the step it
//! was left at; replay is deterministic, so a branch shows the same digests every time.
//!
//! What a branch holds is text (a script), so branches are shared and kept exactly like the
//! current run (`crate::share`), and the open lesson rides along ([`LessonAt`]: filled by the
//! lessons' overlay, kept and shared here).

use serde::{Deserialize, Serialize};

/// One line of history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Branch {
    /// The action that forked it (as the command line writes it); empty for the first run.
    pub name: String,
    /// The step it forked at (0 for the first run).
    pub at: u64,
    /// The step it was left at (the current step while it is the current branch).
    pub step: u64,
    /// The furthest step it reached (Forward and the slider go up to it).
    pub max_step: u64,
    /// Its whole run as a script (`window.zabscope.script()` text). Stale while it is the
    /// current branch: the simulation is the truth then, [`crate::store::Model::run_file`]
    /// writes it out.
    pub script: String,
}

/// The open lesson and the step of it the student is on: set by the lessons' overlay
/// (`ShareAction::SetLesson`), kept in localStorage and carried by links and files.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonAt {
    /// The lesson's id (letters, digits, `-`, `_`; at most 64).
    pub id: String,
    /// The step of the lesson.
    pub step: u32,
}

/// The session's history and what rides along with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunMeta {
    /// Every branch, the first run first, in the order they were made.
    pub branches: Vec<Branch>,
    /// The branch being shown.
    pub current: usize,
    /// The open lesson, if any.
    pub lesson: Option<LessonAt>,
}

impl Default for RunMeta {
    fn default() -> Self {
        RunMeta {
            branches: vec![Branch {
                name: String::new(),
                at: 0,
                step: 0,
                max_step: 0,
                script: String::new(),
            }],
            current: 0,
            lesson: None,
        }
    }
}

/// At most this many branches (a link or a file with more is refused; forking past it
/// forgets the oldest branch other than the first run and the current one).
pub const MAX_BRANCHES: usize = 32;

impl RunMeta {
    /// Acting at step `at` of the current branch (which had reached `max_step`, and whose
    /// whole run is `script`): keep it as it was and go on in a new branch named `name`.
    /// Returns the kept branch's index.
    pub fn fork(&mut self, at: u64, max_step: u64, script: String, name: String) -> usize {
        let kept = self.current;
        {
            let b = &mut self.branches[kept];
            b.step = at;
            b.max_step = max_step;
            b.script = script;
        }
        self.branches.push(Branch {
            name,
            at,
            step: at,
            max_step: at,
            script: String::new(),
        });
        self.current = self.branches.len() - 1;
        let mut kept = kept;
        if self.branches.len() > MAX_BRANCHES {
            // Forget the oldest fork that is neither the first run nor the one just kept.
            let drop = (1..self.branches.len()).find(|&i| i != kept).unwrap_or(1);
            self.branches.remove(drop);
            self.current -= 1;
            if kept > drop {
                kept -= 1;
            }
        }
        kept
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fork_keeps_the_old_future_and_bounds_the_list() {
        let mut m = RunMeta::default();
        let kept = m.fork(10, 50, "old".into(), "crash 1".into());
        assert_eq!((kept, m.current, m.branches.len()), (0, 1, 2));
        assert_eq!(m.branches[0].script, "old");
        assert_eq!((m.branches[0].step, m.branches[0].max_step), (10, 50));
        assert_eq!(
            (m.branches[1].name.as_str(), m.branches[1].at),
            ("crash 1", 10)
        );
        for i in 0..40 {
            m.fork(i, i, format!("s{i}"), format!("b{i}"));
        }
        assert_eq!(m.branches.len(), MAX_BRANCHES);
        assert_eq!(m.branches[0].name, "");
        assert_eq!(m.current, MAX_BRANCHES - 1);
    }
}
