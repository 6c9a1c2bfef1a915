//! [`LessonError`]: what is wrong with a lesson file and on which line, by text key
//! (`lesson.error.*`), so a teacher reads it in either language and the page can point at the
//! line. A lesson that does not parse never reaches the simulation.

use crate::explain::{Lang, Text};
use std::fmt;

/// The most bytes a lesson file may have (a long lesson is a few KiB).
pub const MAX_BYTES: usize = 256 * 1024;
/// The most steps a lesson may have.
pub const MAX_STEPS: usize = 200;

/// A malformed lesson: the 1-based line and what is wrong there (line 0: the whole file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LessonError {
    /// The lesson file's line (1-based; 0 when the error is about the whole file).
    pub line: usize,
    /// What is wrong, by key.
    pub text: Text,
}

impl LessonError {
    pub(crate) fn new(line: usize, text: Text) -> LessonError {
        LessonError { line, text }
    }

    /// The whole message by key: `lesson line N: …` (`lesson.error.line`), or `lesson: …` for
    /// the whole file (`lesson.error.file`).
    #[must_use]
    pub fn full(&self) -> Text {
        if self.line == 0 {
            Text::new("lesson.error.file").arg("error", self.text.clone())
        } else {
            Text::new("lesson.error.line")
                .arg("n", self.line)
                .arg("error", self.text.clone())
        }
    }

    /// [`LessonError::full`] in `lang`.
    #[must_use]
    pub fn render(&self, lang: Lang) -> String {
        self.full().render(lang)
    }
}

impl fmt::Display for LessonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl std::error::Error for LessonError {}
