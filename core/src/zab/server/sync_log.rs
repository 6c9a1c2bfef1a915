//! `SyncRequestProcessor` + `SendAckRequestProcessor`: a proposal is appended to an in-memory
//! batch; one log flush (`zabscope.fsyncMs`) makes everything appended before it started
//! durable together (group commit), and only then are those txns ACKed. With
//! `zabscope.fsyncMs=0` nothing is deferred: the append is durable and ACKed at once.

use crate::time::SimTime;
use crate::zab::server::Core;
use crate::zab::server::outbox::Outbox;
use crate::zab::server::replica::Entry;
use crate::zxid::Zxid;

/// The txn-log flushes of one server.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SyncLog {
    /// The flush under way: when it completes and the txns it covers.
    pub flushing: Option<(SimTime, Vec<Zxid>)>,
    /// Appended after the current flush started: they wait for the next one.
    pub queued: Vec<Zxid>,
}

impl SyncLog {
    /// When the flush under way completes.
    #[must_use]
    pub fn deadline(&self) -> Option<SimTime> {
        self.flushing.as_ref().map(|(t, _)| *t)
    }
}

impl Core {
    /// Log a proposal. Returns true if it must be ACKed now (`fsyncMs=0`); otherwise it is
    /// ACKed when [`Core::complete_flush`] returns it.
    pub fn log_proposal(&mut self, e: &Entry, now: SimTime, out: &mut Outbox) -> bool {
        if self.config.fsync_ms == 0 {
            self.durable.append(e, out);
            return true;
        }
        if self.durable.append_unflushed(e) {
            self.sync_log.queued.push(e.zxid());
            self.start_flush(now);
        }
        false
    }

    fn start_flush(&mut self, now: SimTime) {
        if self.sync_log.flushing.is_none() && !self.sync_log.queued.is_empty() {
            let batch = std::mem::take(&mut self.sync_log.queued);
            let done = now.plus_ms(self.config.fsync_ms);
            self.sync_log.flushing = Some((done, batch));
        }
    }

    /// The flush due by `now` completed: its txns are durable; returns them to be ACKed and
    /// starts the next flush for whatever queued meanwhile.
    pub fn complete_flush(&mut self, now: SimTime, out: &mut Outbox) -> Vec<Zxid> {
        let due = matches!(self.sync_log.flushing, Some((t, _)) if t <= now);
        let Some((_, batch)) = self.sync_log.flushing.take_if(|_| due) else {
            return Vec::new();
        };
        for z in &batch {
            self.durable.flushed(*z, out);
        }
        self.start_flush(now);
        batch
    }

    /// `SyncRequestProcessor.shutdown` on leaving a role: the batch is flushed, nobody is
    /// ACKed (the connection to the leader is gone).
    pub fn flush_all(&mut self, out: &mut Outbox) {
        let mut all = self
            .sync_log
            .flushing
            .take()
            .map(|(_, b)| b)
            .unwrap_or_default();
        all.append(&mut self.sync_log.queued);
        for z in all {
            self.durable.flushed(z, out);
        }
    }
}
