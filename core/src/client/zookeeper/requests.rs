//! Requests and their replies: submitting (FIFO, queued while connecting), sending, failing
//! with ConnectionLoss, replies and reads (stale-read detection), and the register record the
//! linearizability checker reads.

use super::ZooKeeper;
use super::process::Arrival;
use super::{NO_TIMEOUT, Reach};
use crate::client::cnxn::{Cnxn, CnxnState, Parked};
use crate::client::host::Host;
use crate::ids::{ServerId, SessionId};
use crate::sim::client::ClientResult;
use crate::sim::trace::EventKind;
use crate::time::SimTime;
use crate::zab::server::replica::{Request, Response};
use crate::zk::code::Code;
use crate::zk::request::ResponseBody;
use crate::zk::watch::WatchReg;
use crate::zxid::Zxid;

impl<H: Host + ?Sized> ZooKeeper<'_, H> {
    /// Answer request `cxid` locally with `code` (conLossPacket).
    pub(super) fn fail(&mut self, idx: usize, cxid: i32, code: Code) {
        let now = self.h.now();
        let c = &mut self.h.clients_mut()[idx];
        let Some((issued, op, _)) = c.outstanding.remove(&cxid) else {
            return;
        };
        c.watch_regs.remove(&cxid);
        let session = c.session;
        let r = Response::err(code);
        c.remember(ClientResult {
            cxid,
            op,
            issued,
            answered: now,
            response: Some(r.clone()),
        });
        let tag = c.zk.as_deref_mut().and_then(|z| {
            if code == Code::ConnectionLoss {
                z.connection_losses += 1;
            }
            complete_op(z, cxid, &r, now);
            z.tags.remove(&cxid)
        });
        self.h.trace(
            EventKind::ClientReply {
                session,
                cxid,
                zxid: Zxid::ZERO,
                err: code.value(),
            },
            None,
            None,
        );
        if let Some((ri, t)) = tag {
            self.run_recipe(idx, ri, |rec, zk| rec.reply(zk, t, &r));
        }
    }

    /// A request from the application or a recipe (`ClientCnxn.submitRequest`).
    pub(crate) fn submit(&mut self, idx: usize, req: Request, tag: Option<(usize, u32)>) {
        let now = self.h.now();
        let op = match req.path() {
            Some(p) => format!("{} {p}", req.op_name()),
            None => req.op_name().to_string(),
        };
        let c = &mut self.h.clients_mut()[idx];
        if let Request::AddAuth { scheme, auth } = &req {
            c.auth_info.push((scheme.clone(), auth.clone()));
        }
        let cxid = c.next_cxid;
        c.next_cxid += 1;
        if let Some(reg) = WatchReg::of(&req) {
            c.watch_regs.insert(cxid, reg);
        }
        let (session, server) = (c.session, c.server);
        c.outstanding.insert(cxid, (now, op.clone(), NO_TIMEOUT));
        let name = c.name.clone();
        let Some(z) = c.zk.as_deref_mut() else { return };
        if let Some(t) = tag {
            z.tags.insert(cxid, t);
        }
        record_op(z, &name, cxid, &req, now);
        let state = z.state;
        self.h.trace(
            EventKind::ClientRequest { session, cxid, op },
            None,
            Some(server),
        );
        match state {
            CnxnState::Closed => self.fail(idx, cxid, Code::SessionExpired),
            // The SendThread writes it (a step of its own, after whatever is being delivered
            // now: replies already on the wire arrive first).
            _ => {
                if let Some(z) = self.cn(idx) {
                    z.queued.push_back((cxid, req));
                }
                self.rearm(idx);
            }
        }
    }

    pub(super) fn send(&mut self, idx: usize, cxid: i32, req: Request) {
        let now = self.h.now();
        if let Some(z) = self.cn(idx) {
            z.last_send = now;
            z.unread.push_back((cxid, req));
        }
        self.deliver_unread(idx);
    }

    /// Hand the server what it has not read yet, in order, if it reads now.
    pub(super) fn deliver_unread(&mut self, idx: usize) {
        loop {
            if self.cn(idx).is_none_or(|z| z.unread.is_empty()) {
                return;
            }
            match self.reach(idx) {
                Reach::Silent => return,
                Reach::Closed(why) => return self.lost(idx, why.to_string()),
                Reach::Answer => {}
            }
            let Some((cxid, req)) = self.cn(idx).and_then(|z| z.unread.pop_front()) else {
                return;
            };
            let (server, session) = (self.h.clients()[idx].server, self.h.clients()[idx].session);
            self.h.request(server, session, cxid, req);
        }
    }

    /// A reply from `server` reached the handle (`SendThread.readResponse`).
    pub(crate) fn reply(
        &mut self,
        idx: usize,
        server: ServerId,
        cxid: i32,
        zxid: Zxid,
        r: &Response,
    ) {
        self.read_reply(idx, server, cxid, zxid, r, false);
    }

    /// `traced`: the reply was parked while the process was paused and is in the trace
    /// already — the trace shows a reply when the server sends it (the invariants read it as
    /// the server answering then), not when a paused client gets round to reading it.
    pub(super) fn read_reply(
        &mut self,
        idx: usize,
        server: ServerId,
        cxid: i32,
        zxid: Zxid,
        r: &Response,
        traced: bool,
    ) {
        let arrival = self.arrive(idx, server, || Parked::Reply {
            server,
            cxid,
            zxid,
            response: r.clone(),
        });
        let now = self.h.now();
        let c = &mut self.h.clients_mut()[idx];
        match arrival {
            Arrival::Dropped => return,
            Arrival::Parked => {
                if c.outstanding.contains_key(&cxid) {
                    let session = c.session;
                    self.trace_reply(session, cxid, zxid, r.code, server);
                }
                return;
            }
            Arrival::Read => {}
        }
        let Some(z) = c.zk.as_deref_mut() else { return };
        let Some((issued, op, _)) = c.outstanding.remove(&cxid) else {
            return;
        };
        z.last_recv = now;
        let tag = z.tags.remove(&cxid);
        complete_op(z, cxid, r, now);
        let session = c.session;
        if cxid != 0 {
            if reads_data(&op) && r.code.is_ok() && zxid < c.last_zxid {
                z.went_back += 1;
            }
            c.last_zxid = c.last_zxid.max(zxid);
        }
        if let Some(reg) = c.watch_regs.remove(&cxid) {
            c.watches.answered(reg, r.code);
        }
        c.remember(ClientResult {
            cxid,
            op: op.clone(),
            issued,
            answered: now,
            response: Some(r.clone()),
        });
        if !traced {
            self.trace_reply(session, cxid, zxid, r.code, server);
        }
        if cxid == 0 {
            return match r.code {
                Code::Ok => {
                    if op == "reconnect" {
                        self.resend_watches(session);
                    }
                    self.connected(idx, r);
                }
                Code::SessionExpired => self.expired(idx),
                _ => self.lost(idx, format!("connect answered {:?}", r.code)),
            };
        }
        self.stale_read(idx, server, &op, zxid);
        match r.code {
            Code::SessionExpired => return self.expired(idx),
            Code::SessionMoved => {
                // The server closed this connection (FinalRequestProcessor → sendCloseSession).
                self.lost(idx, "Session moved: connection closed".to_string());
            }
            Code::Ok if op == "closeSession" => return self.closed(idx, "closed"),
            _ => {}
        }
        if let Some((ri, t)) = tag {
            self.run_recipe(idx, ri, |rec, zk| rec.reply(zk, t, r));
        }
    }

    /// Mark a read answered from a state older than the leader's latest commit.
    /// A reply to a library client's request, in the trace (when the server sends it).
    pub(super) fn trace_reply(
        &mut self,
        session: SessionId,
        cxid: i32,
        zxid: Zxid,
        code: Code,
        server: ServerId,
    ) {
        let err = code.value();
        let kind = EventKind::ClientReply {
            session,
            cxid,
            zxid,
            err,
        };
        self.h.trace(kind, Some(server), None);
    }

    pub(super) fn stale_read(&mut self, idx: usize, server: ServerId, op: &str, zxid: Zxid) {
        if !reads_data(op) {
            return;
        }
        let Some(latest) = self.h.latest_committed() else {
            return;
        };
        if zxid < latest {
            if let Some(z) = self.cn(idx) {
                z.stale_reads += 1;
            }
            let name = self.h.clients()[idx].name.clone();
            self.note(
                &name,
                format!(
                    "stale read: {op} answered by server {server} at zxid {zxid} while {latest} is committed"
                ),
            );
        }
    }
}

/// Record a register operation for the linearizability checker.
pub(super) fn record_op(z: &mut Cnxn, client: &str, cxid: i32, req: &Request, now: SimTime) {
    let after_sync = std::mem::replace(&mut z.after_sync, matches!(req, Request::Sync { .. }));
    let text =
        |d: &Option<Vec<u8>>| String::from_utf8_lossy(d.as_deref().unwrap_or_default()).to_string();
    let (key, write, synced) = match req {
        Request::SetData { path, data, .. } => (path, Some(text(data)), false),
        Request::Create {
            path, data, mode, ..
        } if !mode.is_sequential() => (path, Some(text(data)), false),
        Request::GetData { path, .. } => (path, None, after_sync),
        _ => return,
    };
    if z.ops.len() >= crate::client::cnxn::KEEP_OPS {
        return;
    }
    z.ops.push(crate::check::client::check_linearizable::RegOp {
        client: client.to_string(),
        cxid,
        key: key.clone(),
        write,
        invoke: now,
        complete: None,
        read: None,
        ok: None,
        synced,
    });
}

/// The answer to a recorded register operation.
pub(super) fn complete_op(z: &mut Cnxn, cxid: i32, r: &Response, now: SimTime) {
    let Some(op) = z
        .ops
        .iter_mut()
        .rev()
        .find(|o| o.cxid == cxid && o.complete.is_none())
    else {
        return;
    };
    if r.code == Code::ConnectionLoss && op.write.is_some() {
        // Unknown: the write may still commit.
        return;
    }
    op.complete = Some(now);
    op.ok = Some(r.code.is_ok());
    if op.write.is_none() {
        op.read = match (&r.code, &r.body) {
            (Code::Ok, ResponseBody::Data { data, .. }) => Some(Some(
                String::from_utf8_lossy(data.as_deref().unwrap_or_default()).to_string(),
            )),
            (Code::NoNode, _) => Some(None),
            _ => None,
        };
        if op.read.is_none() {
            op.ok = Some(false);
        }
    }
}

/// Is the operation named `op` (as a client result records it) one of the reads
/// [`Request::reads_data`] names — getData, getChildren(2), exists?
pub(super) fn reads_data(op: &str) -> bool {
    ["getData", "getChildren", "exists"]
        .iter()
        .any(|p| op.starts_with(p))
}
