//! The messages of the cluster view: every packet on the wire, held at its sender on a held
//! link, or parked in a paused server's socket buffer, with its type and placement as enums.
//! The JSON is what `window.zabscope.view()` and `zabscope api` have always written
//! (`kind` as ZooKeeper's packet name, `held` and `parked` as two booleans), so both stay
//! byte-compatible while Rust readers (the page) match on types instead of parsing text.

use crate::explain::ser;
use crate::ids::ServerId;
use crate::sim::kernel::{InFlight, Item, Kernel};
use crate::sim::trace::MsgInfo;
use crate::time::SimTime;
use crate::zab::proto::{PacketKind, PeerMsg};
use crate::zxid::Zxid;
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

/// Where a message waits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Placement {
    /// On the wire: the network delivers it at `due`.
    InFlight,
    /// Waiting at its sender on a held link (`hold`) until `release`.
    Held,
    /// Arrived at a paused server, waiting in its socket buffer until `resume`.
    Parked,
}

impl Placement {
    /// The placement in words (`in flight`, `held`, `parked`).
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Placement::InFlight => "in flight",
            Placement::Held => "held",
            Placement::Parked => "parked",
        }
    }
}

/// A message on the wire, or waiting on a held link or in a paused server's socket.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MsgView {
    /// The network's id of the packet (`m7`).
    pub id: u64,
    /// The sending server.
    pub from: ServerId,
    /// The receiving server.
    pub to: ServerId,
    /// When it arrives (for held/parked ones: when it arrived at the hold).
    pub due: SimTime,
    /// The packet type (serialised as its name: `PROPOSAL`, `NOTIFICATION`, …).
    pub kind: PacketKind,
    /// The zxid the packet carries, if any.
    pub zxid: Option<Zxid>,
    /// The packet as one line of text (type and fields).
    pub msg: String,
    /// The step that sent it.
    pub sent_step: u64,
    /// In flight, held or parked (serialised as the two booleans `held` and `parked`).
    pub placement: Placement,
    /// For an FLE notification, the sid it votes for (`None` before a first vote, and for
    /// every other packet); not serialised: `msg` says it.
    pub vote_for: Option<ServerId>,
}

impl Serialize for MsgView {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        /// The zxid as the view writes every zxid.
        struct OptZxid(Option<Zxid>);
        impl Serialize for OptZxid {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                ser::opt_zxid(&self.0, s)
            }
        }
        let mut st = s.serialize_struct("MsgView", 10)?;
        st.serialize_field("id", &self.id)?;
        st.serialize_field("from", &self.from)?;
        st.serialize_field("to", &self.to)?;
        st.serialize_field("due", &self.due)?;
        st.serialize_field("kind", &self.kind)?;
        st.serialize_field("zxid", &OptZxid(self.zxid))?;
        st.serialize_field("msg", &self.msg)?;
        st.serialize_field("sentStep", &self.sent_step)?;
        st.serialize_field("held", &(self.placement == Placement::Held))?;
        st.serialize_field("parked", &(self.placement == Placement::Parked))?;
        st.end()
    }
}

fn msg_view(m: &InFlight, due: SimTime, placement: Placement) -> MsgView {
    let info = MsgInfo::of(&m.msg);
    MsgView {
        id: m.id,
        from: m.from,
        to: m.to,
        due,
        kind: m.msg.kind(),
        zxid: info.zxid,
        msg: info.to_string(),
        sent_step: m.sent_step,
        placement,
        vote_for: match &m.msg {
            PeerMsg::Notification(n) => n.leader,
            _ => None,
        },
    }
}

/// Every message: in flight in agenda order, then the held ones, then the parked ones.
pub(crate) fn in_flight(k: &Kernel) -> Vec<MsgView> {
    let mut v: Vec<MsgView> = k
        .agenda
        .iter()
        .filter_map(|((at, _), item)| match item {
            Item::Deliver(m) => Some(msg_view(m, *at, Placement::InFlight)),
            _ => None,
        })
        .collect();
    for msgs in k.held.values() {
        v.extend(msgs.iter().map(|m| msg_view(m, k.now, Placement::Held)));
    }
    for n in &k.nodes {
        v.extend(
            n.parked
                .iter()
                .map(|m| msg_view(m, k.now, Placement::Parked)),
        );
    }
    v
}
