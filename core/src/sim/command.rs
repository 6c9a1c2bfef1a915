//! Commands a user or a script gives the simulation, with their one-line text form
//! (`crash 3`, `partition 1,2|3,4,5`, `create c1 /a hello`, …).

use crate::client::recipes::RecipeSpec;
use crate::explain::Text;
use crate::ids::ServerId;
use crate::sim::usage;
use crate::zk::limits;
use crate::zk::request::Request;
use std::fmt;

/// What a ZooKeeper client process (`client C …`, the client library of `client/`) is told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ZkAction {
    /// `new ZooKeeper(connectString, sessionTimeout, watcher)`: a handle with its own
    /// connect string (shuffled with the run's seed), connecting at once.
    Connect {
        hosts: Vec<ServerId>,
        timeout_ms: u64,
    },
    /// The client process dies (kill -9): its sockets close, its session lives until it
    /// expires.
    Crash,
    /// The client process stops (a long GC pause): no pings, nothing read, nothing sent.
    Pause,
    Resume,
    /// `ZooKeeper.close()`: closeSession, its ephemerals go at once.
    Close,
    /// The client can no longer reach these servers (a network partition between the client
    /// and them); `Heal` restores every path.
    Cut(Vec<ServerId>),
    Heal,
}

/// A client operation, routed through the server the client is connected to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClientOp {
    /// create: a new node.
    Create {
        /// The node to create.
        path: String,
        /// Its data.
        data: String,
        /// Whether it is EPHEMERAL (else PERSISTENT).
        ephemeral: bool,
    },
    /// setData with any version.
    Set {
        /// The node written.
        path: String,
        /// The new data.
        data: String,
    },
    /// getData.
    Get {
        /// The node read.
        path: String,
    },
    /// delete with any version.
    Delete {
        /// The node deleted.
        path: String,
    },
    /// sync: the server catches up with the leader before the next read.
    Sync {
        /// The path named.
        path: String,
    },
    /// closeSession: end the session (its ephemerals go).
    Close,
    /// The client process dies: it stops pinging, its session will expire.
    Die,
}

/// Something done to the ensemble.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Start a configured server (first boot, or after `stop`).
    Start(ServerId),
    /// Graceful shutdown: connections close, disk stays.
    Stop(ServerId),
    /// kill -9: connections reset at once, memory lost, disk stays.
    Crash(ServerId),
    /// Start again from disk.
    Restart(ServerId),
    /// SIGSTOP: keeps its state and connections, answers nothing.
    Pause(ServerId),
    /// Let a paused server run again (its parked packets arrive).
    Resume(ServerId),
    /// Only servers in the same group talk; servers in no group form one more group.
    Partition(Vec<Vec<ServerId>>),
    /// Drop traffic from each of `from` to each of `to` (one-way).
    Block {
        /// One side of the cut.
        from: Vec<ServerId>,
        /// The other side of the cut.
        to: Vec<ServerId>,
    },
    /// Remove every cut and hold; every link carries traffic again.
    Heal,
    /// Set message loss on every link, parts per million.
    Loss(u32),
    /// Hold every message on a directed link until released.
    Hold {
        /// The sending side of the held link.
        from: ServerId,
        /// The receiving side of the held link.
        to: ServerId,
    },
    /// Deliver what a held link kept, in order, and stop holding.
    Release {
        /// The sending side of the held link.
        from: ServerId,
        /// The receiving side of the held link.
        to: ServerId,
    },
    /// Drop one in-flight message by id.
    DropMsg(u64),
    /// Delay one in-flight message (and, FIFO, those after it on its link).
    DelayMsg {
        /// The packet's id (`m7` is 7).
        id: u64,
        /// How much later it arrives, in ms.
        ms: u64,
    },
    /// `move C N`: the client reconnects its session to server N (ClientCnxn picking the next
    /// host; the server revalidates the session with the leader).
    Move {
        /// The client's name.
        client: String,
        /// The server it reconnects to.
        server: ServerId,
    },
    /// A client named `client` opens a session through `server`.
    Connect {
        /// The client's name.
        client: String,
        /// The server it connects to.
        server: ServerId,
        /// The session timeout it asks for, in ms.
        timeout_ms: u64,
    },
    /// A client operation.
    Op {
        /// The client's name.
        client: String,
        /// The operation.
        op: ClientOp,
    },
    /// Any client request, written as JSON in scripts (`request c1 {"GetData":{…}}`).
    Request {
        /// The client's name.
        client: String,
        /// The request, as the client library sends it.
        request: Box<Request>,
    },
    /// `client C connect 1,2,3 [timeout MS]`, `client C crash|pause|resume|close|heal`,
    /// `client C cut 1,2`: a ZooKeeper client library process.
    Zk {
        /// The client's name.
        client: String,
        /// What the client library process does.
        action: ZkAction,
    },
    /// `recipe C KIND PATH [ARGS]`: start a recipe on a client library process.
    Recipe {
        /// The client's name.
        client: String,
        /// Which recipe, on which path, with which options.
        spec: RecipeSpec,
    },
    /// `release C PATH`: give up what the recipe on PATH holds (unlock, abdicate, leave).
    Unlock {
        /// The client's name.
        client: String,
        /// The lock's path.
        path: String,
    },
}

fn ids(s: &str) -> Result<Vec<ServerId>, Text> {
    s.split(',').filter(|p| !p.is_empty()).map(id).collect()
}

/// A server id, 1..=255; `0`, `-1` and `4294967296` are out of range (not "no server.0").
fn id(s: &str) -> Result<ServerId, Text> {
    let t = s.trim();
    match t.parse::<i128>() {
        Ok(n) if (1..=i128::from(limits::MAX_SERVER_ID)).contains(&n) => Ok(ServerId(n as u32)),
        Ok(_) => Err(limits::server_id_out_of_range_text(t)),
        Err(_) => Err(Text::new("cmd.not_server_id").arg("word", s.to_string())),
    }
}

fn num(s: &str) -> Result<u64, Text> {
    s.parse::<u64>()
        .map_err(|_| Text::new("cmd.not_number").arg("word", s.to_string()))
}

fn join(v: &[ServerId]) -> String {
    v.iter()
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

/// `client C ACTION …` after the name.
fn zk_action(w: &[&str]) -> Result<ZkAction, Text> {
    let usage = Text::new("cmd.client_usage");
    match w {
        ["connect", hosts, more @ ..] => {
            let hosts = ids(hosts)?;
            if hosts.is_empty() {
                return Err(Text::new("cmd.empty_connect"));
            }
            let timeout_ms = match more {
                [] => 30_000,
                ["timeout", t] => num(t)?,
                _ => return Err(usage),
            };
            Ok(ZkAction::Connect { hosts, timeout_ms })
        }
        ["crash"] => Ok(ZkAction::Crash),
        ["pause"] => Ok(ZkAction::Pause),
        ["resume"] => Ok(ZkAction::Resume),
        ["close"] => Ok(ZkAction::Close),
        ["heal"] => Ok(ZkAction::Heal),
        ["cut", servers] => Ok(ZkAction::Cut(ids(servers)?)),
        _ => Err(usage),
    }
}

impl fmt::Display for ZkAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ZkAction::Connect { hosts, timeout_ms } => {
                write!(f, "connect {} timeout {timeout_ms}", join(hosts))
            }
            ZkAction::Crash => f.write_str("crash"),
            ZkAction::Pause => f.write_str("pause"),
            ZkAction::Resume => f.write_str("resume"),
            ZkAction::Close => f.write_str("close"),
            ZkAction::Heal => f.write_str("heal"),
            ZkAction::Cut(s) => write!(f, "cut {}", join(s)),
        }
    }
}

impl Command {
    /// Parse one command line; the error in English (`help` answers the command list).
    pub fn parse(line: &str) -> Result<Command, String> {
        Command::parse_text(line).map_err(|t| t.en())
    }

    /// [`Command::parse`] with the error by key (`cmd.*`; `cmd.help` is the command list), to
    /// render in any language.
    pub fn parse_text(line: &str) -> Result<Command, Text> {
        let w: Vec<&str> = line.split_whitespace().collect();
        let in_line = |e: Text| {
            Text::new("cmd.in_line")
                .arg("line", line.to_string())
                .arg("error", e)
        };
        let arg = |i: usize| {
            w.get(i)
                .copied()
                .ok_or_else(|| Text::new("cmd.missing_argument").arg("line", line.to_string()))
        };
        let rest = |i: usize| w.get(i..).map(|r| r.join(" ")).unwrap_or_default();
        let client = |op: ClientOp| -> Result<Command, Text> {
            Ok(Command::Op {
                client: arg(1)?.to_string(),
                op,
            })
        };
        let name = usage::name(w.first().copied().unwrap_or(""))?;
        usage::check_words(&name, w.len(), line)?;
        match name.as_str() {
            "help" => Err(Text::new("cmd.help")),
            "start" => Ok(Command::Start(id(arg(1)?)?)),
            "stop" => Ok(Command::Stop(id(arg(1)?)?)),
            "crash" => Ok(Command::Crash(id(arg(1)?)?)),
            "restart" => Ok(Command::Restart(id(arg(1)?)?)),
            "pause" => Ok(Command::Pause(id(arg(1)?)?)),
            "resume" => Ok(Command::Resume(id(arg(1)?)?)),
            "partition" => {
                let groups: Vec<Vec<ServerId>> =
                    arg(1)?.split('|').map(ids).collect::<Result<_, _>>()?;
                // `partition ,` named no server (and printed back as `partition `).
                if groups.iter().all(Vec::is_empty) {
                    return Err(Text::new("cmd.partition_empty").arg("line", line.to_string()));
                }
                Ok(Command::Partition(groups))
            }
            "block" => {
                let (from, to) = (ids(arg(1)?)?, ids(arg(2)?)?);
                // `block 3 ,` blocked nothing (and printed back as `block 3 `).
                if from.is_empty() || to.is_empty() {
                    return Err(Text::new("cmd.block_empty").arg("line", line.to_string()));
                }
                Ok(Command::Block { from, to })
            }
            "heal" => Ok(Command::Heal),
            "loss" => Ok(Command::Loss(
                u32::try_from(num(arg(1)?)?)
                    .ok()
                    .filter(|p| *p <= 1_000_000)
                    .ok_or_else(|| Text::new("cmd.loss_range"))?,
            )),
            "hold" => Ok(Command::Hold {
                from: id(arg(1)?)?,
                to: id(arg(2)?)?,
            }),
            "release" if w.get(2).is_some_and(|p| p.starts_with('/')) => Ok(Command::Unlock {
                client: arg(1)?.to_string(),
                path: arg(2)?.to_string(),
            }),
            "client" => Ok(Command::Zk {
                client: arg(1)?.to_string(),
                action: zk_action(&w[2..]).map_err(in_line)?,
            }),
            "recipe" => Ok(Command::Recipe {
                client: arg(1)?.to_string(),
                spec: RecipeSpec::parse(&w[2..]).map_err(in_line)?,
            }),
            "release" => Ok(Command::Release {
                from: id(arg(1)?)?,
                to: id(arg(2)?)?,
            }),
            "dropmsg" => Ok(Command::DropMsg(num(arg(1)?)?)),
            "delaymsg" => Ok(Command::DelayMsg {
                id: num(arg(1)?)?,
                ms: limits::span_text(Text::new("limits.the_delay"), num(arg(2)?)?)?,
            }),
            "connect" => Ok(Command::Connect {
                client: arg(1)?.to_string(),
                server: id(arg(2)?)?,
                timeout_ms: w.get(3).map_or(Ok(30_000), |t| num(t))?,
            }),
            "create" => usage::create(&w, line),
            "delete" => client(ClientOp::Delete {
                path: arg(2)?.to_string(),
            }),
            "die" => client(ClientOp::Die),
            "move" => Ok(Command::Move {
                client: arg(1)?.to_string(),
                server: id(arg(2)?)?,
            }),
            "set" => client(ClientOp::Set {
                path: arg(2)?.to_string(),
                data: rest(3),
            }),
            "get" => client(ClientOp::Get {
                path: arg(2)?.to_string(),
            }),
            "sync" => client(ClientOp::Sync {
                path: arg(2)?.to_string(),
            }),
            "close" => client(ClientOp::Close),
            "request" => {
                let json = line
                    .splitn(3, char::is_whitespace)
                    .nth(2)
                    .unwrap_or_default();
                let request = serde_json::from_str::<Request>(json).map_err(|e| {
                    Text::new("cmd.bad_json")
                        .arg("line", line.to_string())
                        .arg("error", e.to_string())
                })?;
                Ok(Command::Request {
                    client: arg(1)?.to_string(),
                    request: Box::new(request),
                })
            }
            "" => Err(Text::new("cmd.empty")),
            other => Err(Text::new("cmd.unknown").arg("name", other.to_string())),
        }
    }
}

impl fmt::Display for Command {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Command::Start(i) => write!(f, "start {i}"),
            Command::Stop(i) => write!(f, "stop {i}"),
            Command::Crash(i) => write!(f, "crash {i}"),
            Command::Restart(i) => write!(f, "restart {i}"),
            Command::Pause(i) => write!(f, "pause {i}"),
            Command::Resume(i) => write!(f, "resume {i}"),
            Command::Partition(g) => write!(
                f,
                "partition {}",
                g.iter().map(|g| join(g)).collect::<Vec<_>>().join("|")
            ),
            Command::Block { from, to } => write!(f, "block {} {}", join(from), join(to)),
            Command::Heal => write!(f, "heal"),
            Command::Loss(p) => write!(f, "loss {p}"),
            Command::Hold { from, to } => write!(f, "hold {from} {to}"),
            Command::Release { from, to } => write!(f, "release {from} {to}"),
            Command::DropMsg(id) => write!(f, "dropmsg {id}"),
            Command::DelayMsg { id, ms } => write!(f, "delaymsg {id} {ms}"),
            Command::Connect {
                client,
                server,
                timeout_ms,
            } => write!(f, "connect {client} {server} {timeout_ms}"),
            Command::Move { client, server } => write!(f, "move {client} {server}"),
            Command::Zk { client, action } => write!(f, "client {client} {action}"),
            Command::Recipe { client, spec } => write!(f, "recipe {client} {spec}"),
            Command::Unlock { client, path } => write!(f, "release {client} {path}"),
            Command::Request { client, request } => {
                if let Some(t) = usage::create_text(client, request) {
                    return f.write_str(&t);
                }
                let json = serde_json::to_string(request).map_err(|_| fmt::Error)?;
                write!(f, "request {client} {json}")
            }
            Command::Op { client, op } => match op {
                ClientOp::Create {
                    path,
                    data,
                    ephemeral: false,
                } => write!(f, "create {client} {path} {data}"),
                ClientOp::Create {
                    path,
                    data,
                    ephemeral: true,
                } => write!(f, "create {client} -e {path} {data}"),
                ClientOp::Delete { path } => write!(f, "delete {client} {path}"),
                ClientOp::Die => write!(f, "die {client}"),
                ClientOp::Set { path, data } => write!(f, "set {client} {path} {data}"),
                ClientOp::Get { path } => write!(f, "get {client} {path}"),
                ClientOp::Sync { path } => write!(f, "sync {client} {path}"),
                ClientOp::Close => write!(f, "close {client}"),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `crash 4294967296`, `crash -1` and `crash 0` named "no server.0".
    #[test]
    fn server_ids_out_of_range_are_clear_errors() {
        for bad in ["0", "-1", "256", "4294967296", "99999999999999999999999"] {
            for line in [format!("crash {bad}"), format!("partition 1,{bad}|2")] {
                let e = Command::parse(&line).unwrap_err();
                assert!(e.contains(bad) && e.contains("1..=255"), "{line}: {e}");
            }
        }
        assert_eq!(
            Command::parse("crash 255"),
            Ok(Command::Crash(ServerId(255)))
        );
        assert!(
            Command::parse("crash x")
                .unwrap_err()
                .contains("not a server id")
        );
    }

    /// Found by the parser fuzzer: these parsed to commands that print back as text the
    /// parser refuses (`block 3 `, `partition `).
    #[test]
    fn empty_id_lists_are_refused() {
        for line in ["block 3 ,", "block , 3,4", "partition ,", "partition |"] {
            let e = Command::parse(line).unwrap_err();
            assert!(e.contains("server"), "{line}: {e}");
        }
        let p = Command::parse("partition 1,2|").unwrap();
        assert_eq!(Command::parse(&p.to_string()), Ok(p));
    }

    #[test]
    fn delays_beyond_a_day_are_refused() {
        let e = Command::parse("delaymsg 3 18446744073709551615").unwrap_err();
        assert!(e.contains("24 h"), "{e}");
        assert!(Command::parse("delaymsg 3 86400000").is_ok());
    }
}
