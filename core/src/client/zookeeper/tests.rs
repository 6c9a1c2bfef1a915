//! The client library driven by a fake [`Host`] instead of the kernel: one scripted server,
//! no agenda, no network. These tests show that the [`Host`] trait is all the library needs,
//! and pin the connection's life (ClientCnxn's SyncConnected, Disconnected, back-off) at the
//! boundary.

use super::ZooKeeper;
use crate::client::cnxn::CnxnState;
use crate::client::host::{Host, ServerProcess, ServerSide};
use crate::ids::{ServerId, SessionId};
use crate::rng::SimRng;
use crate::sim::client::Client;
use crate::sim::command::ZkAction;
use crate::sim::trace::EventKind;
use crate::time::SimTime;
use crate::zab::server::outbox::Outbox;
use crate::zab::server::replica::{Request, Response};
use crate::zk::request::ResponseBody;
use crate::zxid::Zxid;
use std::collections::BTreeSet;

const SERVER: ServerId = ServerId(1);
const SESSION: SessionId = SessionId(0x100);

/// One server that accepts every connection, answers the handshake at once and reads every
/// request without answering.
struct FakeHost {
    now: SimTime,
    rng: SimRng,
    clients: Vec<Client>,
    trace: Vec<EventKind>,
    ticks: BTreeSet<(SimTime, u64)>,
    seq: u64,
    up: bool,
    connections: BTreeSet<SessionId>,
    /// A handshake answered by `deliver`: the negotiated timeout.
    handshake: Option<i32>,
    requests: Vec<(i32, Request)>,
}

impl FakeHost {
    fn new() -> Self {
        FakeHost {
            now: SimTime::ZERO,
            rng: SimRng::new(7),
            clients: Vec::new(),
            trace: Vec::new(),
            ticks: BTreeSet::new(),
            seq: 0,
            up: true,
            connections: BTreeSet::new(),
            handshake: None,
            requests: Vec::new(),
        }
    }

    fn states(&self) -> Vec<String> {
        self.trace
            .iter()
            .filter_map(|k| match k {
                EventKind::ClientState { state, .. } => Some(state.clone()),
                _ => None,
            })
            .collect()
    }
}

impl Host for FakeHost {
    fn now(&self) -> SimTime {
        self.now
    }
    fn rng(&mut self) -> &mut SimRng {
        &mut self.rng
    }
    fn clients(&self) -> &[Client] {
        &self.clients
    }
    fn clients_mut(&mut self) -> &mut Vec<Client> {
        &mut self.clients
    }
    fn clients_and_rng(&mut self) -> (&mut Vec<Client>, &mut SimRng) {
        (&mut self.clients, &mut self.rng)
    }
    fn trace(&mut self, kind: EventKind, _from: Option<ServerId>, _to: Option<ServerId>) {
        self.trace.push(kind);
    }
    fn set_tick(&mut self, at: SimTime, _client: usize) -> (SimTime, u64) {
        self.seq += 1;
        self.ticks.insert((at, self.seq));
        (at, self.seq)
    }
    fn set_timeout(&mut self, at: SimTime, client: usize, _cxid: i32) -> (SimTime, u64) {
        self.set_tick(at, client)
    }
    fn cancel(&mut self, key: (SimTime, u64)) {
        self.ticks.remove(&key);
    }
    fn server(&self, id: ServerId, session: SessionId) -> Option<ServerSide> {
        let process = ServerProcess {
            serving: true,
            has_connection: self.connections.contains(&session),
            shutdowns: 0,
        };
        (id == SERVER).then_some(if self.up {
            ServerSide::Up(process)
        } else {
            ServerSide::Down
        })
    }
    fn connect(&mut self, _id: ServerId, asked: i32, _out: &mut Outbox) -> (SessionId, i32) {
        self.connections.insert(SESSION);
        self.handshake = Some(asked);
        (SESSION, asked)
    }
    fn reconnect(
        &mut self,
        _id: ServerId,
        session: SessionId,
        _last: Zxid,
        _auth: &[(String, Vec<u8>)],
        _out: &mut Outbox,
    ) -> Result<(), String> {
        self.connections.insert(session);
        self.handshake = Some(6000);
        Ok(())
    }
    fn deliver(&mut self, id: ServerId, _out: &mut Outbox) {
        // The ConnectResponse reaches the library before the call returns (re-entering it).
        if let Some(timeout_ms) = self.handshake.take() {
            let r = Response::ok(ResponseBody::Session {
                session_id: SESSION,
                timeout_ms,
            });
            ZooKeeper::over(self).reply_to_session(id, SESSION, 0, Zxid::ZERO, &r);
        }
    }
    fn request(&mut self, _id: ServerId, _session: SessionId, cxid: i32, request: Request) {
        self.requests.push((cxid, request));
    }
    fn drop_connection(&mut self, _id: ServerId, session: SessionId) {
        self.connections.remove(&session);
    }
    fn set_alive(&mut self, _id: ServerId, _session: SessionId, _alive: bool) {}
    fn disconnect(&mut self, id: ServerId, session: SessionId) {
        self.drop_connection(id, session);
    }
    fn cancel_request(&mut self, _id: ServerId, _session: SessionId, _cxid: i32) {}
    fn latest_committed(&self) -> Option<Zxid> {
        None
    }
    fn session_alive(&self, session: SessionId) -> bool {
        self.connections.contains(&session)
    }
    fn znode_exists(&self, _path: &str) -> Option<bool> {
        Some(true)
    }
}

fn connected_host() -> FakeHost {
    let mut h = FakeHost::new();
    ZooKeeper::over(&mut h).command(
        "c1",
        ZkAction::Connect {
            hosts: vec![SERVER],
            timeout_ms: 6000,
        },
    );
    h
}

#[test]
fn a_handle_connects_through_the_host_and_arms_one_ping_timer() {
    let h = connected_host();
    let z = h.clients[0].zk.as_deref().expect("a library handle");
    assert_eq!(z.state, CnxnState::Connected);
    assert_eq!(h.clients[0].session, SESSION);
    assert_eq!(h.states(), ["SyncConnected"]);
    // ClientCnxn: readTimeout = 2/3 of 6000 ms; a ping after readTimeout/2 of idleness.
    assert_eq!(
        h.ticks.iter().map(|k| k.0).collect::<Vec<_>>(),
        [SimTime::ZERO.plus_ms(2000)]
    );
}

#[test]
fn a_request_waits_for_the_send_thread_then_reaches_the_server() {
    let mut h = connected_host();
    let req = Request::Sync {
        path: "/".to_string(),
    };
    ZooKeeper::over(&mut h).submit(0, req.clone(), None);
    assert!(
        h.requests.is_empty(),
        "written by the SendThread's own step"
    );
    let key = *h.ticks.first().expect("the SendThread's turn");
    assert_eq!(key.0, SimTime::ZERO);
    h.ticks.remove(&key);
    ZooKeeper::over(&mut h).tick(0);
    assert_eq!(h.requests, [(1, req)]);
}

#[test]
fn a_server_gone_fails_requests_and_reconnects_after_the_back_off() {
    let mut h = connected_host();
    ZooKeeper::over(&mut h).submit(0, Request::Sync { path: "/".into() }, None);
    h.up = false;
    ZooKeeper::over(&mut h).server_gone(SERVER);
    let c = &h.clients[0];
    let z = c.zk.as_deref().expect("a library handle");
    assert_eq!(z.state, CnxnState::Connecting);
    assert_eq!(z.connection_losses, 1);
    assert!(c.outstanding.is_empty());
    assert_eq!(h.states(), ["SyncConnected", "Disconnected"]);
    assert!(h.connections.is_empty(), "the socket was closed");
    // ClientCnxn.startConnect: a back-off under 1 s, plus spinDelay after a full round.
    let next = z.next_attempt.expect("a reconnect is planned");
    assert!(next < SimTime::ZERO.plus_ms(2000), "{next:?}");
    assert_eq!(h.ticks.len(), 1);
}
