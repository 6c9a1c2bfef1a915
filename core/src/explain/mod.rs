//! What a class must understand, computed once as data (docs/architecture.md, "Explanations"): why
//! a vote changed (FLE's `totalOrderPredicate` order), who ACKed each proposal against the quorum
//! and when it committed, which log entries are committed / logged-not-committed / truncated, why
//! the leader chose DIFF, TRUNC or SNAP, one narration sentence per step and the timeline's
//! markers. The page and the cli only draw it.
//!
//! Every sentence is a [`Text`]: a message key plus named arguments, rendered in a [`Lang`] by
//! its table ([`texts_en`], [`texts_zh`]: the same keys and placeholders) with
//! [`Text::render`]; [`glossary`] lists the words a student meets first, in both languages.

pub(crate) mod election;
pub(crate) mod glossary;
pub(crate) mod lang;
pub(crate) mod marker_log;
pub(crate) mod narrate;
pub(crate) mod ser;
pub(crate) mod sync;
pub(crate) mod text;
pub mod texts_en;
#[cfg(feature = "builtin-zh")]
pub(crate) mod texts_zh;
pub(crate) mod timeline;
mod timer;
pub(crate) mod trace_text;
pub(crate) mod tracker;
pub(crate) mod vote;

#[cfg(test)]
mod tests;
#[cfg(all(test, feature = "builtin-zh"))]
pub(crate) mod tests_lang;
#[cfg(test)]
mod tests_why;

pub use election::{ElectionView, RowSource, VoteRow};
pub use marker_log::MarkerLog;
pub use narrate::narrate;
pub use sync::SyncWhy;
pub use timeline::{Marker, MarkerKind};
pub use tracker::{ProposalRecord, Tracker, TruncatedEntry};
pub use vote::{Decider, VoteChange};

pub use glossary::{GlossaryEntry, glossary};
pub use lang::{HELP, Lang, install};
pub use text::{Arg, ArgValue, Shown, Text};
pub use trace_text::{VERBATIM, pending_text, trace_text};
