//! The lesson file parser (docs/lessons.md, "Format"): line based, one directive a line, the
//! run verbatim in the script format between `script` and `end script`. Every malformed line
//! is refused with its line number ([`LessonError`]); nothing panics, whatever the bytes.

use super::error::{LessonError, MAX_BYTES, MAX_STEPS};
use super::model::{Ask, AskKind, Bilingual, GROUPS, Highlight, Lesson, Step};
use crate::check::breaks::Break;
use crate::check::invariant;
use crate::explain::{Arg, Text, texts_en};
use crate::sim::script::Script;
use crate::time::SimTime;

type Res<T> = Result<T, Text>;

/// The header fields read so far.
#[derive(Default)]
struct Header {
    id: Option<String>,
    group: Option<String>,
    title_en: Option<String>,
    title_zh: Option<String>,
    summary_en: Option<String>,
    summary_zh: Option<String>,
    minutes: Option<u32>,
    brk: Option<Break>,
    expect: Option<String>,
}

/// A step being read, with the lines of what must be checked when it closes.
struct Open {
    step: Step,
    say_en: Option<String>,
    say_zh: Option<String>,
    note_en: Option<String>,
    note_zh: Option<String>,
    /// The line of `ask`, until its `decide`.
    ask_line: Option<usize>,
    /// `ask` read, `decide` not yet.
    pending: Option<AskKind>,
    end: bool,
}

/// Parse a whole lesson file.
pub fn parse(text: &str) -> Result<Lesson, LessonError> {
    if text.len() > MAX_BYTES {
        return Err(LessonError::new(
            0,
            Text::new("lesson.error.too_big")
                .arg("size", text.len())
                .arg("max", MAX_BYTES),
        ));
    }
    let lines: Vec<&str> = text.lines().collect();
    let mut h = Header::default();
    let mut script: Option<(Script, usize)> = None;
    let mut steps: Vec<Step> = Vec::new();
    let mut open: Option<Open> = None;
    let mut i = 0;
    while i < lines.len() {
        let n = i + 1;
        let line = lines[i].trim();
        i += 1;
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let at = |t: Text| LessonError::new(n, t);
        let (word, rest) = split(line);
        match word {
            "script" => {
                if script.is_some() {
                    return Err(at(twice("script")));
                }
                let start = i;
                let Some(len) = lines[start..].iter().position(|l| l.trim() == "end script") else {
                    return Err(at(Text::new("lesson.error.script_end")));
                };
                let body = lines[start..start + len].join("\n");
                i = start + len + 1;
                script = Some((script_of(&body, n, i)?, n));
            }
            "step" => {
                let Some((s, _)) = &script else {
                    return Err(at(Text::new("lesson.error.step_before_script")));
                };
                if let Some(o) = open.take() {
                    if o.end {
                        return Err(at(Text::new("lesson.error.after_end")));
                    }
                    steps.push(close(o)?);
                }
                if steps.last().is_some_and(|_| steps.len() >= MAX_STEPS) {
                    return Err(at(
                        Text::new("lesson.error.too_many_steps").arg("max", MAX_STEPS)
                    ));
                }
                open = Some(open_step(rest, n, s.until_ms, steps.last()).map_err(at)?);
            }
            "say" | "note" | "show" | "pause" | "ask" | "decide" => {
                let Some(o) = open.as_mut() else {
                    return Err(at(
                        Text::new("lesson.error.outside_step").arg("word", word.to_string())
                    ));
                };
                let until = script.as_ref().map_or(0, |(s, _)| s.until_ms);
                let servers: Vec<u32> = script
                    .as_ref()
                    .map(|(s, _)| s.config.servers.keys().map(|k| k.0).collect())
                    .unwrap_or_default();
                step_line(o, word, rest, n, until, &servers).map_err(at)?;
            }
            _ => header_line(&mut h, word, rest).map_err(at)?,
        }
    }
    if let Some(o) = open.take() {
        steps.push(close(o)?);
    }
    finish(h, script, steps, lines.len())
}

/// `word rest…`, the rest trimmed.
fn split(line: &str) -> (&str, &str) {
    match line.split_once(char::is_whitespace) {
        Some((w, r)) => (w, r.trim()),
        None => (line, ""),
    }
}

fn twice(word: &'static str) -> Text {
    Text::new("lesson.error.twice").arg("word", word)
}

fn number(s: &str) -> Res<u64> {
    s.parse::<u64>()
        .map_err(|_| Text::new("lesson.error.number").arg("word", s.to_string()))
}

/// The run, with a script error moved to the lesson's line: the script's own line `k` (1-based
/// in the block) is lesson line `script_line + k`, and zoo.cfg's line `k` is `k` lines after the
/// block's `config` line; another error of the whole script (no `config`) is put on the
/// `end script` line.
fn script_of(body: &str, script_line: usize, end_line: usize) -> Result<Script, LessonError> {
    Script::parse_text(body).map_err(|t| {
        let (k, inner) = line_and_error(&t);
        match (t.key, k, inner) {
            ("script.line", Some(k), Some(inner)) => LessonError::new(script_line + k, inner),
            ("config.line", Some(k), _) => {
                let cfg = body.lines().position(|l| l.trim() == "config");
                let line = cfg.map_or(end_line, |c| script_line + 1 + c + k);
                LessonError::new(line, t)
            }
            _ => LessonError::new(end_line, t),
        }
    })
}

/// The `n` and `error` arguments of a `script.line` / `config.line` text.
fn line_and_error(t: &Text) -> (Option<usize>, Option<Text>) {
    let mut k = None;
    let mut inner = None;
    for (name, v) in t.typed_args() {
        match (name, v) {
            ("n", Arg::Uint(n)) => k = usize::try_from(*n).ok(),
            ("error", Arg::Text(e)) => inner = Some((**e).clone()),
            _ => {}
        }
    }
    (k, inner)
}

fn header_line(h: &mut Header, word: &str, rest: &str) -> Res<()> {
    fn set<T>(slot: &mut Option<T>, v: T, word: &'static str) -> Res<()> {
        if slot.is_some() {
            return Err(twice(word));
        }
        *slot = Some(v);
        Ok(())
    }
    match word {
        "lesson" => {
            let ok = !rest.is_empty()
                && rest
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if !ok {
                return Err(Text::new("lesson.error.id").arg("word", rest.to_string()));
            }
            set(&mut h.id, rest.to_string(), "lesson")
        }
        "group" => {
            if !GROUPS.contains(&rest) {
                return Err(Text::new("lesson.error.group")
                    .arg("word", rest.to_string())
                    .arg("names", GROUPS.join(", ")));
            }
            set(&mut h.group, rest.to_string(), "group")
        }
        "title" | "summary" => {
            let (lang, text) = lang_text(word, rest)?;
            let slot = match (word, lang) {
                ("title", Lang2::En) => &mut h.title_en,
                ("title", Lang2::Zh) => &mut h.title_zh,
                (_, Lang2::En) => &mut h.summary_en,
                (_, Lang2::Zh) => &mut h.summary_zh,
            };
            let w = if word == "title" { "title" } else { "summary" };
            set(slot, text, w)
        }
        "minutes" => {
            let m = number(rest)?;
            let m = u32::try_from(m)
                .ok()
                .filter(|m| *m <= 600)
                .ok_or_else(|| Text::new("lesson.error.number").arg("word", rest.to_string()))?;
            set(&mut h.minutes, m, "minutes")
        }
        "break" => set(&mut h.brk, Break::parse_text(rest)?, "break"),
        "expect-violation" => {
            if !invariant::NAMES.contains(&rest) {
                return Err(Text::new("lesson.error.invariant")
                    .arg("word", rest.to_string())
                    .arg("names", invariant::NAMES.join(", ")));
            }
            set(&mut h.expect, rest.to_string(), "expect-violation")
        }
        other => Err(Text::new("lesson.error.directive").arg("word", other.to_string())),
    }
}

#[derive(Clone, Copy)]
enum Lang2 {
    En,
    Zh,
}

/// `<lang> <text>` after `title`, `summary`, `say`, `note`.
fn lang_text(word: &str, rest: &str) -> Res<(Lang2, String)> {
    let (lang, text) = split(rest);
    let lang = match lang {
        "en" => Lang2::En,
        "zh" => Lang2::Zh,
        _ => return Err(Text::new("lesson.error.lang").arg("word", word.to_string())),
    };
    if text.is_empty() {
        return Err(Text::new("lesson.error.empty").arg("word", word.to_string()));
    }
    Ok((lang, text.to_string()))
}

/// `step at MS` or `step end`, checked against the script's `until` and the previous step.
fn open_step(rest: &str, n: usize, until: u64, prev: Option<&Step>) -> Res<Open> {
    let (end, at) = match split(rest) {
        ("end", "") => (true, until),
        ("at", t) if !t.is_empty() => (false, number(t)?),
        _ => return Err(Text::new("lesson.error.step_time")),
    };
    if let Some(p) = prev.filter(|p| p.at.ms() > at) {
        return Err(Text::new("lesson.error.step_order")
            .arg("at", at)
            .arg("prev", p.at.ms()));
    }
    if at > until {
        return Err(Text::new("lesson.error.step_after_until")
            .arg("at", at)
            .arg("until", until));
    }
    Ok(Open {
        step: Step {
            at: SimTime(at),
            line: n,
            say: Bilingual::default(),
            note: None,
            show: Vec::new(),
            pause: false,
            ask: None,
        },
        say_en: None,
        say_zh: None,
        note_en: None,
        note_zh: None,
        ask_line: None,
        pending: None,
        end,
    })
}

fn step_line(
    o: &mut Open,
    word: &str,
    rest: &str,
    n: usize,
    until: u64,
    servers: &[u32],
) -> Res<()> {
    if o.end && word == "ask" {
        // `step end` has nothing after it to ask about: the run is over.
        return Err(Text::new("lesson.error.ask_at_end"));
    }
    let sid = |s: &str| -> Res<u32> {
        let v = number(s)?;
        u32::try_from(v)
            .ok()
            .filter(|v| servers.contains(v))
            .ok_or_else(|| Text::new("lesson.error.server").arg("sid", v))
    };
    let path = |s: &str| -> Res<String> {
        if s.starts_with('/') && !s.contains(char::is_whitespace) {
            Ok(s.to_string())
        } else {
            Err(Text::new("lesson.error.path").arg("path", s.to_string()))
        }
    };
    match word {
        "say" if rest.starts_with("key ") || rest == "key" => {
            let key = split(rest).1;
            if !texts_en::TEXTS.iter().any(|(k, _)| *k == key) {
                return Err(Text::new("lesson.error.say_key").arg("key", key.to_string()));
            }
            if o.say_en.is_some() || o.say_zh.is_some() {
                return Err(twice("say"));
            }
            let t = texts_en::TEXTS
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(k, _)| Text::new(k));
            if let Some(t) = t {
                o.say_en = Some(t.render(crate::explain::Lang::En));
                o.say_zh = Some(t.render(crate::explain::Lang::ZhCn));
            }
            Ok(())
        }
        "say" | "note" => {
            let (lang, text) = lang_text(word, rest)?;
            let slot = match (word, lang) {
                ("say", Lang2::En) => &mut o.say_en,
                ("say", Lang2::Zh) => &mut o.say_zh,
                (_, Lang2::En) => &mut o.note_en,
                (_, Lang2::Zh) => &mut o.note_zh,
            };
            if slot.is_some() {
                return Err(twice(if word == "say" { "say" } else { "note" }));
            }
            *slot = Some(text);
            Ok(())
        }
        "show" => {
            let (what, arg) = split(rest);
            let bad = || Text::new("lesson.error.show");
            let word_ok = |s: &str| {
                !s.is_empty()
                    && s.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            };
            let h = match what {
                "server" => Highlight::Server(sid(arg)?),
                "vote-row" => Highlight::VoteRow(sid(arg)?),
                "znode" => Highlight::Znode(path(arg)?),
                "kind" if word_ok(arg) => Highlight::Kind(arg.to_string()),
                "tab" if word_ok(arg) => Highlight::Tab(arg.to_string()),
                "client" if word_ok(arg) => Highlight::Client(arg.to_string()),
                _ => return Err(bad()),
            };
            o.step.show.push(h);
            Ok(())
        }
        "pause" => {
            if !rest.is_empty() {
                return Err(Text::new("lesson.error.no_args").arg("word", "pause"));
            }
            o.step.pause = true;
            Ok(())
        }
        "ask" => {
            if o.step.ask.is_some() || o.pending.is_some() {
                return Err(twice("ask"));
            }
            let args: Vec<&str> = rest.split_whitespace().collect();
            let kind = match args.as_slice() {
                ["leader"] => AskKind::Leader,
                ["epoch"] => AskKind::Epoch,
                ["zxid"] => AskKind::Zxid,
                ["watch-events"] => AskKind::WatchEvents,
                ["sync", s] => AskKind::Sync { sid: sid(s)? },
                ["value", p] => AskKind::Value { path: path(p)? },
                ["holder", p] => AskKind::Holder { path: path(p)? },
                ["commit", c, p] => AskKind::Commit {
                    client: (*c).to_string(),
                    path: path(p)?,
                },
                _ => return Err(Text::new("lesson.error.ask")),
            };
            o.pending = Some(kind);
            o.ask_line = Some(n);
            Ok(())
        }
        _ => {
            // decide
            let Some(kind) = o.pending.take() else {
                return Err(Text::new("lesson.error.decide_no_ask"));
            };
            let d = number(rest)?;
            if d < o.step.at.ms() || d > until {
                return Err(Text::new("lesson.error.decide_range")
                    .arg("decide", d)
                    .arg("at", o.step.at.ms())
                    .arg("until", until));
            }
            o.step.ask = Some(Ask {
                kind,
                decide: SimTime(d),
            });
            Ok(())
        }
    }
}

/// A step is complete: both narrations, an `ask` with its `decide`, a note in both languages.
fn close(o: Open) -> Result<Step, LessonError> {
    let line = o.step.line;
    if o.pending.is_some() {
        return Err(LessonError::new(
            o.ask_line.unwrap_or(line),
            Text::new("lesson.error.no_decide"),
        ));
    }
    let missing = |what: &'static str| {
        LessonError::new(
            line,
            Text::new("lesson.error.step_missing").arg("what", what),
        )
    };
    let (Some(en), Some(zh)) = (o.say_en, o.say_zh) else {
        return Err(missing("say en / say zh"));
    };
    let note = match (o.note_en, o.note_zh) {
        (None, None) => None,
        (Some(en), Some(zh)) => Some(Bilingual { en, zh }),
        _ => return Err(missing("note en / note zh")),
    };
    let mut step = o.step;
    step.say = Bilingual { en, zh };
    step.note = note;
    Ok(step)
}

fn finish(
    h: Header,
    script: Option<(Script, usize)>,
    steps: Vec<Step>,
    last_line: usize,
) -> Result<Lesson, LessonError> {
    let end = last_line.max(1);
    let missing = |what: &'static str| {
        LessonError::new(end, Text::new("lesson.error.missing").arg("what", what))
    };
    let id = h.id.ok_or_else(|| missing("lesson"))?;
    let group = h.group.ok_or_else(|| missing("group"))?;
    let title = Bilingual {
        en: h.title_en.ok_or_else(|| missing("title en"))?,
        zh: h.title_zh.ok_or_else(|| missing("title zh"))?,
    };
    let summary = Bilingual {
        en: h.summary_en.ok_or_else(|| missing("summary en"))?,
        zh: h.summary_zh.ok_or_else(|| missing("summary zh"))?,
    };
    let (mut script, _) = script.ok_or_else(|| missing("script"))?;
    if steps.is_empty() {
        return Err(missing("step"));
    }
    if let Some(b) = h.brk {
        script.config.breaks.insert(b);
    }
    Ok(Lesson {
        id,
        group,
        title,
        summary,
        minutes: h.minutes.unwrap_or(0),
        brk: h.brk,
        expect_violation: h.expect,
        script,
        steps,
    })
}
