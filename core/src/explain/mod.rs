//! What a class must understand, computed once as data (design.md §2, issue 8 item 4): why a
//! vote changed (FLE's `totalOrderPredicate` order), who ACKed each proposal against the quorum
//! and when it committed, which log entries are committed / logged-not-committed / truncated,
//! why the leader chose DIFF, TRUNC or SNAP, one narration sentence per step and the timeline's
//! markers. The page and the cli only draw it.
//!
//! Every sentence is a [`Text`]: a message key plus named arguments. The English table is
//! [`texts_en::text`]; a translation is another table, and nothing else changes.

pub mod election;
pub mod narrate;
pub(crate) mod ser;
pub mod sync;
pub mod texts_en;
pub mod timeline;
pub mod tracker;
pub mod vote;

#[cfg(test)]
mod tests;

pub use election::{ElectionView, RowSource, VoteRow};
pub use narrate::narrate;
pub use sync::SyncWhy;
pub use timeline::{Marker, MarkerKind};
pub use tracker::{ProposalRecord, Tracker, TruncatedEntry};
pub use vote::{Decider, VoteChange};

use serde::Serialize;
use std::fmt;

/// A sentence by key: `key` names the message (`vote.adopt.higher_epoch`), `args` fill its
/// `{name}` placeholders. Serialised as `{"key": …, "args": {name: value}}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Text {
    pub key: &'static str,
    #[serde(serialize_with = "ser::args")]
    pub args: Vec<(&'static str, String)>,
}

impl Text {
    #[must_use]
    pub fn new(key: &'static str) -> Text {
        Text {
            key,
            args: Vec::new(),
        }
    }

    /// Add a named argument (rendered with `Display`: zxids in hex, times as `1.234s`).
    #[must_use]
    pub fn arg(mut self, name: &'static str, value: impl fmt::Display) -> Text {
        self.args.push((name, value.to_string()));
        self
    }

    /// The value of argument `name`, if set.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&str> {
        self.args
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The sentence in English.
    #[must_use]
    pub fn en(&self) -> String {
        texts_en::text(self.key, &self.args)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en())
    }
}
