//! The ensemble behind the JSON-lines api (docs/ensemble.md). Until an `ensemble` op arrives it
//! is the standalone server; after it, client requests go through the chosen server of a
//! simulated ensemble (`"server": N` on `connect`), reads served there, writes forwarded to the
//! leader. A request that cannot be answered yet (no quorum) waits in simulated time up to the
//! client's session timeout and then fails with ConnectionLoss, as a real client would.

use crate::ids::{ServerId, SessionId};
use crate::sim::command::{ClientOp, Command};
use crate::sim::kernel::Status;
use crate::sim::simulation::Simulation;
use crate::time::SimTime;
use crate::tools::api::{Backend, Events, Fields, Obj, int_field, str_field};
use crate::zab::config::Config;
use crate::zab::proto::ServerState;
use crate::zab::server::outbox::Phase;
use crate::zk::code::Code;
use crate::zk::limits;
use crate::zk::request::{Request, Response};
use crate::zk::standalone::StandaloneServer;
use serde_json::Value;
use std::collections::BTreeMap;

/// A simulated ensemble and the api's clients in it.
pub struct Ensemble {
    /// The simulation.
    pub sim: Simulation,
    names: BTreeMap<SessionId, String>,
    made: u64,
    /// Watch events already reported, per client name.
    seen: BTreeMap<String, usize>,
    last_run_events: u64,
}

/// Standalone until `ensemble`, then the ensemble.
pub struct ZabBackend {
    /// The standalone server, used until `ensemble`.
    pub standalone: StandaloneServer,
    /// The ensemble, once started.
    pub ensemble: Option<Ensemble>,
}

impl ZabBackend {
    /// A backend that starts standalone.
    #[must_use]
    pub fn new(standalone: StandaloneServer) -> Self {
        ZabBackend {
            standalone,
            ensemble: None,
        }
    }
}

impl Ensemble {
    fn new(config: Config, seed: u64) -> Result<Ensemble, String> {
        let mut sim = Simulation::new(config, seed).map_err(|e| e.to_string())?;
        sim.keep_trace(false);
        sim.check_invariants(true);
        Ok(Ensemble {
            sim,
            names: BTreeMap::new(),
            made: 0,
            seen: BTreeMap::new(),
            last_run_events: 0,
        })
    }

    fn client_of(&self, session: SessionId) -> Option<String> {
        self.names.get(&session).cloned()
    }

    /// Apply a command now and run until `done` or `max_ms` pass; returns the events count.
    fn drive(
        &mut self,
        c: Command,
        max_ms: u64,
        done: impl Fn(&Simulation) -> bool,
    ) -> Result<u64, String> {
        let key = self.sim.apply_keyed(c).map_err(|e| e.0)?;
        let mut n = self.sim.step().len() as u64;
        let end = self.sim.now().plus_ms(max_ms);
        let mut steps = 1;
        // The command takes effect before the answer: what was already due at this instant
        // runs first (agenda order), then the command itself, so `pause` then `status` at the
        // same moment says "paused".
        while self.sim.kernel().agenda.contains_key(&key) {
            if steps >= self.sim.step_cap() {
                return Err(limits::step_cap(steps, self.sim.now().ms()));
            }
            n += self.sim.step().len() as u64;
            steps += 1;
        }
        while !done(&self.sim) && self.sim.kernel().next_time().is_some_and(|t| t <= end) {
            if steps >= self.sim.step_cap() {
                return Err(limits::step_cap(steps, self.sim.now().ms()));
            }
            n += self.sim.step().len() as u64;
            steps += 1;
        }
        Ok(n)
    }

    /// The answer to the client's request `cxid`, if any.
    /// (cxid 0 is reused by reconnects: only answers to requests issued at `since` or later.)
    fn answer(sim: &Simulation, name: &str, cxid: i32, since: SimTime) -> Option<Option<Response>> {
        let c = sim.kernel().clients.iter().find(|c| c.name == name)?;
        c.results
            .iter()
            .rev()
            .find(|r| r.cxid == cxid && r.issued >= since)
            .map(|r| r.response.clone())
    }

    fn wait_reply(&mut self, name: &str, cxid: i32, command: Command) -> Result<Response, String> {
        let timeout = self
            .sim
            .kernel()
            .clients
            .iter()
            .find(|c| c.name == name)
            .map_or(30_000, |c| c.timeout_ms);
        let who = name.to_string();
        let since = self.sim.now();
        // A request waits up to its session timeout, and never longer than one command may run.
        let wait = timeout.saturating_add(1).min(limits::MAX_SPAN_MS);
        self.drive(command, wait, |s| {
            Ensemble::answer(s, &who, cxid, since).is_some()
        })?;
        let r = Ensemble::answer(&self.sim, name, cxid, since).flatten();
        Ok(r.unwrap_or_else(|| Response::err(Code::ConnectionLoss)))
    }

    fn next_cxid(&self, name: &str) -> i32 {
        self.sim
            .kernel()
            .clients
            .iter()
            .find(|c| c.name == name)
            .map_or(0, |c| c.next_cxid)
    }

    /// Watch events the clients received since the last call.
    fn new_events(&mut self) -> Events {
        let mut out = Vec::new();
        for c in &self.sim.kernel().clients {
            let seen = self.seen.entry(c.name.clone()).or_insert(0);
            if c.events.len() > *seen {
                out.extend(c.events[*seen..].iter().map(|e| (c.session, e.clone())));
            }
            *seen = c.events.len();
        }
        out
    }

    fn status(&self) -> Obj {
        let v = self.sim.view();
        let servers: Vec<crate::tools::api::Json> = v
            .servers
            .iter()
            .map(|s| {
                let state = s.state.map_or_else(|| format!("{:?}", s.status).to_uppercase(), |x| x.to_string());
                let mut o = Obj::new()
                    .with("myid", u64::from(s.myid))
                    .with("state", state)
                    .with("phase", s.phase.map_or(String::new(), |p| p.to_string()))
                    .with("currentEpoch", u64::from(s.current_epoch))
                    .with("acceptedEpoch", u64::from(s.accepted_epoch))
                    .with("lastLoggedZxid", s.last_logged.to_string())
                    .with("lastCommittedZxid", s.last_committed.to_string())
                    .with("leader", s.leader.map_or(Value::Null, |l| Value::from(l.0)))
                    .with("process", process_name(s.status));
                let vote = s.vote.map_or(Value::Null, |v| {
                    serde_json::json!({"leader": v.leader.map(|l| l.0), "zxid": v.zxid.to_string(), "peerEpoch": v.peer_epoch})
                });
                o.set("vote", vote);
                o.into()
            })
            .collect();
        let clients: Vec<Value> = v.zk_clients.iter().map(zk_client_json).collect();
        Obj::new()
            .with("op", "status")
            .with("ok", true)
            .with("now_ms", v.now.ms())
            .with("servers", servers)
            .with("clients", Value::from(clients))
    }
}

/// A server process: running, paused (SIGSTOP: state kept, nothing answered), crashed, or
/// stopped (never started, or stopped cleanly).
fn process_name(s: Status) -> &'static str {
    match s {
        Status::Up => "running",
        Status::Paused => "paused",
        Status::Crashed => "crashed",
        Status::Off => "stopped",
    }
}

/// `"server": N`, 1..=255 (−1, 0 and 2^32 are out of range, not "no server.0").
fn server_field(f: &Fields) -> Result<Option<ServerId>, String> {
    match f.get("server") {
        Some(Value::Number(n)) if n.as_i64().is_none() => {
            Err(limits::server_id_out_of_range(&n.to_string()))
        }
        _ => int_field(f, "server")?
            .map(|n| limits::server_id(n).map(ServerId))
            .transpose(),
    }
}

impl Backend for ZabBackend {
    fn connect(&mut self, timeout_ms: i32, fields: &Fields) -> Result<(Response, Events), String> {
        let Some(e) = self.ensemble.as_mut() else {
            return Backend::connect(&mut self.standalone, timeout_ms, fields);
        };
        let server = match server_field(fields)? {
            Some(s) => s,
            None => e
                .sim
                .view()
                .servers
                .iter()
                .find(|s| s.status == Status::Up)
                .map(|s| ServerId(s.myid))
                .ok_or("no server is running")?,
        };
        e.made += 1;
        let name = format!("api{}", e.made);
        let c = Command::Connect {
            client: name.clone(),
            server,
            timeout_ms: u64::try_from(timeout_ms).unwrap_or(0),
        };
        let r = e.wait_reply(&name, 0, c)?;
        if let Some(c) = e.sim.kernel().clients.iter().find(|c| c.name == name) {
            e.names.insert(c.session, name.clone());
        }
        let ev = e.new_events();
        Ok((r, ev))
    }

    fn reconnect(
        &mut self,
        session: SessionId,
        fields: &Fields,
    ) -> Option<Result<(Response, Events, Option<String>), String>> {
        let e = self.ensemble.as_mut()?;
        Some(e.move_session(session, fields))
    }

    fn submit(&mut self, session: SessionId, req: Request) -> (Response, Events) {
        let Some(e) = self.ensemble.as_mut() else {
            return Backend::submit(&mut self.standalone, session, req);
        };
        let Some(name) = e.client_of(session) else {
            return (Response::err(Code::SessionExpired), Vec::new());
        };
        let cxid = e.next_cxid(&name);
        let c = Command::Request {
            client: name.clone(),
            request: Box::new(req),
        };
        let r = e
            .wait_reply(&name, cxid, c)
            .unwrap_or_else(|_| Response::err(Code::ConnectionLoss));
        (r, e.new_events())
    }

    fn disconnect(&mut self, session: SessionId) {
        match self.ensemble.as_mut() {
            None => Backend::disconnect(&mut self.standalone, session),
            Some(e) => {
                if let Some(name) = e.client_of(session) {
                    let _ = e.drive(
                        Command::Op {
                            client: name,
                            op: ClientOp::Die,
                        },
                        0,
                        |_| true,
                    );
                }
            }
        }
    }

    fn expire(&mut self, session: SessionId) -> Events {
        if self.ensemble.is_none() {
            return Backend::expire(&mut self.standalone, session);
        }
        self.disconnect(session);
        let Some(e) = self.ensemble.as_mut() else {
            return Vec::new();
        };
        let gone = |s: &Simulation| {
            s.kernel()
                .nodes
                .iter()
                .filter_map(|n| n.server.as_ref())
                .filter(|x| x.serving())
                .all(|x| !x.core.replica.db.sessions().contains_key(&session))
        };
        let _ = e.sim.run_until(120_000, gone);
        e.new_events()
    }

    fn run(&mut self, ms: u64) -> Result<Events, String> {
        let Some(e) = self.ensemble.as_mut() else {
            return Backend::run(&mut self.standalone, ms);
        };
        e.last_run_events = e.sim.try_run_for(ms).map_err(|x| x.0)? as u64;
        Ok(e.new_events())
    }

    fn now(&self) -> SimTime {
        self.ensemble
            .as_ref()
            .map_or_else(|| Backend::now(&self.standalone), |e| e.sim.now())
    }

    fn four_letter(&mut self, word: &str, fields: &Fields) -> Result<String, String> {
        let Some(e) = self.ensemble.as_ref() else {
            return Backend::four_letter(&mut self.standalone, word, fields);
        };
        let id = server_field(fields)?.ok_or("4lw on an ensemble needs 'server'")?;
        let now = e.sim.now();
        let node = e
            .sim
            .kernel()
            .nodes
            .iter()
            .find(|n| n.id == id)
            .ok_or(format!("no server.{id}"))?;
        match (&node.server, node.status) {
            (Some(s), Status::Up) => s
                .four_letter(word, now)
                .ok_or_else(|| format!("unknown four-letter word '{word}'")),
            // A crashed/stopped server refuses the connection; a paused one never answers.
            _ => Err(format!(
                "server.{id} is not answering (status {:?})",
                node.status
            )),
        }
    }

    fn extra_op(&mut self, op: &str, f: &Fields) -> Option<Result<Obj, String>> {
        Some(match op {
            "ensemble" => self.ensemble_op(f),
            "start" | "stop" | "crash" | "restart" | "pause" | "resume" | "partition" | "heal"
            | "runUntil" | "status" | "client" | "recipe" | "release" => {
                let Some(e) = self.ensemble.as_mut() else {
                    return Some(Err(format!(
                        "'{op}' needs an ensemble: send {{\"op\":\"ensemble\",...}} first"
                    )));
                };
                e.control(op, f)
            }
            _ => return None,
        })
    }

    fn last_run_events(&self) -> Option<u64> {
        self.ensemble.as_ref().map(|e| e.last_run_events)
    }
}

impl ZabBackend {
    fn ensemble_op(&mut self, f: &Fields) -> Result<Obj, String> {
        let text = str_field(f, "config")?;
        let config = Config::parse(text).map_err(|e| e.to_string())?;
        let seed = int_field(f, "seed")?.map_or(0, |s| s as u64);
        let n = config.servers.len();
        self.ensemble = Some(Ensemble::new(config, seed)?);
        Ok(Obj::new()
            .with("op", "ensemble")
            .with("ok", true)
            .with("servers", n as u64)
            .with("seed", seed))
    }
}

impl Ensemble {
    /// `connect` on a live session with `server`: the client moves there (`move C N`).
    fn move_session(
        &mut self,
        session: SessionId,
        f: &Fields,
    ) -> Result<(Response, Events, Option<String>), String> {
        let server = server_field(f)?.ok_or("moving a session needs 'server'")?;
        let name = self.client_of(session).ok_or("unknown session")?;
        let c = Command::Move {
            client: name.clone(),
            server,
        };
        let r = self.wait_reply(&name, 0, c)?;
        let why = self
            .sim
            .kernel()
            .clients
            .iter()
            .find(|c| c.name == name)
            .and_then(|c| c.refused.clone());
        Ok((r, self.new_events(), why))
    }

    fn control(&mut self, op: &str, f: &Fields) -> Result<Obj, String> {
        let id = || -> Result<ServerId, String> {
            server_field(f)?.ok_or_else(|| format!("'{op}' needs 'server'"))
        };
        let cmd = match op {
            "start" => Command::Start(id()?),
            "stop" => Command::Stop(id()?),
            "crash" => Command::Crash(id()?),
            "restart" => Command::Restart(id()?),
            "pause" => Command::Pause(id()?),
            "resume" => Command::Resume(id()?),
            "heal" => Command::Heal,
            "partition" => Command::Partition(groups(f)?),
            "status" => return Ok(self.status()),
            "client" | "recipe" | "release" => return self.zk_op(op, f),
            _ => return self.run_until(f),
        };
        let n = self.drive(cmd, 0, |_| true)?;
        Ok(Obj::new()
            .with("op", op)
            .with("ok", true)
            .with("now_ms", self.sim.now().ms())
            .with("trace_events", n))
    }

    /// `runUntil` `leader: true`: step until a leader is established (max `max_ms`).
    fn run_until(&mut self, f: &Fields) -> Result<Obj, String> {
        let max = match int_field(f, "max_ms")? {
            None => 60_000,
            Some(m) => u64::try_from(m).map_err(|_| "'max_ms' must be ≥ 0".to_string())?,
        };
        let want_leader = f.get("leader").and_then(Value::as_bool).unwrap_or(true);
        let reached = self
            .sim
            .try_run_until(max, |s| want_leader && has_leader(s))
            .map_err(|e| e.0)?;
        let leader = self.sim.view().leaders().first().copied();
        Ok(Obj::new()
            .with("op", "runUntil")
            .with("ok", reached)
            .with("now_ms", self.sim.now().ms())
            .with("leader", leader.map_or(Value::Null, Value::from)))
    }
}

/// `!sim.view().leaders().is_empty()` without building the view (a copy of every tree and
/// log) at each step: some server is LEADING in BROADCAST.
fn has_leader(sim: &Simulation) -> bool {
    sim.kernel()
        .nodes
        .iter()
        .filter_map(|n| n.server.as_ref())
        .any(|s| s.state() == ServerState::Leading && s.phase() == Phase::Broadcast)
}

impl Ensemble {
    /// `client` / `recipe` / `release`: the command is checked (a refused one changes
    /// nothing), applied, and carried out; the answer is the client's state afterwards.
    fn zk_op(&mut self, op: &str, f: &Fields) -> Result<Obj, String> {
        let client = str_field(f, "client")?.to_string();
        let text = |k: &str| f.get(k).and_then(Value::as_str);
        let cmd = match op {
            "client" => {
                let action = text("action").ok_or(
                    "'client' needs 'action': connect, crash, pause, resume, close, cut or heal",
                )?;
                let servers = match f.get("servers") {
                    Some(Value::Array(ids)) => ids
                        .iter()
                        .map(|i| {
                            i.as_u64()
                                .and_then(|i| u32::try_from(i).ok())
                                .map(|i| i.to_string())
                                .ok_or_else(|| "'servers' are server ids".to_string())
                        })
                        .collect::<Result<Vec<_>, _>>()?
                        .join(","),
                    Some(_) => return Err("'servers' is a list of server ids: [1,2,3]".into()),
                    None => String::new(),
                };
                let line = match action {
                    "connect" => {
                        if servers.is_empty() {
                            return Err("'connect' needs 'servers': [1,2,3]".into());
                        }
                        let t = int_field(f, "timeout_ms")?.unwrap_or(30_000);
                        format!("client {client} connect {servers} timeout {t}")
                    }
                    "cut" => format!("client {client} cut {servers}"),
                    other => format!("client {client} {other}"),
                };
                Command::parse(&line)?
            }
            "recipe" => {
                let kind = text("kind").ok_or(
                    "'recipe' needs 'kind': lock, rwlock, election, queue, config or group",
                )?;
                let path = text("path").ok_or("'recipe' needs 'path'")?;
                let extra = match kind {
                    "lock" if f.get("fair").and_then(Value::as_bool) == Some(true) => {
                        " fair".to_string()
                    }
                    "rwlock" => format!(
                        " {}",
                        text("mode").ok_or("'rwlock' needs 'mode': read or write")?
                    ),
                    "barrier" => format!(
                        " {}",
                        int_field(f, "count")?.ok_or("'barrier' needs 'count'")?
                    ),
                    "queue" => match text("action") {
                        Some("put") => {
                            format!(" put {}", text("item").ok_or("'queue' put needs 'item'")?)
                        }
                        Some("take") => " take".to_string(),
                        _ => return Err("'queue' needs 'action': put or take".into()),
                    },
                    _ => String::new(),
                };
                Command::parse(&format!("recipe {client} {kind} {path}{extra}"))?
            }
            _ => {
                let path = text("path").ok_or("'release' needs 'path'")?;
                Command::parse(&format!("release {client} {path}"))?
            }
        };
        let pending = cmd.clone();
        let n = self.drive(cmd, 0, move |s| {
            !s.kernel()
                .agenda
                .values()
                .any(|i| matches!(i, crate::sim::kernel::Item::Command(c) if **c == pending))
        })?;
        let v = self.sim.view();
        let state = v
            .zk_clients
            .iter()
            .find(|c| c.name == client)
            .map_or(Value::Null, zk_client_json);
        Ok(Obj::new()
            .with("op", op)
            .with("ok", true)
            .with("now_ms", v.now.ms())
            .with("trace_events", n)
            .with("state", state))
    }
}

/// A client library process as JSON (`status` and the client ops).
fn zk_client_json(c: &crate::sim::view::ZkClientView) -> Value {
    let ids = |v: &[ServerId]| v.iter().map(|s| s.0).collect::<Vec<_>>();
    let recipes: Vec<Value> = c
        .recipes
        .iter()
        .map(|r| {
            serde_json::json!({
                "kind": r.kind,
                "path": r.path,
                "role": r.role,
                "node": r.node,
                "watching": r.watching,
                "wakeups": r.wakeups,
                "creates": r.creates,
                "requests": r.requests,
                "seen": r.seen.iter().map(|(t, v)| serde_json::json!({"at_ms": t.ms(), "value": v})).collect::<Vec<_>>(),
                "history": r.history.iter().map(|h| serde_json::json!({
                    "acquired_at_ms": h.acquired_at.ms(),
                    "released_at_ms": h.released_at.map(|t| t.ms()),
                    "session": h.session.to_string(),
                    "fencing_token": h.token.to_string(),
                    "node": h.node,
                    "end": h.end,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    serde_json::json!({
        "client": c.name,
        "hosts": ids(&c.hosts),
        "server": c.server.0,
        "session": c.session.to_string(),
        "state": c.state,
        "keeperState": c.keeper_state,
        "process": c.process,
        "sessionTimeout_ms": c.session_timeout_ms,
        "lastZxid": c.last_zxid.to_string(),
        "cut": ids(&c.cut),
        "outstanding": c.outstanding,
        "queued": c.queued,
        "pings": c.pings,
        "staleReads": c.stale_reads,
        "recipes": recipes,
    })
}

fn groups(f: &Fields) -> Result<Vec<Vec<ServerId>>, String> {
    let Some(Value::Array(gs)) = f.get("groups") else {
        return Err("'partition' needs 'groups': [[1,2],[3,4,5]]".into());
    };
    gs.iter()
        .map(|g| match g {
            Value::Array(ids) => ids
                .iter()
                .map(|i| match i {
                    Value::Number(n) => n
                        .as_i64()
                        .ok_or_else(|| limits::server_id_out_of_range(&n.to_string()))
                        .and_then(limits::server_id)
                        .map(ServerId),
                    _ => Err("server ids are numbers".to_string()),
                })
                .collect(),
            _ => Err("each group is a list of server ids".into()),
        })
        .collect()
}
