//! What the page reads from the run besides the view: the step count, the clients, what is
//! due next, whether a message is on the wire, what a pending agenda item is, and a
//! four-letter word asked of a server. The page uses these instead of reading the kernel.

use super::{AgendaRef, Simulation};
use crate::ids::ServerId;
use crate::sim::client::Client;
use crate::sim::kernel::{Item, Status};
use crate::sim::trace::MsgInfo;
use crate::time::SimTime;
use crate::zab::proto::PeerMsg;
use crate::zxid::Zxid;
use std::fmt;

/// A pending agenda item as manual delivery lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pending {
    /// A message between servers, on the wire.
    Message {
        /// The message id (`m12` on the ring).
        id: u64,
        /// Its sender.
        from: ServerId,
        /// Its receiver.
        to: ServerId,
        /// What it carries.
        info: MsgInfo,
    },
    /// A server's timer (election, sync, tick).
    Timer {
        /// The server's myid (0 if its slot is gone).
        server: u32,
    },
    /// A command scheduled by a script or a click, as a script line.
    Command(String),
    /// A client library handle's timer (pings, read/connect timeout, back-off).
    ClientTick {
        /// The client's name.
        client: String,
    },
    /// A simulated client giving up on a request.
    ClientTimeout {
        /// The client's name.
        client: String,
        /// The request's cxid.
        cxid: i32,
    },
}

impl Pending {
    /// The message id, for a message.
    #[must_use]
    pub fn msg_id(&self) -> Option<u64> {
        match self {
            Pending::Message { id, .. } => Some(*id),
            _ => None,
        }
    }
}

impl fmt::Display for Pending {
    /// The line manual delivery shows: `m12 1 → 2: PROPOSAL(0x100000001)`, `timer of
    /// server.3`, `command crash 2`, `client c1 library tick`, `client c1 gives up on cxid 4`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Pending::Message { id, from, to, info } => write!(f, "m{id} {from} → {to}: {info}"),
            Pending::Timer { server } => write!(f, "timer of server.{server}"),
            Pending::Command(c) => write!(f, "command {c}"),
            Pending::ClientTick { client } => write!(f, "client {client} library tick"),
            Pending::ClientTimeout { client, cxid } => {
                write!(f, "client {client} gives up on cxid {cxid}")
            }
        }
    }
}

impl Simulation {
    /// The number of steps taken since step 0 (the step the run stands after).
    #[must_use]
    pub fn steps(&self) -> u64 {
        self.kernel.step
    }

    /// The simulated clients, in the order they were created.
    #[must_use]
    pub fn clients(&self) -> &[Client] {
        &self.kernel.clients
    }

    /// Client `name`, if there is one.
    #[must_use]
    pub fn client(&self, name: &str) -> Option<&Client> {
        self.kernel.clients.iter().find(|c| c.name == name)
    }

    /// When the next agenda item is due (`None`: nothing is left to happen).
    #[must_use]
    pub fn next_time(&self) -> Option<SimTime> {
        self.kernel.next_time()
    }

    /// The newest zxid the ensemble has committed (what a read must not be older than to be
    /// up to date).
    #[must_use]
    pub fn latest_committed(&self) -> Option<Zxid> {
        self.kernel.latest_committed()
    }

    /// Is a message between servers on the wire (PINGs not counted when `hide_pings`)?
    #[must_use]
    pub fn message_pending(&self, hide_pings: bool) -> bool {
        self.kernel.agenda.values().any(|i| match i {
            Item::Deliver(m) => !(hide_pings && matches!(m.msg, PeerMsg::Ping { .. })),
            _ => false,
        })
    }

    /// The command applied last that is still waiting in the agenda (manual mode takes just
    /// it).
    #[must_use]
    pub fn newest_command(&self) -> Option<AgendaRef> {
        self.kernel
            .agenda
            .iter()
            .filter(|(_, i)| matches!(i, Item::Command(_)))
            .map(|(k, _)| *k)
            .max_by_key(|k| k.1)
            .map(|(t, s)| AgendaRef(t, s))
    }

    /// What the pending agenda item `r` is, if it is still pending.
    #[must_use]
    pub fn pending(&self, r: AgendaRef) -> Option<Pending> {
        let k = &self.kernel;
        let name = |i: usize| {
            k.clients
                .get(i)
                .map_or("?", |c| c.name.as_str())
                .to_string()
        };
        Some(match k.agenda.get(&(r.0, r.1))? {
            Item::Deliver(m) => Pending::Message {
                id: m.id,
                from: m.from,
                to: m.to,
                info: MsgInfo::of(&m.msg),
            },
            Item::Timer { slot, .. } => Pending::Timer {
                server: k.nodes.get(*slot).map_or(0, |n| n.id.0),
            },
            Item::Command(c) => Pending::Command(c.to_string()),
            Item::ClientTick { client } => Pending::ClientTick {
                client: name(*client),
            },
            Item::ClientTimeout { client, cxid } => Pending::ClientTimeout {
                client: name(*client),
                cxid: *cxid,
            },
        })
    }

    /// Ask server `id` a four-letter word (`ruok`, `stat`, `mntr`, …) as an admin would: its
    /// answer, or why there is none (no such server, the process is not running, an unknown
    /// word).
    #[must_use]
    pub fn four_letter(&self, id: u32, word: &str) -> String {
        let now = self.kernel.now;
        self.kernel.nodes.iter().find(|n| n.id.0 == id).map_or_else(
            || format!("no server.{id}"),
            |n| match (&n.server, n.status) {
                (Some(s), Status::Up) => s
                    .four_letter(word, now)
                    .unwrap_or_else(|| format!("unknown four-letter word '{word}'")),
                (_, st) => format!(
                    "server.{id} is not answering (the process is {})",
                    format!("{st:?}").to_lowercase()
                ),
            },
        )
    }
}
