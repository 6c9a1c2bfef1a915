//! A deterministic hash of what makes two explorer states the same: the clock, every server's
//! role, epochs, log, snapshot and database digest, the disks of servers that are down, the
//! messages in flight (per link, in order) and the timers — without the bookkeeping that only
//! says *how* a state was reached (message ids, agenda sequence numbers, step counts, the
//! trace). States with equal hashes are explored once.

use crate::ids::ServerId;
use crate::sim::kernel::{InFlight, Item, Kernel};
use crate::sim::trace::Fnv;
use crate::zab::server::durable::Durable;
use crate::zab::server::replica::Entry;
use crate::zab::server::{Role, Server};
use std::collections::BTreeMap;
use std::fmt::{self, Write};

/// FNV-1a fed by `Debug` output, without building the strings.
struct Hasher(Fnv);

impl Write for Hasher {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.write(s.as_bytes());
        Ok(())
    }
}

impl Hasher {
    fn debug(&mut self, x: &impl fmt::Debug) {
        let _ = write!(self, "{x:?}|");
    }
    fn u64(&mut self, v: u64) {
        self.0.write_u64(v);
    }
}

/// The state hash of a kernel plus the explorer's own counters (`extra`).
#[must_use]
pub fn state_hash(k: &Kernel, extra: &[u64]) -> u64 {
    let mut h = Hasher(Fnv::new());
    for x in extra {
        h.u64(*x);
    }
    h.u64(k.now.ms());
    for n in &k.nodes {
        h.debug(&(n.status, n.incarnation, n.parked.len(), &n.closed));
        match &n.server {
            Some(s) => server(&mut h, s),
            None => disk(&mut h, &n.disk),
        }
    }
    // Messages per link in FIFO order (how links interleave is not state), then the rest.
    let mut links: BTreeMap<(ServerId, ServerId), Vec<&InFlight>> = BTreeMap::new();
    for ((at, _), item) in &k.agenda {
        match item {
            Item::Deliver(m) => links.entry((m.from, m.to)).or_default().push(m),
            Item::Timer { slot, .. } => h.debug(&("timer", at.ms(), slot)),
            Item::Command(c) => h.debug(&(at.ms(), c)),
            Item::ClientTimeout { client, cxid } => h.debug(&(at.ms(), client, cxid)),
            Item::ClientTick { client } => h.debug(&("client tick", at.ms(), client)),
        }
    }
    for (link, msgs) in links {
        h.debug(&link);
        for m in msgs {
            h.debug(&(m.to_incarnation, m.from_incarnation, &m.msg));
        }
    }
    h.debug(&k.net.connectivity());
    for c in &k.clients {
        let waiting: Vec<i32> = c.outstanding.keys().copied().collect();
        h.debug(&(
            &c.name,
            c.server,
            c.session,
            c.next_cxid,
            waiting,
            c.last_zxid,
        ));
    }
    h.0.finish()
}

fn server(h: &mut Hasher, s: &Server) {
    let c = &s.core;
    disk(h, &c.durable);
    h.u64(c.replica.db.digest());
    h.debug(&(c.logical_clock, c.current_vote, c.waiting.len(), &c.pending));
    h.debug(&(
        &c.connections,
        &c.tracker,
        &c.owners,
        &c.revalidating,
        &c.sync_log,
    ));
    match &s.role {
        Role::Looking(e) => h.debug(e),
        Role::Following(l) | Role::Observing(l) => {
            h.debug(&(
                l.leader,
                l.phase,
                l.new_epoch,
                l.snapshot_needed,
                &l.committed,
            ));
            h.debug(&(l.last_heard, l.retry_at, l.tries, l.new_leader_seen));
            h.debug(&(l.shutdown_until, l.recheck));
            entries(h, l.not_committed.iter());
        }
        Role::Leading(l) => {
            h.debug(&(l.phase, l.epoch, l.max_accepted, &l.connecting, &l.electing));
            h.debug(&(
                &l.newleader_acks,
                &l.learners,
                l.wait_deadline,
                l.last_proposed,
            ));
            h.debug(&(l.tick, l.tick_skip, l.next_half_tick, &l.pending_syncs));
            h.u64(l.prep.digest());
            for (z, p) in &l.outstanding {
                h.debug(&(z, &p.acks));
            }
        }
    }
}

/// A disk: epochs, the logged txns (by zxid and the request they came from), snapshots.
fn disk(h: &mut Hasher, d: &Durable) {
    h.debug(&(d.accepted_epoch, d.current_epoch, d.unflushed));
    entries(h, d.log.iter());
    for s in &d.snapshots {
        h.u64(s.zxid.0);
        h.u64(s.db.digest());
    }
}

fn entries<'a>(h: &mut Hasher, es: impl Iterator<Item = &'a Entry>) {
    for e in es {
        h.u64(e.zxid().0);
        h.u64(e.header.session.0 as u64);
        h.u64(u64::from(e.header.cxid as u32));
    }
}
