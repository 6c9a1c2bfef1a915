//! How a run is made: the set-up dialog's choices (servers, observers, tickTime / initLimit /
//! syncLimit, latency, loss, seed, start all at once or one by one, or a pasted zoo.cfg, and a
//! "break ZAB" switch) and
//! the base script they produce. Reset replays the same base script and commands; New run
//! builds a new one.

use crate::i18n::Msg;
use zabscope_core::check::breaks::Break;
use zabscope_core::{Command, Config, Script, Simulation};

/// The set-up dialog's fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Setup {
    pub servers: u32,
    pub observers: u32,
    pub tick_time: u64,
    pub init_limit: u64,
    pub sync_limit: u64,
    pub latency_ms: u64,
    pub loss_ppm: u32,
    pub seed: u64,
    /// Start every server at time 0; otherwise the user starts them from the ring.
    pub start_all: bool,
    /// A pasted zoo.cfg; when non-empty it replaces the numeric fields above.
    pub zoo_cfg: String,
    /// "Break ZAB": a deliberate protocol bug for this run (`zabscope.break=`, the switches of
    /// `zabscope_core::check::breaks`), added to whatever the zoo.cfg says.
    pub brk: Option<Break>,
}

impl Default for Setup {
    fn default() -> Self {
        Setup {
            servers: 5,
            observers: 0,
            tick_time: 2000,
            init_limit: 10,
            sync_limit: 5,
            latency_ms: 1,
            loss_ppm: 0,
            seed: 1,
            start_all: true,
            zoo_cfg: String::new(),
            brk: None,
        }
    }
}

impl Setup {
    /// The configuration these choices describe, or why it is not a valid ensemble.
    pub fn config(&self) -> Result<Config, Msg> {
        let mut c = self.ensemble()?;
        if let Some(b) = self.brk {
            c.breaks.insert(b);
        }
        Ok(c)
    }

    /// The configuration without the break switch.
    fn ensemble(&self) -> Result<Config, Msg> {
        if !self.zoo_cfg.trim().is_empty() {
            return Config::parse(&self.zoo_cfg)
                .map_err(|e| Msg::Wrapped("setup.err.zoocfg", e.text()));
        }
        if !(1..=15).contains(&self.servers) {
            return Err(Msg::Page(
                "setup.err.servers",
                vec![("n", self.servers.to_string())],
            ));
        }
        if self.observers >= self.servers {
            return Err(Msg::key("setup.err.observers"));
        }
        if self.tick_time == 0 || self.init_limit == 0 || self.sync_limit == 0 {
            return Err(Msg::key("setup.err.ticks"));
        }
        if self.loss_ppm > 1_000_000 {
            return Err(Msg::key("setup.err.loss"));
        }
        let mut c = Config::ensemble(self.servers).map_err(|e| Msg::Core(e.text()))?;
        c.tick_time = self.tick_time;
        c.init_limit = self.init_limit;
        c.sync_limit = self.sync_limit;
        c.latency_ms = self.latency_ms;
        c.loss_ppm = self.loss_ppm;
        let voters = self.servers - self.observers;
        for (id, s) in &mut c.servers {
            s.observer = id.0 > voters;
        }
        Ok(c)
    }

    /// The base script: the configuration, the seed and (start all) a start per server at 0.
    pub fn script(&self) -> Result<Script, Msg> {
        let config = self.config()?;
        let commands = if self.start_all {
            config.ids().map(|id| (0, Command::Start(id))).collect()
        } else {
            Vec::new()
        };
        Ok(Script {
            seed: self.seed,
            config,
            commands,
            recorded: Vec::new(),
            until_ms: 0,
        })
    }
}

/// A simulation of `script` with invariants checked every step and the page's bounded history
/// (`HistoryBudget::browser`: docs/page.md, "Memory").
pub fn simulation(script: &Script) -> Result<Simulation, Msg> {
    let mut sim = Simulation::from_script(script).map_err(|e| Msg::Core(e.text()))?;
    sim.check_invariants(true);
    sim.set_history(zabscope_core::HistoryBudget::browser());
    Ok(sim)
}

/// The whole run as a script: the base script's `at` commands, then what was done since as
/// `after` lines (each command and manual delivery pinned to the step it followed), so
/// `window.zabscope.load` of it replays the session to the same digest.
#[must_use]
pub fn export(base: &Script, sim: &Simulation) -> Script {
    let session = sim.script();
    Script {
        seed: base.seed,
        config: base.config.clone(),
        commands: base.commands.clone(),
        recorded: session.recorded,
        until_ms: session.until_ms,
    }
}
