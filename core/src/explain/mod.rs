//! What a class must understand, computed once as data (design.md §2, issue 8 item 4): why a
//! vote changed (FLE's `totalOrderPredicate` order), who ACKed each proposal against the quorum
//! and when it committed, which log entries are committed / logged-not-committed / truncated,
//! why the leader chose DIFF, TRUNC or SNAP, one narration sentence per step and the timeline's
//! markers. The page and the cli only draw it.
//!
//! Every sentence is a [`Text`]: a message key plus named arguments. The English table is
//! [`texts_en::text`]; a translation is another table, and nothing else changes.

pub mod election;
pub mod marker_log;
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
pub use marker_log::MarkerLog;
pub use narrate::narrate;
pub use sync::SyncWhy;
pub use timeline::{Marker, MarkerKind};
pub use tracker::{ProposalRecord, Tracker, TruncatedEntry};
pub use vote::{Decider, VoteChange};

use serde::Serialize;
use std::fmt;

/// Arguments a [`Text`] holds without a second allocation (a step's narration has at most
/// five — a delivery: type, from, to, zxid, epoch; vote explanations and notifications, rare,
/// spill into `Text::more`).
const INLINE_ARGS: usize = 5;

/// A sentence by key: `key` names the message (`vote.adopt.higher_epoch`), `args` fill its
/// `{name}` placeholders. Serialised as `{"key": …, "args": {name: value}}`.
///
/// Every step of a run with a trace makes one (the narration) and keeps it, so the argument
/// values are written back to back into one string (one allocation per sentence, not one per
/// argument; issue 10) and the first [`INLINE_ARGS`] names sit inline.
#[derive(Clone, PartialEq, Eq)]
pub struct Text {
    pub key: &'static str,
    /// The argument values, back to back.
    values: String,
    /// Names of the first arguments and where each value ends in `values` (unused slots
    /// `""` and 0).
    names: [&'static str; INLINE_ARGS],
    ends: [u32; INLINE_ARGS],
    used: u8,
    /// The arguments after the first [`INLINE_ARGS`].
    more: Vec<(&'static str, u32)>,
}

impl Text {
    #[must_use]
    pub fn new(key: &'static str) -> Text {
        Text {
            key,
            values: String::new(),
            names: [""; INLINE_ARGS],
            ends: [0; INLINE_ARGS],
            used: 0,
            more: Vec::new(),
        }
    }

    /// Add a named argument (rendered with `Display`: zxids in hex, times as `1.234s`).
    #[must_use]
    pub fn arg(mut self, name: &'static str, value: impl fmt::Display) -> Text {
        use fmt::Write as _;
        if self.values.capacity() == 0 {
            self.values.reserve(32);
        }
        // Writing into a String cannot fail.
        let _ = write!(self.values, "{value}");
        let end = u32::try_from(self.values.len()).unwrap_or(u32::MAX);
        let i = usize::from(self.used);
        if i < INLINE_ARGS {
            self.names[i] = name;
            self.ends[i] = end;
            self.used += 1;
        } else {
            self.more.push((name, end));
        }
        self
    }

    /// The arguments, `(name, value)` in the order they were added.
    pub fn args(&self) -> impl Iterator<Item = (&'static str, &str)> + '_ {
        let used = usize::from(self.used);
        let inline = self.names[..used]
            .iter()
            .copied()
            .zip(self.ends[..used].iter().copied());
        let mut start = 0usize;
        inline
            .chain(self.more.iter().copied())
            .map(move |(name, end)| {
                let end = (end as usize).min(self.values.len());
                let v = self.values.get(start..end).unwrap_or_default();
                start = end;
                (name, v)
            })
    }

    /// The value of argument `name`, if set.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&str> {
        self.args().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// The sentence in English.
    #[must_use]
    pub fn en(&self) -> String {
        texts_en::text(self)
    }
}

impl fmt::Debug for Text {
    /// As the derived form of `{ key, args: [(name, value)] }` printed it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let args: Vec<(&str, &str)> = self.args().collect();
        f.debug_struct("Text")
            .field("key", &self.key)
            .field("args", &args)
            .finish()
    }
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Text", 2)?;
        st.serialize_field("key", self.key)?;
        st.serialize_field("args", &ser::Args(self))?;
        st.end()
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en())
    }
}
