//! Guided lessons, the page's side of their files: where they are (`static/lessons/`, fetched
//! on demand so the first load does not carry them: `fetch.rs`), the menu's entries, the
//! progress remembered between visits (`progress.rs`), and what a judged checkpoint points at
//! on screen. The player itself is in the store (`crate::store::lesson`); the parser and the
//! checkpoints are the core's (`zabscope_core::lesson`).

pub mod fetch;
pub mod progress;

use crate::store::speed::Speed;
use zabscope_core::lesson::{Ask, AskKind, Highlight, Lesson};

/// The menu's groups, in order, with their text keys.
pub const GROUPS: [(&str, &str); 5] = [
    ("zab", "lessons.group.zab"),
    ("data", "lessons.group.data"),
    ("recipes", "lessons.group.recipes"),
    ("ops", "lessons.group.ops"),
    ("whatif", "lessons.group.whatif"),
];

/// One line of the lesson menu: what the index and the lesson's file say about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub id: String,
    pub group: String,
    /// The file's path under `static/lessons/` (`<group>/<id>.lesson`).
    pub path: String,
    pub title_en: String,
    pub title_zh: String,
    /// Minutes at ×1 (the file's `minutes`, else an estimate from its steps).
    pub minutes: u32,
    /// The file could not be read or parsed: why (the menu shows it, the others still open).
    pub error: Option<String>,
}

impl Entry {
    /// The entry of a parsed lesson at `path`.
    #[must_use]
    pub fn of(path: &str, l: &Lesson) -> Entry {
        let steps = u32::try_from(l.steps.len()).unwrap_or(u32::MAX);
        Entry {
            id: l.id.clone(),
            group: l.group.clone(),
            path: path.to_string(),
            title_en: l.title.en.clone(),
            title_zh: l.title.zh.clone(),
            minutes: if l.minutes > 0 {
                l.minutes
            } else {
                steps.div_ceil(2).max(1)
            },
            error: None,
        }
    }

    /// The title in the page's language.
    #[must_use]
    pub fn title(&self) -> &str {
        match crate::i18n::lang() {
            crate::i18n::Lang::ZhCn if !self.title_zh.is_empty() => &self.title_zh,
            _ => &self.title_en,
        }
    }
}

/// The lesson a URL's hash names (`#lesson=first-boot`), if any.
#[must_use]
pub fn from_hash() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    parse_hash(&hash)
}

/// `lesson=ID` out of a hash (`#a=1&lesson=ID`), ID made of `[a-z0-9-]`.
#[must_use]
pub fn parse_hash(hash: &str) -> Option<String> {
    hash.trim_start_matches('#')
        .split('&')
        .find_map(|kv| kv.strip_prefix("lesson="))
        .filter(|id| {
            !id.is_empty()
                && id.len() <= 64
                && id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
        .map(str::to_string)
}

/// A lesson's length at `speed`, in minutes (rounded up): its ×1 length scaled by how much
/// longer a slow speed holds each message and each narrated step (×10 saves only the waits:
/// the reading stays).
#[must_use]
pub fn minutes_at(minutes: u32, speed: Speed) -> u32 {
    let tenths = match speed {
        Speed::Slowest => 40,
        Speed::Slow => 25,
        Speed::Medium => 15,
        Speed::RealTime => 10,
        Speed::Fast => 7,
    };
    (minutes * tenths).div_ceil(10).max(1)
}

/// What a judged checkpoint points at on screen: the place its answer can be read.
#[must_use]
pub fn pointers(ask: &Ask) -> Vec<Highlight> {
    match &ask.kind {
        AskKind::Leader => vec![Highlight::Tab("election".into())],
        AskKind::Commit { path, .. } => vec![
            Highlight::Tab("broadcast".into()),
            Highlight::Znode(path.clone()),
        ],
        AskKind::Sync { sid } => vec![Highlight::Server(*sid), Highlight::Tab("logs".into())],
        AskKind::WatchEvents => vec![Highlight::Tab("clients".into())],
        AskKind::Epoch | AskKind::Zxid => vec![Highlight::Tab("logs".into())],
        AskKind::Value { path } => {
            vec![
                Highlight::Tab("data".into()),
                Highlight::Znode(path.clone()),
            ]
        }
        AskKind::Holder { .. } => vec![Highlight::Tab("locks".into())],
        #[allow(unreachable_patterns)]
        _ => Vec::new(),
    }
}
