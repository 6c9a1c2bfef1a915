//! What a lesson file says, as data: the run (a [`Script`]), the steps with their narration in
//! both languages, highlights, pauses and checkpoints. The parser (`parse.rs`) builds it; the
//! runner and the checkpoints read it; the page draws it. Nothing here is HTML: every text is
//! plain and shown as text.

use crate::check::breaks::Break;
use crate::explain::Lang;
use crate::sim::script::Script;
use crate::time::SimTime;

/// A text in both languages (a lesson's titles, narration and notes).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Bilingual {
    /// English.
    pub en: String,
    /// 简体中文.
    pub zh: String,
}

impl Bilingual {
    /// The text in `lang`.
    #[must_use]
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::ZhCn => &self.zh,
        }
    }
}

/// The menu groups, in menu order.
pub const GROUPS: [&str; 5] = ["zab", "data", "recipes", "ops", "whatif"];

/// Something a step asks the page to highlight (`show …`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Highlight {
    /// `show server <sid>`: a server on the ring.
    Server(u32),
    /// `show kind <name>`: a packet kind (PROPOSAL, ACK, …, NOTIFICATION).
    Kind(String),
    /// `show tab <id>`: an inspector tab to open.
    Tab(String),
    /// `show vote-row <sid>`: a row of the vote table.
    VoteRow(u32),
    /// `show client <name>`: a client.
    Client(String),
    /// `show znode <path>`: a znode of the data tree.
    Znode(String),
}

/// A checkpoint's question kind (`ask <kind> [args]`); the answer is computed from the run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AskKind {
    /// `ask leader`: which server leads at `decide` (or none)?
    Leader,
    /// `ask commit <client> <path>`: does the client's write of `path` commit by `decide`?
    Commit {
        /// The client that writes.
        client: String,
        /// The znode written.
        path: String,
    },
    /// `ask sync <sid>`: which sync does server `sid` get (DIFF, TRUNC or SNAP)?
    Sync {
        /// The learner.
        sid: u32,
    },
    /// `ask watch-events`: how many watch events fire between the step and `decide`?
    WatchEvents,
    /// `ask epoch`: the leader's epoch at `decide`.
    Epoch,
    /// `ask value <path>`: what a read of `path` returns at `decide` (the leader's tree).
    Value {
        /// The znode read.
        path: String,
    },
    /// `ask zxid`: the newest committed zxid at `decide` (epoch and counter).
    Zxid,
    /// `ask holder <path>`: which client holds the lock (or leads the election) at `path`?
    Holder {
        /// The recipe's znode (`recipe CLIENT lock PATH`, `… election PATH`).
        path: String,
    },
}

impl AskKind {
    /// The name in the lesson file (`leader`, `commit`, …): the suffix of its text keys.
    #[must_use]
    pub fn name(&self) -> &'static str {
        match self {
            AskKind::Leader => "leader",
            AskKind::Commit { .. } => "commit",
            AskKind::Sync { .. } => "sync",
            AskKind::WatchEvents => "watch-events",
            AskKind::Epoch => "epoch",
            AskKind::Value { .. } => "value",
            AskKind::Zxid => "zxid",
            AskKind::Holder { .. } => "holder",
        }
    }
}

/// A checkpoint: the question and when its answer is read from the run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ask {
    /// What is asked.
    pub kind: AskKind,
    /// The simulated time at which the answer is read (`decide <ms>`).
    pub decide: SimTime,
}

/// One step of a lesson: the run plays to `at`, then the page shows the narration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// The simulated time the run plays to (`step at <ms>`; `step end` is the script's `until`).
    pub at: SimTime,
    /// The lesson file's line of the `step` directive.
    pub line: usize,
    /// The narration.
    pub say: Bilingual,
    /// The teacher's note (presenter view).
    pub note: Option<Bilingual>,
    /// What to highlight.
    pub show: Vec<Highlight>,
    /// Playback stops here until the student presses Next.
    pub pause: bool,
    /// A checkpoint asked before the run goes on from here.
    pub ask: Option<Ask>,
}

/// A whole lesson (one `.lesson` file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lesson {
    /// `[a-z0-9-]+`, the file name without `.lesson`.
    pub id: String,
    /// One of [`GROUPS`].
    pub group: String,
    /// The menu title.
    pub title: Bilingual,
    /// One or two sentences for the menu.
    pub summary: Bilingual,
    /// The length in minutes at 1× (0 when the file does not say).
    pub minutes: u32,
    /// The break switch the lesson turns on (`whatif` lessons). It is also in
    /// `script.config.breaks`, so `Simulation::from_script(&lesson.script)` runs broken.
    pub brk: Option<Break>,
    /// The invariant that must fire (`whatif` lessons), by its name (`PrefixConsistency`).
    pub expect_violation: Option<String>,
    /// The run.
    pub script: Script,
    /// The steps, in time order.
    pub steps: Vec<Step>,
}
