//! zkCli 3.8 (`ZooKeeperMain` + `org.apache.zookeeper.cli.*`): parses and runs zkCli command
//! lines against any api `Backend` (a standalone server now, an ensemble server later), with
//! zkCli's flags, output formats and error messages. Several named sessions can be driven
//! from one console (`client NAME`, `client NAME close|expire|disconnect`), and simulated
//! time advanced with `run MS`.
//!
//! Output that real zkCli splits between stdout and stderr comes back as one string, in the
//! order zkCli prints it; watch events are printed (`WATCHER::` …) before the output of the
//! command that caused them; events for a session other than the current one are prefixed
//! with `[NAME] `.

mod args;
mod commands;
pub mod format;
mod more;
mod sessions;

pub(crate) use crate::zk::watch::ClientWatches;

use crate::ids::SessionId;
use crate::tools::api::{Backend, Events, Fields};
use crate::zk::code::Code;
use crate::zk::request::{AddWatchMode, Request, Response, ResponseBody};
use crate::zk::watch::{EventType, KeeperState, WatchReg, WatchedEvent};
use std::collections::BTreeMap;
use std::fmt::Write;

/// The default client's name.
pub const DEFAULT_CLIENT: &str = "c1";
/// The session timeout zkCli asks for (`zkCli.sh` default 30000).
pub const CLI_TIMEOUT_MS: i32 = 30_000;

/// One named zkCli session.
#[derive(Clone, Debug, Default)]
struct CliClient {
    session: Option<SessionId>,
    /// `zk.getState().isAlive()`: false after close, AuthFailed or expiry.
    alive: bool,
    watches: ClientWatches,
    /// The `mode` AddWatchCommand keeps between commands (None = never set by `-m`).
    add_watch_mode: Option<AddWatchMode>,
}

/// A zkCli console over a backend (a clone is a snapshot of the console's own state: the
/// page rewinds a console with it when the run goes back).
#[derive(Clone)]
pub struct ZkCli<B: Backend> {
    backend: B,
    clients: BTreeMap<String, CliClient>,
    names: BTreeMap<SessionId, String>,
    current: String,
    print_watches: bool,
    history: Vec<String>,
    quit: bool,
    out: String,
    /// The `CliException` message of the last line, if it failed (the parser fuzzer checks
    /// that every rejection says something).
    last_error: Option<String>,
}

impl<B: Backend> ZkCli<B> {
    /// A zkCli over this backend.
    #[must_use]
    pub fn new(backend: B) -> ZkCli<B> {
        ZkCli {
            backend,
            clients: BTreeMap::new(),
            names: BTreeMap::new(),
            current: DEFAULT_CLIENT.to_string(),
            print_watches: true,
            history: Vec::new(),
            quit: false,
            out: String::new(),
            last_error: None,
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

    /// The error message of the last line, if it failed.
    #[must_use]
    pub fn last_error(&self) -> Option<&str> {
        self.last_error.as_deref()
    }

    /// `quit` was entered.
    #[must_use]
    pub fn quit_requested(&self) -> bool {
        self.quit
    }

    /// The interactive prompt, `[zk: localhost:2181(CONNECTED) 3] ` (with `NAME@` for a
    /// client other than the default one).
    #[must_use]
    pub fn prompt(&self) -> String {
        let alive = self.clients.get(&self.current).is_some_and(|c| c.alive);
        let state = if alive { "CONNECTED" } else { "CLOSED" };
        let who = if self.current == DEFAULT_CLIENT {
            String::new()
        } else {
            format!("{}@", self.current)
        };
        format!("[zk: {who}localhost:2181({state}) {}] ", self.history.len())
    }

    /// Connects the current client as zkCli does when it starts (not a command: the history
    /// stays empty); returns what zkCli prints (the SyncConnected state event). A console in
    /// the page calls it when it opens.
    pub fn start(&mut self) -> String {
        self.out.clear();
        self.ensure_started();
        std::mem::take(&mut self.out)
    }

    /// Runs one raw input line (without its newline): invalid UTF-8 prints one error line
    /// naming the byte, and the console goes on.
    pub fn execute_bytes(&mut self, line: &[u8]) -> String {
        match crate::zk::limits::utf8_line(line) {
            Ok(text) => self.execute_line(text),
            Err(e) => format!("{e}\n"),
        }
    }

    /// Runs one command line; returns everything zkCli would print for it.
    pub fn execute_line(&mut self, line: &str) -> String {
        self.out.clear();
        self.last_error = None;
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            return String::new();
        }
        self.history.push(t.to_string());
        self.execute_tokens(args::tokenize(t));
        std::mem::take(&mut self.out)
    }

    fn execute_tokens(&mut self, tokens: Vec<String>) {
        let Some(cmd) = tokens.first().cloned() else {
            return;
        };
        if let Err(msg) = self.process(&cmd, &tokens) {
            self.println(&msg);
            self.last_error = Some(msg);
        }
    }

    fn println(&mut self, s: &str) {
        self.out.push_str(s);
        self.out.push('\n');
    }

    fn print(&mut self, s: &str) {
        self.out.push_str(s);
    }

    /// `ZooKeeperMain.processZKCmd`.
    fn process(&mut self, cmd: &str, tokens: &[String]) -> Result<(), String> {
        match cmd {
            "client" => return self.client_cmd(tokens),
            "clients" => return self.list_clients(),
            "run" => return self.run_cmd(tokens),
            "4lw" => return self.four_letter(tokens),
            "help" => {
                let u = format::usage();
                self.print(&u);
                self.print(format::ZABSCOPE_HELP);
                return Ok(());
            }
            _ => {}
        }
        if !format::COMMANDS.iter().any(|(c, _)| *c == cmd) {
            let u = format::usage();
            self.print(&u);
            return Err(format!("Command not found: Command not found {cmd}"));
        }
        match cmd {
            "quit" => {
                // `zk.close()` before exiting: the Closed state event is printed (seen).
                self.quit = true;
                if self.current_alive() {
                    self.close_current(true);
                }
                return Ok(());
            }
            "redo" if tokens.len() >= 2 => return self.redo(&tokens[1]),
            "history" => return self.show_history(),
            "printwatches" => {
                match tokens.get(1) {
                    None => {
                        let s = if self.print_watches { "on" } else { "off" };
                        self.println(&format!("printwatches is {s}"));
                    }
                    Some(v) => self.print_watches = v == "on",
                }
                return Ok(());
            }
            "connect" => {
                self.connect_current();
                return Ok(());
            }
            _ => {}
        }
        self.ensure_started();
        if !self.current_alive() {
            self.println("Not connected");
            return Ok(());
        }
        self.run_command(cmd, tokens)
    }

    fn redo(&mut self, arg: &str) -> Result<(), String> {
        // `Integer.decode(args[1])`; then `commandCount <= i || i < 0` is out of range (the
        // redo line itself is already in the history). `redo 18446744073709551615` is not an
        // int: NumberFormatException, as in Java (it used to overflow `n + 1` and panic).
        let n = args::java_decode_int(arg).ok_or_else(|| {
            format!("java.lang.NumberFormatException: For input string: \"{arg}\"")
        })?;
        let Some(line) = usize::try_from(n)
            .ok()
            .filter(|n| n.saturating_add(1) < self.history.len())
            .map(|n| self.history[n].clone())
        else {
            return Err("Command index out of range".into());
        };
        let tokens = args::tokenize(&line);
        if tokens.first().map(String::as_str) == Some("redo") {
            return Err("No redoing redos".into());
        }
        if let Some(last) = self.history.last_mut() {
            *last = line;
        }
        self.execute_tokens(tokens);
        Ok(())
    }

    fn show_history(&mut self) -> Result<(), String> {
        let count = self.history.len() - 1;
        let start = count.saturating_sub(10);
        for i in start..=count {
            let line = format!("{i} - {}", self.history[i]);
            self.println(&line);
        }
        Ok(())
    }

    fn current_alive(&self) -> bool {
        self.clients.get(&self.current).is_some_and(|c| c.alive)
    }

    fn current_session(&self) -> Option<SessionId> {
        self.clients.get(&self.current).and_then(|c| c.session)
    }

    /// The first command of a never-connected client connects it (zkCli connects on start).
    fn ensure_started(&mut self) {
        if !self.clients.contains_key(&self.current) {
            self.connect_current();
        }
    }

    /// `connectToZK`: closes a live session, opens a new one, prints SyncConnected.
    fn connect_current(&mut self) {
        if self.current_alive() {
            self.close_current(true);
        }
        let name = self.current.clone();
        match self.backend.connect(CLI_TIMEOUT_MS, &Fields::new()) {
            Ok((resp, events)) => {
                self.deliver(events);
                if let ResponseBody::Session { session_id, .. } = resp.body {
                    let c = self.clients.entry(name.clone()).or_default();
                    c.session = Some(session_id);
                    c.alive = true;
                    c.watches = ClientWatches::default();
                    self.names.insert(session_id, name.clone());
                    self.state_event(&name, KeeperState::SyncConnected);
                }
            }
            Err(e) => self.println(&e),
        }
    }

    /// `zk.close()`: closeSession, then the Closed state event.
    fn close_current(&mut self, print_event: bool) {
        let name = self.current.clone();
        self.close_client(&name, print_event);
    }

    fn close_client(&mut self, name: &str, print_event: bool) {
        let Some(s) = self.clients.get(name).and_then(|c| c.session) else {
            return;
        };
        let (_, events) = self.backend.submit(s, Request::CloseSession);
        self.deliver(events);
        if let Some(c) = self.clients.get_mut(name) {
            c.alive = false;
        }
        if print_event {
            self.state_event(name, KeeperState::Closed);
        }
    }

    fn state_event(&mut self, name: &str, state: KeeperState) {
        let e = WatchedEvent {
            event_type: EventType::None,
            keeper_state: state,
            path: None,
        };
        self.print_event(name, &e);
    }

    fn print_event(&mut self, name: &str, e: &WatchedEvent) {
        if !self.print_watches {
            return;
        }
        let prefix = if name == self.current {
            String::new()
        } else {
            format!("[{name}] ")
        };
        let _ = write!(
            self.out,
            "\n{prefix}WATCHER::\n\n{prefix}{}\n",
            e.to_java_string()
        );
    }

    /// Hands events to their clients' watch registries and prints them.
    fn deliver(&mut self, events: Events) {
        for (s, e) in events {
            let name = self.names.get(&s).cloned().unwrap_or_else(|| s.to_string());
            if let Some(c) = self.clients.get_mut(&name) {
                c.watches.materialize(&e);
            }
            self.print_event(&name, &e);
        }
    }

    /// Sends a request for the current client; prints the events it caused first, then
    /// records any watch the answer registered (`ZooKeeper.WatchRegistration`, the same rules
    /// as the simulated clients). removewatches is decided client-side, in `more.rs`.
    fn call(&mut self, req: Request) -> Response {
        let Some(s) = self.current_session() else {
            return Response::err(Code::ConnectionLoss);
        };
        let reg = WatchReg::of(&req).filter(|r| !matches!(r, WatchReg::Remove(..)));
        let (resp, events) = self.backend.submit(s, req);
        self.deliver(events);
        if let (Some(reg), Some(w)) = (reg, self.watches_mut()) {
            w.answered(reg, resp.code);
        }
        if resp.code == Code::SessionExpired {
            let name = self.current.clone();
            if let Some(c) = self.clients.get_mut(&name) {
                c.alive = false;
            }
            self.state_event(&name, KeeperState::Expired);
        }
        resp
    }

    fn add_watch_mode(&self) -> AddWatchMode {
        self.clients
            .get(&self.current)
            .and_then(|c| c.add_watch_mode)
            .unwrap_or(AddWatchMode::PersistentRecursive)
    }

    fn set_add_watch_mode(&mut self, mode: AddWatchMode) {
        let name = self.current.clone();
        if let Some(c) = self.clients.get_mut(&name) {
            c.add_watch_mode = Some(mode);
        }
    }

    fn watches_mut(&mut self) -> Option<&mut ClientWatches> {
        let name = self.current.clone();
        self.clients.get_mut(&name).map(|c| &mut c.watches)
    }
}

#[cfg(test)]
mod tests;
