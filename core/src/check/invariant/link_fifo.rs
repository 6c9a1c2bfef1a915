//! LinkFifo (a kernel self-check: ZAB assumes TCP links, Zab.tla's FIFO channels): on every
//! directed link, messages are delivered in the order they were sent — message ids (assigned
//! at send) only grow. CLOSED (a reset, not data on the stream) is not checked.

use super::Invariant;
use super::{Found, History};
use crate::explain::Text;
use crate::ids::ServerId;

pub fn check(h: &mut History, from: ServerId, to: ServerId, msg_id: u64, found: &mut Found) {
    let last = h.link_last.entry((from, to)).or_insert(0);
    if msg_id <= *last {
        found.push((
            Invariant::LinkFifo.name(),
            Text::new("violation.link_fifo")
                .arg("from", from)
                .arg("to", to)
                .arg("msg", msg_id)
                .arg("last", *last),
        ));
    }
    *last = (*last).max(msg_id);
}
