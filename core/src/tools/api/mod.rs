//! The JSON-lines machine interface (docs/data-model.md): one request per line in, one JSON object
//! per line out, mirroring ZooKeeper's client API. `Api::handle_line` never panics: a malformed
//! line answers `{"ok":false,"rc":"BadRequest","error":…}` and the run continues.
//!
//! The api is generic over a `Backend` — "the thing that executes a client request for
//! session X at time T and returns the response and the watch events". `StandaloneServer`
//! is one; the ensemble adds its own (and its extra ops: `ensemble`, `start`, `crash`,
//! `status`, `server` on connect, …) through `Backend::extra_op` and the `connect` fields.

mod json;
mod parse;
mod render;
mod standalone;

pub use json::{Json, Obj};
pub use parse::{ClientAction, DEFAULT_TIMEOUT_MS, Fields, int_field, str_field};

use crate::ids::SessionId;
use crate::time::SimTime;
use crate::zk::code::Code;
use crate::zk::limits;
use crate::zk::request::{Request, Response, ResponseBody};
use crate::zk::watch::{KeeperState, WatchedEvent};
use serde_json::Value;
use std::collections::BTreeMap;

/// Watch events caused by one call, addressed by session.
pub type Events = Vec<(SessionId, WatchedEvent)>;

/// What executes client requests. All methods work in the backend's simulated time.
pub trait Backend {
    /// Opens a session (`fields` is the whole `connect` line, e.g. an ensemble's `server`).
    fn connect(&mut self, timeout_ms: i32, fields: &Fields) -> Result<(Response, Events), String>;
    /// Runs one request of `session` to completion (its reply) at the current time.
    fn submit(&mut self, session: SessionId, req: Request) -> (Response, Events);
    /// The client process of `session` dies: it stops pinging.
    fn disconnect(&mut self, session: SessionId);
    /// Disconnects `session` and runs time until the server has expired it.
    fn expire(&mut self, session: SessionId) -> Events;
    /// Advances simulated time by `ms` (the api has checked `ms` ≤ `limits::MAX_SPAN_MS`); an
    /// error if the run stopped early (the step cap).
    fn run(&mut self, ms: u64) -> Result<Events, String>;
    /// The current simulated time.
    fn now(&self) -> SimTime;
    /// A four-letter word's reply (`fields` may name a server).
    fn four_letter(&mut self, word: &str, fields: &Fields) -> Result<String, String>;
    /// How many trace events the last `run` produced (ensembles); `None` = not reported.
    fn last_run_events(&self) -> Option<u64> {
        None
    }
    /// `connect` on a live session: move it to `fields`' server (ensembles); `None` = the
    /// backend cannot move sessions. The answer, its events, and the server's refusal message
    /// if it refused the client.
    #[allow(clippy::type_complexity)]
    fn reconnect(
        &mut self,
        session: SessionId,
        fields: &Fields,
    ) -> Option<Result<(Response, Events, Option<String>), String>> {
        let _ = (session, fields);
        None
    }
    /// Ops the api does not know (ensemble control); `None` = unknown op.
    fn extra_op(&mut self, op: &str, fields: &Fields) -> Option<Result<Obj, String>> {
        let _ = (op, fields);
        None
    }
}

/// One named client of the api.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Client {
    session: SessionId,
    timeout_ms: i32,
    /// The session has expired: every op fails with SessionExpired until `connect`.
    expired: bool,
}

/// The JSON-lines interpreter.
pub struct Api<B: Backend> {
    backend: B,
    clients: BTreeMap<String, Client>,
    names: BTreeMap<SessionId, String>,
}

fn bad_request(msg: &str) -> String {
    Obj::new()
        .with("ok", false)
        .with("rc", "BadRequest")
        .with("error", msg)
        .render()
}

impl<B: Backend> Api<B> {
    /// An API over this backend.
    #[must_use]
    pub fn new(backend: B) -> Api<B> {
        Api {
            backend,
            clients: BTreeMap::new(),
            names: BTreeMap::new(),
        }
    }

    /// The backend.
    #[must_use]
    pub fn backend(&self) -> &B {
        &self.backend
    }

    /// The backend, to change.
    pub fn backend_mut(&mut self) -> &mut B {
        &mut self.backend
    }

    /// Handles one raw input line (without its newline): invalid UTF-8 answers a BadRequest
    /// error line naming the byte, and the session goes on.
    pub fn handle_bytes(&mut self, line: &[u8]) -> String {
        match limits::utf8_line(line) {
            Ok(text) => self.handle_line(text),
            Err(e) => bad_request(&e),
        }
    }

    /// Handles one line; returns one line of JSON (no trailing newline). Blank lines and
    /// `#` comments answer the empty string (the caller prints nothing).
    pub fn handle_line(&mut self, line: &str) -> String {
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            return String::new();
        }
        let fields: Fields = match serde_json::from_str::<Value>(t) {
            Ok(Value::Object(m)) => m,
            Ok(_) => return bad_request("a request must be a JSON object"),
            Err(e) => return bad_request(&format!("not JSON: {e}")),
        };
        let op = match parse::str_field(&fields, "op") {
            Ok(op) => op.to_string(),
            Err(e) => return bad_request(&e),
        };
        match self.dispatch(&op, &fields) {
            Ok(obj) => obj.render(),
            Err(e) => bad_request(&e),
        }
    }

    fn dispatch(&mut self, op: &str, fields: &Fields) -> Result<Obj, String> {
        match op {
            "run" => {
                let ms = parse::int_field(fields, "ms")?.ok_or("missing 'ms'")?;
                let ms = u64::try_from(ms).map_err(|_| "'ms' must be ≥ 0".to_string())?;
                let events = self.backend.run(limits::span("'ms'", ms)?)?;
                let mut out = Obj::new()
                    .with("op", "run")
                    .with("ok", true)
                    .with("now_ms", self.backend.now().ms())
                    .with("events", self.events_json(&events));
                if let Some(n) = self.backend.last_run_events() {
                    out.set("trace_events", n);
                }
                Ok(out)
            }
            "4lw" => {
                let word = parse::str_field(fields, "word")?;
                let out = self.backend.four_letter(word, fields)?;
                Ok(Obj::new()
                    .with("op", "4lw")
                    .with("word", word)
                    .with("ok", true)
                    .with("output", out))
            }
            // The client library processes and their recipes (ensembles, docs/clients.md).
            "client" | "recipe" | "release" => self
                .backend
                .extra_op(op, fields)
                .unwrap_or_else(|| Err(format!("unknown op '{op}'"))),
            _ if fields.contains_key("client") => {
                let client = parse::str_field(fields, "client")?.to_string();
                let action = parse::client_action(op, fields)?;
                self.client_op(&client, op, action, fields)
            }
            _ => match self.backend.extra_op(op, fields) {
                Some(r) => r,
                None if parse::request(op, fields).is_ok() || op == "connect" || op == "close" => {
                    Err(format!("op '{op}' needs a 'client'"))
                }
                None => Err(format!("unknown op '{op}'")),
            },
        }
    }

    fn connect(
        &mut self,
        name: &str,
        timeout_ms: i32,
        fields: &Fields,
    ) -> Result<(Response, Events), String> {
        let (resp, events) = self.backend.connect(timeout_ms, fields)?;
        if let ResponseBody::Session {
            session_id,
            timeout_ms,
        } = resp.body
        {
            if let Some(old) = self.clients.get(name) {
                self.names.remove(&old.session);
            }
            self.clients.insert(
                name.to_string(),
                Client {
                    session: session_id,
                    timeout_ms,
                    expired: false,
                },
            );
            self.names.insert(session_id, name.to_string());
        }
        Ok((resp, events))
    }

    fn client_op(
        &mut self,
        name: &str,
        op: &str,
        action: ClientAction,
        fields: &Fields,
    ) -> Result<Obj, String> {
        let mut events = Vec::new();
        let live = self.clients.get(name).filter(|c| !c.expired).cloned();
        let mut refused = None;
        let (resp, more) = match (action, live) {
            (ClientAction::Connect { .. }, Some(c)) => {
                match self.backend.reconnect(c.session, fields) {
                    Some(r) => {
                        let (resp, ev, why) = r?;
                        if resp.code == Code::SessionExpired {
                            self.mark_expired(name);
                        }
                        refused = why;
                        (resp, ev)
                    }
                    None => return Err(format!("client '{name}' is already connected")),
                }
            }
            (ClientAction::Connect { timeout_ms }, None) => {
                self.connect(name, timeout_ms, fields)?
            }
            (ClientAction::Close, None) => return Err(format!("client '{name}' is not connected")),
            (ClientAction::Disconnect | ClientAction::Expire, None) => {
                return Err(format!("client '{name}' is not connected"));
            }
            (action, c) => {
                let c = match c {
                    Some(c) => c,
                    None if self.clients.contains_key(name) => {
                        return Ok(self.expired_reply(name, op));
                    }
                    None => {
                        let (_, ev) = self.connect(name, DEFAULT_TIMEOUT_MS, fields)?;
                        events.extend(ev);
                        self.clients.get(name).cloned().ok_or("connect failed")?
                    }
                };
                self.run_action(name, c, action)
            }
        };
        events.extend(more);
        let mut out = Obj::new()
            .with("client", name)
            .with("op", op)
            .with("ok", resp.code.is_ok())
            .with("rc", resp.code.name())
            .with("code", resp.code.value());
        if let Some(p) = fields.get("path").and_then(Value::as_str) {
            out.set("path", p);
        }
        render::body(&mut out, &resp);
        if let Some(why) = refused {
            out.set("refused", why);
        }
        out.set("events", self.events_json(&events));
        Ok(out)
    }

    fn run_action(&mut self, name: &str, c: Client, action: ClientAction) -> (Response, Events) {
        match action {
            ClientAction::Request(req) => {
                let out = self.backend.submit(c.session, req);
                if out.0.code == Code::SessionExpired {
                    self.mark_expired(name);
                }
                out
            }
            ClientAction::Close => {
                let out = self.backend.submit(c.session, Request::CloseSession);
                self.clients.remove(name);
                out
            }
            ClientAction::Disconnect => {
                self.backend.disconnect(c.session);
                (Response::ok(ResponseBody::Empty), Vec::new())
            }
            ClientAction::Expire => {
                let ev = self.backend.expire(c.session);
                self.mark_expired(name);
                (Response::ok(ResponseBody::Empty), ev)
            }
            ClientAction::Connect { .. } => (Response::err(Code::ApiError), Vec::new()),
        }
    }

    fn mark_expired(&mut self, name: &str) {
        if let Some(c) = self.clients.get_mut(name) {
            c.expired = true;
        }
    }

    fn expired_reply(&self, name: &str, op: &str) -> Obj {
        let code = Code::SessionExpired;
        Obj::new()
            .with("client", name)
            .with("op", op)
            .with("ok", false)
            .with("rc", code.name())
            .with("code", code.value())
            .with("events", Obj::new())
    }

    /// `{CLIENT: [{type, path}]}` in order of first event; state events add `state`.
    fn events_json(&self, events: &Events) -> Obj {
        let mut out = Obj::new();
        let mut lists: Vec<(String, Vec<Json>)> = Vec::new();
        for (s, e) in events {
            let who = self.names.get(s).cloned().unwrap_or_else(|| s.to_string());
            let mut o = Obj::new().with("type", e.event_type.name());
            if e.keeper_state != KeeperState::SyncConnected {
                o.set("state", e.keeper_state.name());
            }
            o.set("path", e.path.as_deref().map_or(Value::Null, Value::from));
            match lists.iter_mut().find(|(n, _)| *n == who) {
                Some((_, l)) => l.push(o.into()),
                None => lists.push((who, vec![o.into()])),
            }
        }
        for (n, l) in lists {
            out.set(&n, Json::L(l));
        }
        out
    }

    /// The session of a named client, if connected.
    #[must_use]
    pub fn session_of(&self, name: &str) -> Option<SessionId> {
        self.clients.get(name).map(|c| c.session)
    }

    /// Negotiated timeout of a named client.
    #[must_use]
    pub fn timeout_of(&self, name: &str) -> Option<i32> {
        self.clients.get(name).map(|c| c.timeout_ms)
    }
}

#[cfg(test)]
mod tests;
