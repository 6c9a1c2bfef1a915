//! Moving a session to another server (ZooKeeper 3.8, docs/zookeeper-semantics.md §3): a client
//! that lost its server reconnects to another one with its session id and last seen zxid.
//!
//! - `ZooKeeperServer.processConnectRequest` refuses a client that has seen a newer zxid than
//!   this server has processed ("Refusing session request … client must try another server").
//! - A follower/observer asks the leader (`Learner.validateSession` → REVALIDATE); the leader
//!   touches the session and makes that learner its owner (`LearnerHandler` REVALIDATE →
//!   `LeaderSessionTracker`/`SessionTrackerImpl.setOwner`) and answers valid or not; the
//!   learner then finishes the handshake (`finishSessionInit`) or answers SessionExpired.
//! - On the leader, `PrepRequestProcessor` calls `SessionTrackerImpl.checkSession(id, owner)`:
//!   a write arriving through a server that no longer owns the session becomes an error txn
//!   with SessionMoved (-118); `FinalRequestProcessor` on that server then closes the stale
//!   connection (`cnxn.sendCloseSession()`).

use crate::ids::{ServerId, SessionId};
use crate::time::SimTime;
use crate::zab::server::outbox::Outbox;
use crate::zab::server::replica::{Request, Response, Txn};
use crate::zab::server::serve::CLIENT_IP;
use crate::zab::server::{Connection, Core, Role, Server};
use crate::zk::acl::{AuthConfig, Id};
use crate::zk::code::Code;
use crate::zk::request::ResponseBody;
use crate::zxid::Zxid;

impl Server {
    /// A client reconnects session `session` here having seen `last_zxid`. `Err` = the server
    /// closed the connection (not serving, or refusing: the client must try another server);
    /// otherwise the answer (cxid 0) follows once the session is revalidated.
    pub fn reconnect(
        &mut self,
        now: SimTime,
        session: SessionId,
        last_zxid: Zxid,
        auth_info: &[(String, Vec<u8>)],
        out: &mut Outbox,
    ) -> Result<(), String> {
        if !self.serving() {
            return Err("ZooKeeperServer not running".to_string());
        }
        let ours = self.core.replica.last_processed();
        // BREAK ZAB (serveBehindClient): the "client has seen zxid" refusal is skipped.
        let behind_ok = self
            .core
            .config
            .broken(crate::check::breaks::Break::ServeBehindClient);
        if last_zxid > ours && !behind_ok {
            return Err(format!(
                "Refusing session request for client /{CLIENT_IP} as it has seen zxid {last_zxid} our last zxid is {ours} client must try another server"
            ));
        }
        // ClientCnxn.primeConnection re-sends every addauth; a failing one is ignored here.
        let mut auth = vec![Id::new("ip", CLIENT_IP)];
        for (scheme, a) in auth_info {
            for id in AuthConfig::default()
                .authenticate(scheme, a, CLIENT_IP)
                .unwrap_or_default()
            {
                if !auth.contains(&id) {
                    auth.push(id);
                }
            }
        }
        self.core
            .connections
            .insert(session, Connection { auth, alive: true });
        self.core.revalidating.insert(session);
        let timeout = self.core.tracker.timeout_of(session).unwrap_or(0);
        match &self.role {
            Role::Leading(_) => {
                let me = self.core.id;
                let valid = self.core.revalidate(session, me, now);
                self.core.finish_revalidate(session, valid, out);
            }
            Role::Following(l) | Role::Observing(l) => out.send(
                l.leader,
                crate::zab::proto::PeerMsg::Revalidate {
                    session,
                    timeout: u64::try_from(timeout).unwrap_or(0),
                },
            ),
            Role::Looking(_) => {}
        }
        Ok(())
    }

    /// The client closed its connection to this server (it moved away): the connection and
    /// its watches go; the session lives on (it is the leader's to expire).
    pub fn drop_connection(&mut self, session: SessionId) {
        self.core.connections.remove(&session);
        self.core.revalidating.remove(&session);
        self.core.watches.remove_session(session);
        self.core.held_reads.retain(|r| r.ctx.session != session);
    }
}

impl Core {
    /// Leader: `revalidateSession` = touchSession, then setOwner if it is still alive.
    pub fn revalidate(&mut self, session: SessionId, owner: ServerId, now: SimTime) -> bool {
        let valid = self.tracker.touch(session, now);
        if valid {
            self.owners.insert(session, owner);
        }
        valid
    }

    /// The leader's answer to REVALIDATE reached this server (`Learner.revalidate` →
    /// `finishSessionInit`): the client gets its connect answer, or SessionExpired and the
    /// connection closes.
    pub fn finish_revalidate(&mut self, session: SessionId, valid: bool, out: &mut Outbox) {
        if !self.revalidating.remove(&session) {
            return;
        }
        let last = self.replica.last_processed();
        let mut r = if valid {
            Response::ok(ResponseBody::Session {
                session_id: session,
                timeout_ms: self.tracker.timeout_of(session).unwrap_or(0),
            })
        } else {
            self.connections.remove(&session);
            Response::err(Code::SessionExpired)
        };
        r.zxid = last;
        out.reply(session, 0, last, r);
    }

    /// A server leaving its role loses the REVALIDATEs it was waiting for: those clients see
    /// ConnectionLoss.
    pub(crate) fn lose_revalidations(&mut self, out: &mut Outbox) {
        let last = self.replica.last_processed();
        for s in std::mem::take(&mut self.revalidating) {
            self.connections.remove(&s);
            let mut r = Response::err(Code::ConnectionLoss);
            r.zxid = last;
            out.reply(s, 0, last, r);
        }
    }

    /// Leader: `SessionTrackerImpl.checkSession(id, owner)` for a write arriving through
    /// `owner`. createSession sets the owner; closeSession is not checked (the expirer closes
    /// sessions it does not own); an unowned session (after a leader change) is claimed.
    /// Returns true when the session moved away from `owner`.
    pub fn session_moved(&mut self, session: SessionId, owner: ServerId, req: &Request) -> bool {
        match req {
            Request::CreateSession { .. } => {
                self.owners.insert(session, owner);
                false
            }
            Request::CloseSession => false,
            _ => *self.owners.entry(session).or_insert(owner) != owner,
        }
    }

    /// After a SessionMoved error txn the server the request came through closes that
    /// connection (`FinalRequestProcessor`: `cnxn.sendCloseSession()`).
    pub(crate) fn after_moved(&mut self, session: SessionId, txn: &Txn) {
        if matches!(txn, Txn::Error(Code::SessionMoved)) {
            self.connections.remove(&session);
            self.watches.remove_session(session);
        }
    }
}
