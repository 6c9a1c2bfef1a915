//! `CostModel`: what each piece of a ZooKeeper server's work costs in the performance lab —
//! CPU per kind of work, the log device (fsync, group commit), links (latency, bandwidth) and
//! the client machines. Set from zoo.cfg with `zabscope.cost.<name>=<value>`; the names, units
//! and where each default comes from are in docs/performance-lab.md. The classroom simulation
//! does not read these: its servers still work in zero time, so its timings and traces are
//! what they were.
//!
//! All figures are integers (microseconds, nanoseconds, bytes), so a lab run is as
//! deterministic as the rest of the core.

use crate::explain::Text;
use std::fmt;

/// See the module header. Field names are the zoo.cfg key names after `zabscope.cost.`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CostModel {
    /// CPU of a server answering a 1 KB read (`FinalRequestProcessor`: look-up, serialise).
    pub read_us: u64,
    /// CPU of the leader preparing a write (`PrepRequestProcessor`: checks, txn, zxid).
    pub write_prep_us: u64,
    /// CPU of every server applying a committed write to its tree and answering it.
    pub write_apply_us: u64,
    /// CPU of the server a client is connected to receiving a write and forwarding it to the
    /// leader (`FollowerRequestProcessor`).
    pub forward_us: u64,
    /// CPU of the leader sending one PROPOSAL to one learner (serialise, queue on its socket).
    pub proposal_send_us: u64,
    /// CPU of a follower receiving a PROPOSAL (deserialise, hand to `SyncRequestProcessor`).
    pub proposal_recv_us: u64,
    /// CPU of a follower sending an ACK.
    pub ack_send_us: u64,
    /// CPU of the leader receiving one ACK (`Leader.processAck`: count towards the quorum).
    pub ack_recv_us: u64,
    /// CPU of the leader sending one COMMIT (or INFORM to an observer) to one learner.
    pub commit_send_us: u64,
    /// CPU of a learner receiving a COMMIT or INFORM (before applying it).
    pub commit_recv_us: u64,
    /// CPU of a server answering a session ping (charged per ping; a saturated client never
    /// pings, since ClientCnxn pings only after sending nothing for half its read timeout).
    pub ping_us: u64,
    /// One flush of the txn log (`FileTxnLog.commit`, an fsync), however many txns it holds:
    /// group commit, as `SyncRequestProcessor` batches whatever queued during the last flush.
    pub fsync_us: u64,
    /// The most txns one flush takes (`SyncRequestProcessor` flushes at 1000).
    pub fsync_batch: u64,
    /// Log device write bandwidth, bytes per millisecond (80 MB/s: 80,000).
    pub disk_bytes_per_ms: u64,
    /// One-way latency of a link (switch, NIC and kernel stack), nanoseconds.
    pub link_latency_ns: u64,
    /// A NIC's bandwidth, bytes per millisecond (1 Gbit/s: 125,000); each sender serialises
    /// its messages onto its own NIC one at a time.
    pub link_bytes_per_ms: u64,
    /// Framing and header bytes added to every message's payload.
    pub header_bytes: u64,
    /// What a client takes between an answer and its next request (the client library and
    /// the benchmark's own work, on the client's own thread).
    pub client_us: u64,
    /// How many machines run the clients (the documentation's set-up: about 30).
    pub client_machines: u64,
}

impl Default for CostModel {
    /// The calibrated values (docs/performance-lab.md says where each comes from).
    fn default() -> CostModel {
        CostModel {
            read_us: 23,
            write_prep_us: 20,
            write_apply_us: 12,
            forward_us: 10,
            proposal_send_us: 3,
            proposal_recv_us: 10,
            ack_send_us: 3,
            ack_recv_us: 3,
            commit_send_us: 3,
            commit_recv_us: 3,
            ping_us: 3,
            fsync_us: 2_000,
            fsync_batch: 1_000,
            disk_bytes_per_ms: 80_000,
            link_latency_ns: 100_000,
            link_bytes_per_ms: 125_000,
            header_bytes: 64,
            client_us: 1_500,
            client_machines: 30,
        }
    }
}

/// Every key: its name after `zabscope.cost.`, a reader and a writer.
type Field = (
    &'static str,
    fn(&CostModel) -> u64,
    fn(&mut CostModel) -> &mut u64,
);

const FIELDS: &[Field] = &[
    ("readUs", |c| c.read_us, |c| &mut c.read_us),
    ("writePrepUs", |c| c.write_prep_us, |c| &mut c.write_prep_us),
    (
        "writeApplyUs",
        |c| c.write_apply_us,
        |c| &mut c.write_apply_us,
    ),
    ("forwardUs", |c| c.forward_us, |c| &mut c.forward_us),
    (
        "proposalSendUs",
        |c| c.proposal_send_us,
        |c| &mut c.proposal_send_us,
    ),
    (
        "proposalRecvUs",
        |c| c.proposal_recv_us,
        |c| &mut c.proposal_recv_us,
    ),
    ("ackSendUs", |c| c.ack_send_us, |c| &mut c.ack_send_us),
    ("ackRecvUs", |c| c.ack_recv_us, |c| &mut c.ack_recv_us),
    (
        "commitSendUs",
        |c| c.commit_send_us,
        |c| &mut c.commit_send_us,
    ),
    (
        "commitRecvUs",
        |c| c.commit_recv_us,
        |c| &mut c.commit_recv_us,
    ),
    ("pingUs", |c| c.ping_us, |c| &mut c.ping_us),
    ("fsyncUs", |c| c.fsync_us, |c| &mut c.fsync_us),
    ("fsyncBatch", |c| c.fsync_batch, |c| &mut c.fsync_batch),
    (
        "diskBytesPerMs",
        |c| c.disk_bytes_per_ms,
        |c| &mut c.disk_bytes_per_ms,
    ),
    (
        "linkLatencyNs",
        |c| c.link_latency_ns,
        |c| &mut c.link_latency_ns,
    ),
    (
        "linkBytesPerMs",
        |c| c.link_bytes_per_ms,
        |c| &mut c.link_bytes_per_ms,
    ),
    ("headerBytes", |c| c.header_bytes, |c| &mut c.header_bytes),
    ("clientUs", |c| c.client_us, |c| &mut c.client_us),
    (
        "clientMachines",
        |c| c.client_machines,
        |c| &mut c.client_machines,
    ),
];

/// The prefix of every cost key in zoo.cfg.
pub const KEY_PREFIX: &str = "zabscope.cost.";

/// The largest value a cost key takes (an hour in microseconds; far beyond any real cost).
pub const MAX_VALUE: u64 = 3_600_000_000;

impl CostModel {
    /// Set `zabscope.cost.<name>` (`key` is the whole key). A clear error for an unknown
    /// name, a value out of range, or a rate or count of zero (which would divide by zero).
    pub fn set(&mut self, key: &str, value: u64) -> Result<(), Text> {
        let name = key.strip_prefix(KEY_PREFIX).unwrap_or(key);
        let Some((_, _, field)) = FIELDS.iter().find(|(n, _, _)| *n == name) else {
            let names: Vec<&str> = FIELDS.iter().map(|(n, _, _)| *n).collect();
            return Err(Text::new("config.cost_unknown")
                .arg("key", key.to_string())
                .arg("names", format!("{{{}}}", names.join(","))));
        };
        if value > MAX_VALUE {
            return Err(Text::new("config.cost_max")
                .arg("key", key.to_string())
                .arg("max", MAX_VALUE)
                .arg("value", value));
        }
        let positive = [
            "fsyncBatch",
            "diskBytesPerMs",
            "linkBytesPerMs",
            "clientMachines",
        ];
        if value == 0 && positive.contains(&name) {
            return Err(Text::new("config.cost_min").arg("key", key.to_string()));
        }
        *field(self) = value;
        Ok(())
    }

    /// The value of `zabscope.cost.<name>`.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<u64> {
        let name = name.strip_prefix(KEY_PREFIX).unwrap_or(name);
        FIELDS
            .iter()
            .find(|(n, _, _)| *n == name)
            .map(|(_, g, _)| g(self))
    }

    /// Every key name (after the prefix) with its value.
    pub fn entries(&self) -> impl Iterator<Item = (&'static str, u64)> + '_ {
        FIELDS.iter().map(move |(n, g, _)| (*n, g(self)))
    }

    /// Nanoseconds to put `bytes` through something moving `per_ms` bytes per millisecond.
    #[must_use]
    pub fn transfer_ns(bytes: u64, per_ms: u64) -> u64 {
        bytes.saturating_mul(1_000_000) / per_ms.max(1)
    }
}

/// zoo.cfg lines for the keys that differ from the defaults (none: nothing printed).
impl fmt::Display for CostModel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let default = CostModel::default();
        for ((name, value), (_, d)) in self.entries().zip(default.entries()) {
            if value != d {
                writeln!(f, "{KEY_PREFIX}{name}={value}")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_set_read_back_and_print_only_changes() {
        let mut c = CostModel::default();
        assert_eq!(c.to_string(), "");
        c.set("zabscope.cost.readUs", 40).unwrap();
        c.set("fsyncUs", 500).unwrap();
        assert_eq!(c.get("readUs"), Some(40));
        assert_eq!(c.read_us, 40);
        assert_eq!(
            c.to_string(),
            "zabscope.cost.readUs=40\nzabscope.cost.fsyncUs=500\n"
        );
        assert_eq!(FIELDS.len(), c.entries().count());
    }

    #[test]
    fn bad_keys_and_values_are_refused_clearly() {
        let mut c = CostModel::default();
        let e = c.set("zabscope.cost.cpuSpeed", 1).unwrap_err().en();
        assert!(e.contains("unknown cost") && e.contains("readUs"), "{e}");
        assert!(
            c.set("zabscope.cost.linkBytesPerMs", 0)
                .unwrap_err()
                .en()
                .contains("at least 1")
        );
        assert!(c.set("zabscope.cost.readUs", MAX_VALUE + 1).is_err());
        assert_eq!(c, CostModel::default());
    }

    #[test]
    fn transfer_time_is_bytes_over_rate() {
        // 1,088 bytes on a 1 Gbit/s NIC: 8.7 µs.
        assert_eq!(CostModel::transfer_ns(1_088, 125_000), 8_704);
    }
}
