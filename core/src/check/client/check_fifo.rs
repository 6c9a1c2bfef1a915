//! Client-side check: FIFO client order (ZooKeeper's guarantee that a client's requests are
//! answered in the order it sent them, ClientCnxn's pendingQueue; a reply out of order is
//! what `ClientCnxn.readResponse` reports as "Xid out of order"). Every library client's
//! answers (replies and local ConnectionLoss/SessionExpired answers alike) must come in
//! increasing cxid order.

use crate::sim::kernel::Kernel;

/// Violations: client name and the two cxids answered out of order.
#[must_use]
pub fn check(k: &Kernel) -> Vec<String> {
    let mut out = Vec::new();
    for c in k.clients.iter().filter(|c| c.zk.is_some()) {
        let mut last = 0;
        for r in c.results.iter().filter(|r| r.cxid > 0) {
            if r.cxid < last {
                out.push(format!(
                    "FIFO client order: {} got the answer to cxid {} after cxid {last}",
                    c.name, r.cxid
                ));
            }
            last = last.max(r.cxid);
        }
    }
    out
}
