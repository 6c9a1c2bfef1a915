//! `SessionTracker` (S/SessionTrackerImpl.java): the leader's (or standalone server's)
//! bookkeeping of live sessions: id generation, timeout negotiation, expiry on tick
//! boundaries through an `ExpiryQueue`, `touch` on every request/ping. Pure data; the ZAB
//! leader reuses it. Expired sessions are closed by submitting a closeSession request, whose
//! txn (decided by prep) deletes the ephemerals.

mod expiry;

pub(crate) use expiry::ExpiryQueue;

use crate::ids::SessionId;
use crate::time::SimTime;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Session timeout bounds (zoo.cfg `minSessionTimeout`/`maxSessionTimeout`; default
/// 2×tickTime and 20×tickTime).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionConfig {
    /// `tickTime`, ms.
    pub tick_time: u64,
    /// `minSessionTimeout`, ms.
    pub min_session_timeout: i32,
    /// `maxSessionTimeout`, ms.
    pub max_session_timeout: i32,
}

impl SessionConfig {
    /// ZooKeeper's defaults for a tickTime: [2×tick, 20×tick].
    #[must_use]
    pub fn for_tick(tick_time: u64) -> SessionConfig {
        let t = i32::try_from(tick_time).unwrap_or(i32::MAX / 20);
        SessionConfig {
            tick_time,
            min_session_timeout: t.saturating_mul(2),
            max_session_timeout: t.saturating_mul(20),
        }
    }

    /// `ZooKeeperServer.processConnectRequest`: clamp into [min, max].
    #[must_use]
    pub fn negotiate(&self, requested: i32) -> i32 {
        requested
            .max(self.min_session_timeout)
            .min(self.max_session_timeout)
    }
}

impl Default for SessionConfig {
    fn default() -> Self {
        SessionConfig::for_tick(2000)
    }
}

/// Live sessions with their timeouts and expiry buckets.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionTracker {
    config: SessionConfig,
    next_session_id: i64,
    timeouts: BTreeMap<SessionId, i32>,
    closing: BTreeMap<SessionId, bool>,
    queue: ExpiryQueue<SessionId>,
}

/// `SessionTrackerImpl.initializeNextSessionId(id)`: `(time << 24) >>> 8 | sid << 56`
/// (`time` = the tracker's start in ms); never the container owner value.
#[must_use]
pub fn initialize_next_session_id(server_id: u64, start: SimTime) -> i64 {
    let t = ((start.ms() << 24) >> 8) as i64;
    let next = t | ((server_id << 56) as i64);
    if next == i64::MIN { next + 1 } else { next }
}

impl SessionTracker {
    /// A tracker for server `server_id` (standalone uses 1) started at `now`.
    #[must_use]
    pub fn new(server_id: u64, config: SessionConfig, now: SimTime) -> SessionTracker {
        SessionTracker {
            config,
            next_session_id: initialize_next_session_id(server_id, now),
            timeouts: BTreeMap::new(),
            closing: BTreeMap::new(),
            queue: ExpiryQueue::new(config.tick_time),
        }
    }

    /// The timeout bounds it negotiates with.
    #[must_use]
    pub fn config(&self) -> SessionConfig {
        self.config
    }

    /// `createSession(timeout)`: a fresh id, the negotiated timeout, tracked from `now`.
    pub fn create_session(&mut self, requested_timeout: i32, now: SimTime) -> (SessionId, i32) {
        let id = SessionId(self.next_session_id);
        self.next_session_id = self.next_session_id.wrapping_add(1);
        let timeout = self.config.negotiate(requested_timeout);
        self.add_session(id, timeout, now);
        (id, timeout)
    }

    /// `addSession`/`trackSession`: track a session with a given timeout (also used when a
    /// leader learns sessions from its database).
    pub fn add_session(&mut self, id: SessionId, timeout: i32, now: SimTime) {
        self.timeouts.insert(id, timeout);
        self.touch(id, now);
    }

    /// `touchSession`: pushes expiry to `roundToNextInterval(now + timeout)`. False if the
    /// session is unknown or closing.
    pub fn touch(&mut self, id: SessionId, now: SimTime) -> bool {
        let Some(&timeout) = self.timeouts.get(&id) else {
            return false;
        };
        if self.is_closing(id) {
            return false;
        }
        self.queue
            .update(id, now.ms(), u64::try_from(timeout).unwrap_or(0));
        true
    }

    /// A new leader's tracker starts fresh from its database (`LeaderSessionTracker` is
    /// built anew on every `Leader.lead`, from `zkDb.getSessionWithTimeOuts()`): exactly the
    /// database's sessions, none closing, each timed from `now`. Without this a session whose
    /// closeSession was lost with an earlier leadership would never expire again, and one
    /// closed while this server synced by SNAP (never applying the closeSession) would still
    /// revalidate as alive.
    pub fn restart(&mut self, sessions: &[(SessionId, i32)], now: SimTime) {
        self.timeouts.clear();
        self.closing.clear();
        self.queue = ExpiryQueue::new(self.config.tick_time);
        for (id, timeout) in sessions {
            self.add_session(*id, *timeout, now);
        }
    }

    /// `setSessionClosing`: no more touches; its closeSession is on its way.
    pub fn set_closing(&mut self, id: SessionId) {
        if self.timeouts.contains_key(&id) {
            self.closing.insert(id, true);
            self.queue.remove(&id);
        }
    }

    /// Whether the session is being closed (closeSession prepared, not applied).
    #[must_use]
    pub fn is_closing(&self, id: SessionId) -> bool {
        self.closing.contains_key(&id)
    }

    /// `removeSession`: the closeSession committed.
    pub fn remove_session(&mut self, id: SessionId) {
        self.timeouts.remove(&id);
        self.closing.remove(&id);
        self.queue.remove(&id);
    }

    /// Sessions whose bucket time ≤ `now`, each with the tick boundary it expired at, earliest
    /// first; they are marked closing (the caller submits their closeSession).
    pub fn expired(&mut self, now: SimTime) -> Vec<(SimTime, SessionId)> {
        let mut out = Vec::new();
        for (at, ids) in self.queue.poll_until(now.ms()) {
            for id in ids {
                self.closing.insert(id, true);
                out.push((SimTime(at), id));
            }
        }
        out
    }

    /// When the next expiry check could expire someone.
    #[must_use]
    pub fn next_expiration(&self) -> Option<SimTime> {
        self.queue.next_expiration().map(SimTime)
    }

    /// Expiry time of one session.
    #[must_use]
    pub fn expiry_of(&self, id: SessionId) -> Option<SimTime> {
        self.queue.expiry_of(&id).map(SimTime)
    }

    /// `(session, timeout)` of every tracked session.
    #[must_use]
    pub fn sessions(&self) -> &BTreeMap<SessionId, i32> {
        &self.timeouts
    }

    /// The session's negotiated timeout, if it is open.
    #[must_use]
    pub fn timeout_of(&self, id: SessionId) -> Option<i32> {
        self.timeouts.get(&id).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// docs/zookeeper-semantics.md §3.2 (seen: asked 1000 → 4000; asked 100000 → 40000).
    #[test]
    fn timeout_negotiation_clamps() {
        let c = SessionConfig::for_tick(2000);
        assert_eq!(c.negotiate(1000), 4000);
        assert_eq!(c.negotiate(100_000), 40_000);
        assert_eq!(c.negotiate(30_000), 30_000);
    }

    /// initializeNextSessionId: server id in the top byte, time bits below.
    #[test]
    fn session_ids() {
        let id = initialize_next_session_id(1, SimTime(0));
        assert_eq!(id, 0x0100_0000_0000_0000);
        let id = initialize_next_session_id(3, SimTime(0x1234));
        assert_eq!(id, 0x0300_0000_1234_0000);
        let mut t = SessionTracker::new(1, SessionConfig::default(), SimTime(0));
        let (a, _) = t.create_session(30_000, SimTime(0));
        let (b, _) = t.create_session(30_000, SimTime(0));
        assert_eq!(b.0, a.0 + 1);
    }

    /// ExpiryQueue: expiry on the next tick boundary after now+timeout (§3.4).
    #[test]
    fn expiry_on_tick_boundaries() {
        let mut t = SessionTracker::new(1, SessionConfig::for_tick(2000), SimTime(0));
        let (s, timeout) = t.create_session(4000, SimTime(1500));
        assert_eq!(timeout, 4000);
        // 1500 + 4000 = 5500 → bucket 6000.
        assert_eq!(t.expiry_of(s), Some(SimTime(6000)));
        assert!(t.expired(SimTime(5999)).is_empty());
        t.touch(s, SimTime(3000)); // 7000 → 8000
        assert!(t.expired(SimTime(7999)).is_empty());
        assert_eq!(t.expired(SimTime(9000)), vec![(SimTime(8000), s)]);
        assert!(t.is_closing(s));
        assert!(!t.touch(s, SimTime(9000)));
    }
}
