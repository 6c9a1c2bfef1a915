//! Recording: commands applied interactively and manual deliveries, kept with the step they
//! followed so `seek` and a loaded script replay them digest-exact; validating a command;
//! `script()`, the record as `after` lines.

use super::{AgendaRef, CommandError, Simulation};
use crate::explain::Text;
use crate::ids::ServerId;
use crate::sim::command::{Command, ZkAction};
use crate::sim::kernel::Item;
use crate::sim::script::{Recorded, Script};
use crate::time::SimTime;

/// A command applied interactively: after which step, for which time, and (once in the agenda)
/// its agenda key. Replaying schedules it at the same moment — after the same step, so with the
/// same sequence number — which keeps a replay (`seek`, a loaded script) digest-exact.
#[derive(Clone, Debug)]
pub(super) struct Applied {
    pub(super) step: u64,
    pub(super) at: SimTime,
    pub(super) command: Command,
    pub(super) key: Option<(SimTime, u64)>,
}

impl Simulation {
    /// Apply a command now (it is the next agenda item); recorded for replay.
    pub fn apply(&mut self, c: Command) -> Result<(), CommandError> {
        self.apply_keyed(c).map(|_| ())
    }

    pub(crate) fn apply_keyed(&mut self, c: Command) -> Result<(SimTime, u64), CommandError> {
        self.validate(&c)?;
        // The run may diverge here: the checker must stand at this step.
        self.recheck();
        // What a loaded script applied at this step goes first, as it did when recorded.
        self.inject_recorded();
        let (step, at) = (self.kernel.step, self.kernel.now);
        let key = self.kernel.schedule(at, Item::Command(Box::new(c.clone())));
        if self.keep_trace {
            // After every command recorded at this step (the list stays in step order).
            let i = self.applied_end(step);
            let command = c;
            self.applied.insert(
                i,
                Applied {
                    step,
                    at,
                    command,
                    key: Some(key),
                },
            );
        }
        Ok(key)
    }

    /// Where the recorded commands after steps up to `step` end (live: the end of the list,
    /// without a search of every command of the run).
    pub(super) fn applied_end(&self, step: u64) -> usize {
        if self.applied.last().is_none_or(|a| a.step <= step) {
            self.applied.len()
        } else {
            self.applied.partition_point(|a| a.step <= step)
        }
    }

    /// The recorded commands applied after step `step`.
    pub(super) fn applied_at(&self, step: u64) -> std::ops::Range<usize> {
        // Live, the commands of this step are the last few: look back from the end instead of
        // searching a list that holds every command of the run.
        let hi = self.applied_end(step);
        let mut lo = hi;
        while lo > 0 && self.applied[lo - 1].step >= step {
            lo -= 1;
        }
        lo..hi
    }

    /// Replaying: put the commands recorded after the current step into the agenda, unless
    /// they are there already (the live run, or a checkpoint taken after they were applied).
    /// Scheduled at the same moment as when recorded, each gets the same agenda key.
    pub(super) fn inject_recorded(&mut self) {
        let step = self.kernel.step;
        if self.applied.last().is_none_or(|a| a.step < step) {
            return;
        }
        for i in self.applied_at(step) {
            let a = &self.applied[i];
            if a.key.is_some_and(|k| self.kernel.agenda.contains_key(&k)) {
                continue;
            }
            let item = Item::Command(Box::new(a.command.clone()));
            let key = self.kernel.schedule(a.at, item);
            self.applied[i].key = Some(key);
        }
    }

    /// The manual delivery recorded after the current step, if any (replayed by `step`).
    pub(super) fn recorded_fire(&self) -> Option<AgendaRef> {
        let step = self.kernel.step;
        let i = self.fired.partition_point(|(s, _)| *s < step);
        self.fired
            .get(i)
            .filter(|(s, _)| *s == step)
            .map(|(_, r)| *r)
    }

    /// Apply a command and step until it has taken effect, so the view shows its result at
    /// once (what a click or a typed command wants). Only items already due at this instant
    /// run before it — at step 0 that is the script's `at 0 start …`, so `crash 2` typed
    /// before the first step shows server 2 crashed, not OFF, then LOOKING, then CRASHED.
    /// The steps taken are ordinary steps (traced, checked, replayed by `seek`).
    pub fn apply_now(&mut self, c: Command) -> Result<(), CommandError> {
        let key = self.apply_keyed(c)?;
        while self.kernel.agenda.contains_key(&key) {
            self.step();
        }
        Ok(())
    }

    pub(super) fn validate(&self, c: &Command) -> Result<(), CommandError> {
        let known = |id: &ServerId| self.kernel.config.servers.contains_key(id);
        let bad = |id: &ServerId| CommandError::from(Text::new("check.no_server").arg("id", id));
        let ids: Vec<ServerId> = match c {
            Command::Start(i)
            | Command::Stop(i)
            | Command::Crash(i)
            | Command::Restart(i)
            | Command::Pause(i)
            | Command::Resume(i) => vec![*i],
            Command::Partition(g) => g.iter().flatten().copied().collect(),
            Command::Block { from, to } => from.iter().chain(to).copied().collect(),
            Command::Hold { from, to } | Command::Release { from, to } => vec![*from, *to],
            Command::Connect { server, .. } => vec![*server],
            Command::Zk {
                action: ZkAction::Connect { hosts, .. },
                ..
            } => hosts.clone(),
            Command::Zk { client, .. }
            | Command::Recipe { client, .. }
            | Command::Unlock { client, .. }
                if self.pending_zk(client) =>
            {
                vec![]
            }
            Command::Zk {
                action: ZkAction::Cut(ids),
                ..
            } => {
                self.kernel.check_zk(c).map_err(CommandError::from)?;
                ids.clone()
            }
            Command::Zk { .. } | Command::Recipe { .. } | Command::Unlock { .. } => {
                self.kernel.check_zk(c).map_err(CommandError::from)?;
                vec![]
            }
            Command::Move { client, server } => {
                if !self.kernel.clients.iter().any(|x| &x.name == client)
                    && !self.pending_connect(client)
                {
                    return Err(Text::new("check.no_client").arg("client", client).into());
                }
                vec![*server]
            }
            Command::Op { client, .. } | Command::Request { client, .. } => {
                if !self.kernel.clients.iter().any(|x| &x.name == client)
                    && !self.pending_connect(client)
                {
                    return Err(Text::new("check.no_client").arg("client", client).into());
                }
                vec![]
            }
            _ => vec![],
        };
        if let Some(i) = ids.iter().find(|i| !known(i)) {
            return Err(bad(i));
        }
        crate::sim::validate::check(&self.kernel, c).map_err(CommandError::from)
    }

    /// A `client C connect …` (or a command for C) is waiting in the agenda.
    pub(super) fn pending_zk(&self, client: &str) -> bool {
        self.kernel.agenda.values().any(|i| {
            matches!(i, Item::Command(x) if matches!(&**x, Command::Zk { client: c, action: ZkAction::Connect { .. } } if c == client))
        })
    }

    pub(super) fn pending_connect(&self, client: &str) -> bool {
        self.kernel
            .agenda
            .values()
            .any(|i| matches!(i, Item::Command(x) if matches!(&**x, Command::Connect { client: c, .. } if c == client)))
    }

    /// What was done interactively, as a script's `after` lines: each command with the step
    /// it was applied after, each manual delivery with the step it followed (commands first at
    /// equal steps, as they happened). Prepend the run's base script (its `at` commands) and
    /// `Simulation::from_script` replays the run to the same digest.
    #[must_use]
    pub fn script(&self) -> Script {
        let mut recorded: Vec<Recorded> = Vec::new();
        let mut fired = self.fired.iter().peekable();
        for a in &self.applied {
            while let Some((s, r)) = fired.next_if(|(s, _)| *s < a.step) {
                recorded.push(Recorded::fire(*s, *r));
            }
            recorded.push(Recorded::Apply {
                step: a.step,
                at_ms: a.at.ms(),
                command: a.command.clone(),
            });
        }
        recorded.extend(fired.map(|(s, r)| Recorded::fire(*s, *r)));
        Script {
            seed: self.seed,
            config: (*self.kernel.config).clone(),
            commands: Vec::new(),
            recorded,
            until_ms: self.kernel.now.ms(),
        }
    }
}
