//! What each client's zkCli console printed, by step: the commands typed (with zkCli's
//! prompt), their output exactly as zkCli prints it, stale reads, and watch events as they
//! arrive between commands. Lines carry the step they appeared at, so after Back a console
//! shows only what had been printed by then, and acting in the past forgets the rest.

use crate::console::backend::PageBackend;
use std::collections::BTreeMap;
use zabscope_core::Simulation;
use zabscope_core::zk::zkcli::ZkCli;

/// What a line is (its CSS class).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    Input,
    Output,
    Error,
    Watch,
    Stale,
}

impl LineKind {
    #[must_use]
    pub fn class(self) -> &'static str {
        match self {
            LineKind::Input => "zs-zk-in",
            LineKind::Output => "zs-zk-out",
            LineKind::Error => "zs-zk-err",
            LineKind::Watch => "zs-zk-watch",
            LineKind::Stale => "zs-zk-stale",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZkLine {
    pub step: u64,
    pub kind: LineKind,
    pub text: String,
}

/// Console snapshots kept for rewinding (the newest; older commands cannot be rewound).
const SNAPSHOTS: usize = 256;

/// The consoles themselves (zkCli's state per client: its history, watches, prompt count),
/// and before each command a snapshot of its console with the step its lines carry, so acting
/// in the past rewinds the console too.
#[derive(Default)]
pub struct Consoles {
    pub clis: BTreeMap<String, ZkCli<PageBackend>>,
    before: Vec<(String, u64, ZkCli<PageBackend>)>,
}

impl std::fmt::Debug for Consoles {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.clis.keys()).finish()
    }
}

impl Consoles {
    /// `cli` as it was before a command whose lines carry `step`.
    pub fn snapshot(&mut self, client: &str, step: u64, cli: ZkCli<PageBackend>) {
        self.before.push((client.to_string(), step, cli));
        if self.before.len() > SNAPSHOTS {
            self.before.remove(0);
        }
    }
}

/// Every console's lines, by client name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Transcripts(pub BTreeMap<String, Vec<ZkLine>>);

impl Transcripts {
    pub fn push(&mut self, client: &str, step: u64, kind: LineKind, text: String) {
        let text = text.trim_end_matches('\n').to_string();
        if text.is_empty() && kind != LineKind::Input {
            return;
        }
        self.0
            .entry(client.to_string())
            .or_default()
            .push(ZkLine { step, kind, text });
    }

    /// At the live end of the run: the watch events each console's client received since its
    /// last line, printed as zkCli prints them (`WATCHER::` then `WatchedEvent state:… type:…
    /// path:…`).
    pub fn poll(&mut self, sim: &Simulation, consoles: &mut Consoles) {
        let step = sim.steps();
        for (name, cli) in &mut consoles.clis {
            let b = cli.backend_mut();
            let Some(c) = sim.client(name) else {
                continue;
            };
            for e in c.events.get(b.seen..).unwrap_or_default() {
                let text = format!("WATCHER::\n\n{}", e.to_java_string());
                self.push(name, step, LineKind::Watch, text);
            }
            b.seen = c.events.len();
        }
    }

    /// Acting at `step` in the past: forget what was printed after it, rewind each console to
    /// before its first command undone, and count each client's watch events up to here as
    /// printed.
    pub fn truncate(&mut self, step: u64, sim: &Simulation, consoles: &mut Consoles) {
        for lines in self.0.values_mut() {
            lines.retain(|l| l.step <= step);
        }
        // Each console as it was before its first command undone (its history count, watches).
        let mut rewound = std::collections::BTreeSet::new();
        for (name, at, cli) in &consoles.before {
            if *at > step && rewound.insert(name.clone()) {
                consoles.clis.insert(name.clone(), cli.clone());
            }
        }
        consoles.before.retain(|(_, at, _)| *at <= step);
        for (name, cli) in &mut consoles.clis {
            let n = sim.client(name).map_or(0, |c| c.events.len());
            cli.backend_mut().seen = n;
        }
    }
}
