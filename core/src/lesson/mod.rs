//! Guided lessons (docs/lessons.md): a lesson file is a script (the run) with steps that
//! narrate it in both languages, highlight what to look at, pause, and ask "predict what
//! happens next" questions whose answers are computed from the run itself, never written in
//! the file. The page plays a lesson step by step; `zabscope lesson check` and the tests play
//! every lesson to its end with the invariants on.
//!
//! - `model`: the lesson as data ([`Lesson`], [`Step`], [`Ask`], …);
//! - `parse`: the line-based parser, every error with its line ([`LessonError`]);
//! - `checkpoint`: a step's question, its choices, the answer and why ([`Checkpoint`]);
//! - `runner`: playing a lesson start to end ([`play`]).

mod checkpoint;
mod error;
mod model;
mod parse;
mod runner;

#[cfg(test)]
mod tests_checkpoint;
#[cfg(all(test, feature = "builtin-zh"))]
mod tests_files;
#[cfg(test)]
mod tests_parse;

pub use checkpoint::{Checkpoint, Choice, Question, Verdict};
pub use error::{LessonError, MAX_BYTES, MAX_STEPS};
pub use model::{Ask, AskKind, Bilingual, GROUPS, Highlight, Lesson, Step};
pub use runner::{Fired, Played, StepReport, play};

impl Lesson {
    /// Parse a lesson file (docs/lessons.md); a malformed line is refused with its number.
    pub fn parse(text: &str) -> Result<Lesson, LessonError> {
        parse::parse(text)
    }
}
