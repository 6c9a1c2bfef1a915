//! `zabscope lesson check FILE... [--lang en|zh-CN]`: parse each lesson file (docs/lessons.md),
//! play it start to end with the invariants on, and compute every checkpoint from the run;
//! print each step reached, each question with its choices, answer and why, and what is wrong.
//! Exit 1 if any lesson is malformed or fails (an invariant fired in a healthy lesson, the
//! expected one did not fire in a "what if" lesson, a checkpoint the run cannot answer).

use std::process::ExitCode;
use zabscope_core::explain::{Lang, Text};
use zabscope_core::lesson::{Lesson, play};

const USAGE: &str = "usage: zabscope lesson check FILE... [--lang en|zh-CN]";

pub fn main(args: &[String]) -> ExitCode {
    let mut lang = Lang::En;
    let mut files = Vec::new();
    let mut it = args.iter();
    let Some("check") = it.next().map(String::as_str) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    while let Some(a) = it.next() {
        let code = match a.strip_prefix("--lang") {
            Some("") => it.next().map(String::as_str),
            Some(v) => v.strip_prefix('='),
            None => {
                files.push(a.as_str());
                continue;
            }
        };
        match code.map(str::parse::<Lang>) {
            Some(Ok(l)) => lang = l,
            Some(Err(t)) => {
                eprintln!("zabscope lesson: {}", t.en());
                return ExitCode::from(2);
            }
            None => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    if files.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let mut failed = 0;
    for f in &files {
        if !check(f, lang) {
            failed += 1;
        }
    }
    println!("{} lessons, {} failed", files.len(), failed);
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// One file; true if it is a good lesson.
fn check(file: &str, lang: Lang) -> bool {
    let r = |t: &Text| t.render(lang);
    let text = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) => {
            println!("{file}: {e}");
            return false;
        }
    };
    let lesson = match Lesson::parse(&text) {
        Ok(l) => l,
        Err(e) => {
            println!("{file}:{}: {}", e.line, e.render(lang));
            return false;
        }
    };
    println!(
        "{file}: {} [{}] {}",
        lesson.id,
        lesson.group,
        lesson.title.get(lang)
    );
    let played = match play(&lesson) {
        Ok(p) => p,
        Err(e) => {
            println!("  {}", r(&e));
            return false;
        }
    };
    for s in &played.steps {
        let step = &lesson.steps[s.index];
        println!(
            "  step {} at {} (line {}): {}",
            s.index + 1,
            s.reached,
            step.line,
            step.say.get(lang)
        );
        match &s.question {
            Some(Ok(q)) => {
                let choices: Vec<String> = q
                    .choices
                    .iter()
                    .map(|c| format!("[{}] {}", c.id, r(&c.label)))
                    .collect();
                println!("    ? {}  {}", r(&q.text), choices.join("  "));
                println!("    = {}: {}", q.answer, r(&q.why));
            }
            Some(Err(e)) => println!("    ? {}", r(e)),
            None => {}
        }
    }
    for f in &played.fired {
        println!("  ! {}", r(&f.text));
    }
    for p in &played.problems {
        println!("  FAIL {}", r(p));
    }
    played.ok()
}
