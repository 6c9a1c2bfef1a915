//! A whole run as data: `Script{seed, config, commands}` plus how long to run. Its text form:
//!
//! ```text
//! # five servers started one by one
//! seed 1
//! config
//! tickTime=2000
//! initLimit=10
//! syncLimit=5
//! server.1=zk1:2888:3888
//! end
//! at 0 start 1
//! at 1000 crash 1
//! after 1734 at 6000 crash 3
//! after 1802 fire 6013 #4711
//! until 9000
//! ```
//! Times are simulated milliseconds, at most `limits::MAX_SPAN_MS` (24 h): a script is one
//! command. The same script always yields the same trace.
//!
//! `at` lines are scheduled when the run starts (scripts written by hand). `after` lines are
//! what the page records of an interactive session (`Simulation::script`): a command applied
//! after step N for time MS, or a manual delivery (`fire`) that took agenda item MS #SEQ as
//! step N + 1. They are replayed at exactly that step, so the replay has the same digest as
//! the session (a command typed at 6000 ms is scheduled then, not at the start, which would
//! shift every later message id).

use crate::explain::Text;
use crate::sim::command::Command;
use crate::zab::config::Config;
use crate::zk::limits;
use std::fmt;

/// What a user did interactively, pinned to the step it followed (a script's `after` line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Recorded {
    /// `after STEP at MS COMMAND`: applied after step STEP, to take effect at MS.
    Apply {
        /// The step after which it was applied.
        step: u64,
        /// When it takes effect, simulated ms.
        at_ms: u64,
        /// The command.
        command: Command,
    },
    /// `after STEP fire MS #SEQ`: manual mode took agenda item (MS, SEQ) as the next step.
    Fire {
        /// The step number the recorded fire became.
        step: u64,
        /// The agenda item's due time, in simulated ms.
        at_ms: u64,
        /// The agenda item's tie-break sequence number.
        seq: u64,
    },
}

impl Recorded {
    /// The line for firing agenda item `r` as step `step`.
    #[must_use]
    pub fn fire(step: u64, r: crate::sim::simulation::AgendaRef) -> Recorded {
        Recorded::Fire {
            step,
            at_ms: r.0.ms(),
            seq: r.1,
        }
    }

    /// The step it follows.
    #[must_use]
    pub fn step(&self) -> u64 {
        match self {
            Recorded::Apply { step, .. } | Recorded::Fire { step, .. } => *step,
        }
    }
}

impl fmt::Display for Recorded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Recorded::Apply {
                step,
                at_ms,
                command,
            } => write!(f, "after {step} at {at_ms} {command}"),
            Recorded::Fire { step, at_ms, seq } => write!(f, "after {step} fire {at_ms} #{seq}"),
        }
    }
}

/// A reproducible run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Script {
    /// The seed of every random stream.
    pub seed: u64,
    /// The ensemble (zoo.cfg).
    pub config: Config,
    /// Commands with the simulated time (ms) they take effect, in order.
    pub commands: Vec<(u64, Command)>,
    /// A recorded session's commands and manual deliveries, by step, in order.
    pub recorded: Vec<Recorded>,
    /// Run until this simulated time (ms).
    pub until_ms: u64,
}

impl Script {
    /// Parses the text form; errors name the line.
    pub fn parse(text: &str) -> Result<Script, String> {
        Script::parse_text(text).map_err(|t| t.en())
    }

    /// [`Script::parse`] with the error by key (`script.*`), to render in any language.
    pub fn parse_text(text: &str) -> Result<Script, Text> {
        let mut seed = 0;
        let mut cfg_text = String::new();
        let mut in_cfg = false;
        let mut saw_cfg = false;
        let mut commands = Vec::new();
        let mut recorded: Vec<Recorded> = Vec::new();
        let mut until_ms = None;
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim();
            let err = |e: Text| Text::new("script.line").arg("n", i + 1).arg("error", e);
            if in_cfg {
                if line == "end" {
                    in_cfg = false;
                } else {
                    cfg_text.push_str(line);
                    cfg_text.push('\n');
                }
                continue;
            }
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (word, rest) = line.split_once(' ').unwrap_or((line, ""));
            let num = |s: &str| {
                s.trim()
                    .parse::<u64>()
                    .map_err(|_| err(Text::new("cmd.not_number").arg("word", s.to_string())))
            };
            match word {
                "seed" => seed = num(rest)?,
                "config" => (in_cfg, saw_cfg) = (true, true),
                "until" => until_ms = Some(limits::span_text("until", num(rest)?).map_err(err)?),
                "at" => {
                    let (t, cmd) = rest
                        .split_once(' ')
                        .ok_or_else(|| err(Text::new("script.at")))?;
                    let t =
                        limits::span_text(Text::new("limits.the_time"), num(t)?).map_err(err)?;
                    if commands
                        .last()
                        .is_some_and(|(p, _): &(u64, Command)| *p > t)
                    {
                        return Err(err(Text::new("script.order")));
                    }
                    commands.push((t, Command::parse_text(cmd).map_err(err)?));
                }
                "after" => {
                    let r = parse_after(rest).map_err(err)?;
                    if recorded.last().is_some_and(|p| p.step() > r.step()) {
                        return Err(err(Text::new("script.after_order")));
                    }
                    recorded.push(r);
                }
                other => {
                    return Err(err(
                        Text::new("script.directive").arg("word", other.to_string())
                    ));
                }
            }
        }
        if in_cfg {
            return Err(Text::new("script.no_end"));
        }
        if !saw_cfg {
            return Err(Text::new("script.no_config"));
        }
        let config = Config::parse(&cfg_text).map_err(|e| e.text())?;
        let last = commands
            .iter()
            .map(|(t, _)| *t)
            .chain(recorded.iter().map(|r| match r {
                Recorded::Apply { at_ms, .. } | Recorded::Fire { at_ms, .. } => *at_ms,
            }))
            .max()
            .unwrap_or(0);
        Ok(Script {
            seed,
            config,
            commands,
            recorded,
            until_ms: until_ms.unwrap_or((last + 10_000).min(limits::MAX_SPAN_MS)),
        })
    }
}

/// `STEP at MS COMMAND` or `STEP fire MS #SEQ` (what follows `after`).
fn parse_after(rest: &str) -> Result<Recorded, Text> {
    let num = |s: &str| {
        s.trim()
            .parse::<u64>()
            .map_err(|_| Text::new("cmd.not_number").arg("word", s.to_string()))
    };
    let bad = || Text::new("script.after");
    let (step, rest) = rest.trim().split_once(' ').ok_or_else(bad)?;
    let step = num(step)?;
    let (kind, rest) = rest.trim().split_once(' ').ok_or_else(bad)?;
    let (t, rest) = rest.trim().split_once(' ').ok_or_else(bad)?;
    let at_ms = limits::span_text(Text::new("limits.the_time"), num(t)?)?;
    match kind {
        "at" => Ok(Recorded::Apply {
            step,
            at_ms,
            command: Command::parse_text(rest)?,
        }),
        "fire" => {
            let seq = rest.trim().strip_prefix('#').ok_or_else(bad)?;
            Ok(Recorded::Fire {
                step,
                at_ms,
                seq: num(seq)?,
            })
        }
        _ => Err(bad()),
    }
}

impl fmt::Display for Script {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "seed {}", self.seed)?;
        writeln!(f, "config")?;
        write!(f, "{}", self.config)?;
        writeln!(f, "end")?;
        for (t, c) in &self.commands {
            writeln!(f, "at {t} {c}")?;
        }
        for r in &self.recorded {
            writeln!(f, "{r}")?;
        }
        writeln!(f, "until {}", self.until_ms)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "seed 9\nconfig\ntickTime=2000\ninitLimit=10\nsyncLimit=5\n\
        server.1=zk1:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888\nend\n\
        at 0 start 1\nat 0 start 2\nat 500 partition 1|2,3\nat 600 block 1 2,3\nat 700 heal\n\
        at 800 connect c1 2 4000\nat 900 create c1 /a hello world\nat 1000 crash 3\nuntil 9000\n";

    #[test]
    fn text_round_trips() {
        let s = Script::parse(TEXT).unwrap();
        assert_eq!(s.seed, 9);
        assert_eq!(s.commands.len(), 8);
        assert_eq!(s.until_ms, 9000);
        assert_eq!(Script::parse(&s.to_string()).unwrap(), s);
    }

    #[test]
    fn recorded_lines_round_trip() {
        let text = TEXT.replace(
            "until 9000\n",
            "after 40 at 1200 crash 2\nafter 40 fire 1201 #77\nafter 52 at 1300 heal\nuntil 9000\n",
        );
        let s = Script::parse(&text).unwrap();
        assert_eq!(s.recorded.len(), 3);
        assert_eq!(
            s.recorded[1],
            Recorded::Fire {
                step: 40,
                at_ms: 1201,
                seq: 77
            }
        );
        assert_eq!(Script::parse(&s.to_string()).unwrap(), s);
        assert!(
            s.to_string()
                .ends_with(text.split("at 1000 crash 3\n").nth(1).unwrap())
        );
        let e = Script::parse(&text.replace("after 52", "after 39")).unwrap_err();
        assert!(e.contains("step order"), "{e}");
        let e = Script::parse(&text.replace("#77", "77")).unwrap_err();
        assert!(e.contains("after STEP fire MS #SEQ"), "{e}");
        let e = Script::parse(&text.replace("after 40 at 1200", "after x at 1200")).unwrap_err();
        assert!(e.contains("'x' is not a number"), "{e}");
    }

    #[test]
    fn bad_scripts_name_the_line() {
        let e = Script::parse("seed x\n").unwrap_err();
        assert!(e.contains("line 1"), "{e}");
        let e = Script::parse("config\ntickTime=1\n").unwrap_err();
        assert!(e.contains("without 'end'"), "{e}");
        let e = Script::parse(&TEXT.replace("at 1000 crash 3", "at 1000 explode 3")).unwrap_err();
        assert!(e.contains("unknown command"), "{e}");
        let e = Script::parse(&TEXT.replace("at 1000 crash 3", "at 10 crash 3")).unwrap_err();
        assert!(e.contains("time order"), "{e}");
    }

    /// `until 10^15` would take a day of CPU and `at 18446744073709551615` overflowed the
    /// default `until` (runaway input): one script spans at most 24 h.
    #[test]
    fn spans_beyond_a_day_are_refused() {
        let e = Script::parse(&TEXT.replace("until 9000", "until 1000000000000000")).unwrap_err();
        assert!(e.contains("line 18") && e.contains("86400000"), "{e}");
        let max = u64::MAX.to_string();
        let e = Script::parse(&TEXT.replace("at 1000 crash 3", &format!("at {max} crash 3")))
            .unwrap_err();
        assert!(e.contains("line 17") && e.contains("24 h"), "{e}");
        let last = TEXT
            .replace("until 9000\n", "")
            .replace("at 1000 ", "at 86400000 ");
        let s = Script::parse(&last).unwrap();
        assert_eq!(s.until_ms, limits::MAX_SPAN_MS);
    }
}
