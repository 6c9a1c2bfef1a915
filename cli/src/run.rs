//! `zabscope run SCRIPT [--json] [--narrate] [--lang en|zh-CN]`: run a simulation script (see
//! `zabscope_core::sim::script`) and print its trace, one event per line, as text or JSON lines;
//! then the digest. `--narrate` adds each step's one-sentence explanation (the page's
//! narration line) after its events: `» …` in text, `{"step", "narration": {key, args, text}}`
//! in JSON. `--lang zh-CN` renders the narration (and a broken invariant's report) in 简体中文,
//! so a teacher can read it natively; the trace lines are ZooKeeper's own and stay as they are.

use std::process::ExitCode;
use zabscope_core::explain::Lang;
use zabscope_core::zk::limits;
use zabscope_core::{Script, Simulation};

const USAGE: &str = "usage: zabscope run SCRIPT [--json] [--narrate] [--lang en|zh-CN]";

/// `--lang CODE` or `--lang=CODE` (English when absent), and the arguments left.
fn lang(args: &[String]) -> Result<(Lang, Vec<&String>), String> {
    let mut lang = Lang::En;
    let mut rest = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let code = match a.strip_prefix("--lang") {
            Some("") => it.next().ok_or(USAGE)?.as_str(),
            Some(v) if v.starts_with('=') => &v[1..],
            _ => {
                rest.push(a);
                continue;
            }
        };
        lang = code
            .parse()
            .map_err(|t: zabscope_core::explain::Text| t.en())?;
    }
    Ok((lang, rest))
}

pub fn main(args: &[String]) -> ExitCode {
    let (lang, args) = match lang(args) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("zabscope run: {e}");
            return ExitCode::from(2);
        }
    };
    let json = args.iter().any(|a| *a == "--json");
    let narrate = args.iter().any(|a| *a == "--narrate");
    let files: Vec<&String> = args.into_iter().filter(|a| !a.starts_with("--")).collect();
    let [file] = files.as_slice() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("zabscope run: {file}: {e}");
            return ExitCode::from(2);
        }
    };
    let script = match Script::parse(&text) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("zabscope run: {file}: {e}");
            return ExitCode::from(2);
        }
    };
    let mut sim = match Simulation::from_script(&script) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("zabscope run: {e}");
            return ExitCode::from(2);
        }
    };
    sim.keep_trace(false);
    sim.narrate(narrate);
    sim.check_invariants(true);
    let end = script.until_ms;
    let mut out = String::new();
    let mut steps = 0;
    while sim.kernel().next_time().is_some_and(|t| t.ms() <= end) {
        if steps == limits::MAX_STEPS {
            print!("{out}");
            eprintln!(
                "zabscope run: {}",
                limits::step_cap(limits::MAX_STEPS, sim.now().ms())
            );
            return ExitCode::from(1);
        }
        steps += 1;
        for e in sim.step() {
            if json {
                out.push_str(&e.to_json().to_string());
            } else {
                out.push_str(&e.to_string());
            }
            out.push('\n');
        }
        if let Some(t) = sim.last_narration().filter(|_| narrate) {
            if json {
                let j = serde_json::json!({"step": sim.kernel().step, "narration": t, "text": t.render(lang)});
                out.push_str(&j.to_string());
            } else {
                out.push_str("  » ");
                out.push_str(&t.render(lang));
            }
            out.push('\n');
        }
        if out.len() > 1 << 16 {
            print!("{out}");
            out.clear();
        }
    }
    print!("{out}");
    for v in sim.violations() {
        eprintln!("{}", v.text().render(lang));
    }
    if json {
        println!(
            "{}",
            serde_json::json!({"digest": format!("{:016x}", sim.digest())})
        );
    } else {
        println!("digest {:016x}", sim.digest());
    }
    if sim.violations().is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
