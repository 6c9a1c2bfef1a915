//! One execution of each target: parse the input as its entry point does, run what parsed
//! (briefly: small step budgets), and check the properties — every rejection says something,
//! what parses prints back to the same value, no command runs past its simulated span, work
//! stays within the step caps. A panic is caught by the caller (`mod.rs`).

use super::Target;
use crate::ids::ServerId;
use crate::lesson::Lesson;
use crate::sim::api_backend::ZabBackend;
use crate::sim::command::Command;
use crate::sim::script::Script;
use crate::sim::simulation::Simulation;
use crate::tools::api::Api;
use crate::zab::config::Config;
use crate::zk::limits::MAX_SPAN_MS;
use crate::zk::standalone::{ServerConfig, StandaloneServer};
use crate::zk::zkcli::ZkCli;
use serde_json::Value;
use std::fmt;

/// Steps one ensemble command may take inside the fuzzer (the real cap is 10 M; a lower one
/// keeps executions cheap and still drives every "stopped after N steps" path).
pub const FUZZ_STEP_CAP: u64 = 20_000;
/// Steps a parsed script runs for.
pub const RUN_STEPS: u64 = 2_000;
/// Steps a parsed zoo.cfg's ensemble runs for after every server starts (an election).
pub const BOOT_STEPS: u64 = 600;
/// Steps after an applied command.
pub const COMMAND_STEPS: u64 = 300;
/// Lines of one input that are executed (the rest is ignored).
pub const MAX_LINES: usize = 12;

/// A property an execution broke (a panic is reported separately).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// A rejection without a message, or an answer that is not what the interface promises.
    Unclear(String),
    /// More simulated time or steps than the caps allow: the seed of a hang.
    Runaway(String),
    /// Parsed, printed, and parsed again to something else.
    RoundTrip(String),
}

/// What one execution did: work units (simulation steps + lines) and a short signature of its
/// outcome (errors with digits removed), which the fuzzer uses as feedback.
#[derive(Clone, Debug, Default)]
pub struct Outcome {
    pub work: u64,
    pub signature: String,
    /// Something in the input was accepted and executed (not only rejected).
    pub accepted: bool,
}

impl Outcome {
    /// Adds the shape of `what` to the signature: quoted text and digits dropped (they echo
    /// the input), at most 40 characters.
    fn note(&mut self, what: &str) {
        if self.signature.len() >= 400 {
            return;
        }
        self.signature.push('|');
        let mut quote = None;
        let mut n = 0;
        for c in what.chars() {
            match quote {
                Some(q) if c == q => quote = None,
                Some(_) => {}
                None if c == '\'' || c == '"' => quote = Some(c),
                None if c.is_ascii_digit() => {}
                None => {
                    self.signature.push(c);
                    n += 1;
                }
            }
            if n == 40 {
                break;
            }
        }
    }
}

/// State shared by the executions of one fuzzer: an ensemble with a leader and a client,
/// cloned for every `Command` execution.
pub struct Templates {
    ensemble: Simulation,
}

impl Templates {
    #[must_use]
    pub fn new() -> Templates {
        let mut sim = Simulation::with_servers(3, 1).expect("three servers is a valid ensemble");
        sim.keep_trace(false);
        sim.run_until(60_000, |s| !s.leaders().is_empty());
        let _ = sim.apply(Command::Connect {
            client: "c1".into(),
            server: ServerId(1),
            timeout_ms: 30_000,
        });
        sim.run_for(1_000);
        sim.set_step_cap(FUZZ_STEP_CAP);
        Templates { ensemble: sim }
    }
}

impl Default for Templates {
    fn default() -> Self {
        Templates::new()
    }
}

fn lines(input: &[u8]) -> impl Iterator<Item = &[u8]> {
    input
        .split(|b| *b == b'\n')
        .map(crate::zk::limits::chomp)
        .take(MAX_LINES)
}

fn clear(what: &str, msg: &str) -> Result<(), Problem> {
    if msg.trim().is_empty() {
        Err(Problem::Unclear(format!("{what}: empty error message")))
    } else {
        Ok(())
    }
}

/// Runs `input` on `target`.
pub fn exec(target: Target, input: &[u8], t: &Templates) -> Result<Outcome, Problem> {
    match target {
        Target::ZkCli => zkcli(input),
        Target::Api => api(input),
        Target::Script => script(input),
        Target::Config => config(input),
        Target::Command => command(input, t),
        Target::Lesson => lesson(input),
    }
}

fn zkcli(input: &[u8]) -> Result<Outcome, Problem> {
    let mut out = Outcome::default();
    let mut cli = ZkCli::new(StandaloneServer::new(ServerConfig::default()));
    for line in lines(input) {
        let before = cli.backend().now();
        let text = cli.execute_bytes(line);
        out.work += 1;
        let spent = cli.backend().now().since(before);
        if spent > MAX_SPAN_MS {
            return Err(Problem::Runaway(format!("one zkCli line ran {spent} ms")));
        }
        if std::str::from_utf8(line).is_err() {
            if !text.contains("UTF-8") {
                return Err(Problem::Unclear(format!("invalid UTF-8 answered '{text}'")));
            }
            out.note("utf8");
        } else if let Some(e) = cli.last_error() {
            clear("zkCli", e)?;
            out.note(e);
        } else {
            out.note(
                line.split(|b| *b == b' ')
                    .next()
                    .map_or("", |w| std::str::from_utf8(w).unwrap_or("")),
            );
            out.accepted |= !line.trim_ascii().is_empty();
        }
        if cli.quit_requested() {
            break;
        }
    }
    Ok(out)
}

fn api(input: &[u8]) -> Result<Outcome, Problem> {
    let mut out = Outcome::default();
    let mut api = Api::new(ZabBackend::new(StandaloneServer::new(
        ServerConfig::default(),
    )));
    for line in lines(input) {
        let steps = |a: &Api<ZabBackend>| {
            a.backend()
                .ensemble
                .as_ref()
                .map_or(0, |e| e.sim.kernel().step)
        };
        let (t0, s0) = (crate::tools::api::Backend::now(api.backend()), steps(&api));
        let reply = api.handle_bytes(line);
        if let Some(e) = api.backend_mut().ensemble.as_mut() {
            e.sim.set_step_cap(FUZZ_STEP_CAP);
        }
        let (t1, s1) = (crate::tools::api::Backend::now(api.backend()), steps(&api));
        let work = s1.saturating_sub(s0);
        out.work += 1 + work;
        if t1.since(t0) > MAX_SPAN_MS + 1 {
            return Err(Problem::Runaway(format!(
                "one api line ran {} ms",
                t1.since(t0)
            )));
        }
        // A line of the fuzzer may take the cap once per request it waits for (a `multi`
        // is one request; a connect plus a request is two).
        if work > 3 * FUZZ_STEP_CAP {
            return Err(Problem::Runaway(format!("one api line took {work} steps")));
        }
        check_api_reply(line, &reply, &mut out)?;
    }
    Ok(out)
}

fn check_api_reply(line: &[u8], reply: &str, out: &mut Outcome) -> Result<(), Problem> {
    let blank = std::str::from_utf8(line).is_ok_and(|t| {
        let t = t.trim();
        t.is_empty() || t.starts_with('#')
    });
    if blank {
        return if reply.is_empty() {
            Ok(())
        } else {
            Err(Problem::Unclear(format!("a blank line answered '{reply}'")))
        };
    }
    let v: Value = serde_json::from_str(reply)
        .map_err(|e| Problem::Unclear(format!("reply is not JSON ({e}): '{reply}'")))?;
    if !v.get("ok").is_some_and(Value::is_boolean) {
        return Err(Problem::Unclear(format!("reply without 'ok': {reply}")));
    }
    let rc = v.get("rc").and_then(Value::as_str).unwrap_or("");
    if rc == "BadRequest" {
        let e = v.get("error").and_then(Value::as_str).unwrap_or("");
        clear("api", e)?;
        out.note(e);
    } else {
        out.note(rc);
        out.accepted = true;
    }
    Ok(())
}

fn text(input: &[u8]) -> String {
    String::from_utf8_lossy(input).into_owned()
}

/// What every text target does first: parse `src` as its entry point does — a refusal must
/// say something, and is noted (`Ok(None)`: nothing runs) — then print what parsed and read
/// it back, which must give the same value. `multiline` shows the printed text on lines of
/// its own in the finding.
fn parse_checked<T, E>(
    what: &str,
    src: &str,
    parse: impl Fn(&str) -> Result<T, E>,
    multiline: bool,
    out: &mut Outcome,
) -> Result<Option<T>, Problem>
where
    T: PartialEq + fmt::Debug + fmt::Display,
    E: fmt::Display + fmt::Debug,
{
    let parsed = match parse(src) {
        Err(e) => {
            let e = e.to_string();
            clear(what, &e)?;
            out.note(&e);
            return Ok(None);
        }
        Ok(p) => p,
    };
    let printed = parsed.to_string();
    match parse(&printed) {
        Ok(again) if again == parsed => Ok(Some(parsed)),
        other => {
            let shown = if multiline {
                format!("\n{printed}\n")
            } else {
                format!(" '{printed}' ")
            };
            Err(Problem::RoundTrip(format!(
                "{what} printed as{shown}reads back as {other:?}"
            )))
        }
    }
}

/// Steps `sim` while something is due (no later than `end_ms`, when given), at most `cap`
/// steps; how many it ran.
fn run_capped(sim: &mut Simulation, cap: u64, end_ms: Option<u64>) -> u64 {
    let mut steps = 0;
    while steps < cap
        && sim
            .kernel()
            .next_time()
            .is_some_and(|t| end_ms.is_none_or(|end| t.ms() <= end))
    {
        sim.step();
        steps += 1;
    }
    steps
}

fn script(input: &[u8]) -> Result<Outcome, Problem> {
    let mut out = Outcome::default();
    let Some(s) = parse_checked("script", &text(input), Script::parse, true, &mut out)? else {
        return Ok(out);
    };
    let mut sim = match Simulation::from_script(&s) {
        Ok(sim) => sim,
        Err(e) => {
            return Err(Problem::Unclear(format!(
                "a parsed script's config was refused: {e}"
            )));
        }
    };
    sim.keep_trace(false);
    out.work = run_capped(&mut sim, RUN_STEPS, Some(s.until_ms));
    out.note("ran");
    out.accepted = true;
    Ok(out)
}

fn config(input: &[u8]) -> Result<Outcome, Problem> {
    let mut out = Outcome::default();
    let Some(cfg) = parse_checked("zoo.cfg", &text(input), Config::parse, true, &mut out)? else {
        return Ok(out);
    };
    let mut sim = Simulation::new(cfg.clone(), 7)
        .map_err(|e| Problem::Unclear(format!("a parsed zoo.cfg was refused: {e}")))?;
    sim.keep_trace(false);
    for id in cfg.ids() {
        sim.apply(Command::Start(id))
            .map_err(|e| Problem::Unclear(e.to_string()))?;
    }
    out.work = run_capped(&mut sim, BOOT_STEPS, None);
    out.note("ran");
    out.accepted = true;
    Ok(out)
}

fn command(input: &[u8], t: &Templates) -> Result<Outcome, Problem> {
    let mut out = Outcome::default();
    let line = text(input);
    let Some(c) = parse_checked("command", &line, Command::parse, false, &mut out)? else {
        return Ok(out);
    };
    let mut sim = t.ensemble.clone();
    let t0 = sim.now();
    if let Err(e) = sim.apply(c) {
        clear("command", &e.0)?;
        out.note(&e.0);
        return Ok(out);
    }
    let steps = run_capped(&mut sim, COMMAND_STEPS, None);
    if sim.now().since(t0) > MAX_SPAN_MS {
        return Err(Problem::Runaway(format!(
            "{COMMAND_STEPS} steps after '{line}' ran {} ms",
            sim.now().since(t0)
        )));
    }
    out.work = steps;
    out.note("applied");
    out.accepted = true;
    Ok(out)
}

/// A lesson file: a refusal must name a line and say something; what parses runs its script
/// briefly (its checkpoints are not computed: each may run to the 10 M step cap).
fn lesson(input: &[u8]) -> Result<Outcome, Problem> {
    let mut out = Outcome::default();
    let l = match Lesson::parse(&text(input)) {
        Err(e) => {
            clear("lesson", &e.to_string())?;
            out.note(e.text.key);
            return Ok(out);
        }
        Ok(l) => l,
    };
    let mut sim = Simulation::from_script(&l.script)
        .map_err(|e| Problem::Unclear(format!("a parsed lesson's config was refused: {e}")))?;
    sim.keep_trace(false);
    out.work = run_capped(&mut sim, RUN_STEPS, Some(l.script.until_ms));
    out.note("ran");
    out.accepted = true;
    Ok(out)
}
