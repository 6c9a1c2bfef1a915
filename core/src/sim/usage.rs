//! The command line's grammar: each command's usage and help text (by key,
//! so `help` translates), how many words it takes (so `crash 3 4` or `heal now` are refused
//! instead of half-read), case rules, and zkCli's `create` flags.
//!
//! Ensemble commands are this simulator's own and case-insensitive (`CRASH 2`); the zkCli
//! operations (`create`, `set`, `get`, `delete`, `sync`) are case-sensitive as in zkCli 3.8.

use crate::explain::{Lang, Text};
use crate::sim::command::{ClientOp, Command};
use crate::zk::acl::Acl;
use crate::zk::request::{CreateMode, Request};

/// One command: name, usage, words (name included) it takes, help key.
pub struct Usage {
    /// The command's first word.
    pub name: &'static str,
    /// Its usage line.
    pub usage: &'static str,
    /// The fewest words it takes, its name included.
    pub min_words: usize,
    /// `None`: the rest of the line is data.
    pub max_words: Option<usize>,
    /// Its help text's key.
    pub help: &'static str,
}

const fn u(
    name: &'static str,
    usage: &'static str,
    min_words: usize,
    max_words: Option<usize>,
    help: &'static str,
) -> Usage {
    Usage {
        name,
        usage,
        min_words,
        max_words,
        help,
    }
}

/// Every command of the scenario / page command line.
pub const COMMANDS: &[Usage] = &[
    u("start", "start SERVER", 2, Some(2), "help.start"),
    u("stop", "stop SERVER", 2, Some(2), "help.stop"),
    u("crash", "crash SERVER", 2, Some(2), "help.crash"),
    u("restart", "restart SERVER", 2, Some(2), "help.restart"),
    u("pause", "pause SERVER", 2, Some(2), "help.pause"),
    u("resume", "resume SERVER", 2, Some(2), "help.resume"),
    u(
        "partition",
        "partition 1,2|3,4,5",
        2,
        Some(2),
        "help.partition",
    ),
    u("block", "block FROM,… TO,…", 3, Some(3), "help.block"),
    u("heal", "heal", 1, Some(1), "help.heal"),
    u("loss", "loss PPM", 2, Some(2), "help.loss"),
    u("hold", "hold FROM TO", 3, Some(3), "help.hold"),
    u(
        "release",
        "release FROM TO | release CLIENT PATH",
        3,
        Some(3),
        "help.release",
    ),
    u("dropmsg", "dropmsg ID", 2, Some(2), "help.dropmsg"),
    u("delaymsg", "delaymsg ID MS", 3, Some(3), "help.delaymsg"),
    u(
        "connect",
        "connect CLIENT SERVER [TIMEOUT_MS]",
        3,
        Some(4),
        "help.connect",
    ),
    u("move", "move CLIENT SERVER", 3, Some(3), "help.move"),
    u(
        "create",
        "create CLIENT [-s] [-e] [-c] [-t TTL] PATH [DATA]",
        3,
        None,
        "help.create",
    ),
    u("set", "set CLIENT PATH [DATA]", 3, None, "help.set"),
    u("get", "get CLIENT PATH", 3, Some(3), "help.get"),
    u("delete", "delete CLIENT PATH", 3, Some(3), "help.delete"),
    u("sync", "sync CLIENT PATH", 3, Some(3), "help.sync"),
    u("close", "close CLIENT", 2, Some(2), "help.close"),
    u("die", "die CLIENT", 2, Some(2), "help.die"),
    u("request", "request CLIENT {JSON}", 3, None, "help.request"),
    u(
        "client",
        "client CLIENT connect 1,2,3 [timeout MS] | crash | pause | resume | close | heal | cut 1,2",
        3,
        None,
        "help.client",
    ),
    u(
        "recipe",
        "recipe CLIENT lock|election|config|group PATH, lock PATH fair, rwlock PATH read|write, queue PATH put ITEM|take, barrier PATH N",
        4,
        None,
        "help.recipe",
    ),
    u("help", "help", 1, Some(1), "help.help"),
];

/// zkCli's own commands: case-sensitive.
const ZKCLI: &[&str] = &["create", "set", "get", "delete", "sync", "close"];

/// `help`: every command with its usage and a sentence by key.
#[must_use]
pub fn help() -> Vec<(&'static str, Text)> {
    COMMANDS
        .iter()
        .map(|c| (c.usage, Text::new(c.help)))
        .collect()
}

/// `help` rendered in English, one command a line.
#[must_use]
pub fn help_en() -> String {
    help_in(Lang::En)
}

/// `help` rendered in `lang`, one command a line (the usages are the command language itself
/// and stay as typed).
#[must_use]
pub fn help_in(lang: Lang) -> String {
    help()
        .iter()
        .map(|(usage, t)| format!("{usage:<46} {}", t.render(lang)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The command's name as matched: ensemble commands in any case, zkCli ones exactly.
pub fn name(word: &str) -> Result<String, Text> {
    let lower = word.to_ascii_lowercase();
    if ZKCLI.contains(&lower.as_str()) && lower != word {
        return Err(Text::new("cmd.case")
            .arg("word", word.to_string())
            .arg("lower", lower));
    }
    Ok(lower)
}

/// Refuse a line with too few or too many words for its command.
pub fn check_words(name: &str, words: usize, line: &str) -> Result<(), Text> {
    let Some(c) = COMMANDS.iter().find(|c| c.name == name) else {
        return Ok(());
    };
    let refuse = |key| {
        Err(Text::new(key)
            .arg("line", line.to_string())
            .arg("usage", c.usage))
    };
    if words < c.min_words {
        return refuse("cmd.missing_usage");
    }
    if c.max_words.is_some_and(|m| words > m) {
        return refuse("cmd.too_many");
    }
    Ok(())
}

/// `create CLIENT [-s] [-e] [-c] [-t TTL] PATH [DATA…]` with zkCli 3.8's flag rules
/// (`CreateCommand`). Plain and `-e` creates stay `ClientOp::Create`; the other modes are sent
/// as the `Request` they are.
pub fn create(w: &[&str], line: &str) -> Result<Command, Text> {
    let client = w
        .get(1)
        .ok_or_else(|| Text::new("cmd.missing_argument").arg("line", line.to_string()))?;
    let (mut e, mut s, mut c, mut ttl) = (false, false, false, None);
    let mut i = 2;
    while let Some(flag) = w.get(i).filter(|f| f.starts_with('-') && f.len() > 1) {
        match *flag {
            "-e" => e = true,
            "-s" => s = true,
            "-c" => c = true,
            "-t" => {
                i += 1;
                let v = w
                    .get(i)
                    .and_then(|v| v.parse::<i64>().ok())
                    .ok_or_else(|| Text::new("zkcli.ttl_not_long"))?;
                ttl = Some(v);
            }
            other => {
                return Err(Text::new("cmd.create_option")
                    .arg("line", line.to_string())
                    .arg("option", other.to_string()));
            }
        }
        i += 1;
    }
    let path = w
        .get(i)
        .ok_or_else(|| Text::new("cmd.create_path").arg("line", line.to_string()))?
        .to_string();
    let data = w.get(i + 1..).map(|r| r.join(" ")).unwrap_or_default();
    if c && (e || s) {
        return Err(Text::new("zkcli.container_flags"));
    }
    if ttl.is_some() && e {
        return Err(Text::new("zkcli.ttl_ephemeral"));
    }
    if ttl.is_some() && c {
        return Err(Text::new("zkcli.ttl_container"));
    }
    if ttl.is_some_and(|t| t <= 0) {
        return Err(Text::new("zkcli.ttl_positive"));
    }
    let mode = match (e, s, c, ttl.is_some()) {
        (true, true, ..) => CreateMode::EphemeralSequential,
        (true, false, ..) => CreateMode::Ephemeral,
        (false, true, _, true) => CreateMode::PersistentSequentialWithTtl,
        (false, true, _, false) => CreateMode::PersistentSequential,
        (false, false, true, _) => CreateMode::Container,
        (false, false, false, true) => CreateMode::PersistentWithTtl,
        _ => CreateMode::Persistent,
    };
    let client = client.to_string();
    if matches!(mode, CreateMode::Persistent | CreateMode::Ephemeral) {
        return Ok(Command::Op {
            client,
            op: ClientOp::Create {
                path,
                data,
                ephemeral: e,
            },
        });
    }
    Ok(Command::Request {
        client,
        request: Box::new(Request::Create {
            path,
            data: Some(data.into_bytes()),
            acl: Acl::open_unsafe(),
            mode,
            ttl: ttl.unwrap_or(-1),
        }),
    })
}

/// The zkCli form of a `create` request made by [`create`] (for `Display`), if it is one.
#[must_use]
pub fn create_text(client: &str, r: &Request) -> Option<String> {
    let Request::Create {
        path,
        data,
        acl,
        mode,
        ttl,
    } = r
    else {
        return None;
    };
    let data = std::str::from_utf8(data.as_deref()?).ok()?;
    if *acl != Acl::open_unsafe() || path.contains(char::is_whitespace) || path.starts_with('-') {
        return None;
    }
    let flags = match (mode, *ttl) {
        (CreateMode::PersistentSequential, -1) => "-s".to_string(),
        (CreateMode::EphemeralSequential, -1) => "-e -s".to_string(),
        (CreateMode::Container, -1) => "-c".to_string(),
        (CreateMode::PersistentWithTtl, t) if t > 0 => format!("-t {t}"),
        (CreateMode::PersistentSequentialWithTtl, t) if t > 0 => format!("-s -t {t}"),
        _ => return None,
    };
    Some(
        format!("create {client} {flags} {path} {data}")
            .trim_end()
            .to_string(),
    )
}
