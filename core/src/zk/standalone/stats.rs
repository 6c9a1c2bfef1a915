//! Counters the four-letter words report (ServerStats, ServerCnxn's per-connection stats).
//! Latencies are simulated: a standalone server answers in 0 ms of simulated time.

use crate::time::SimTime;
use crate::zk::request::Request;
use crate::zxid::Zxid;

/// `ServerStats`: packets received/sent (srvr, mntr).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ServerStats {
    /// Packets received from clients.
    pub received: u64,
    /// Packets sent to clients.
    pub sent: u64,
    /// Connections ever accepted (gives each a deterministic client port).
    pub connections_accepted: u64,
}

impl ServerStats {
    /// The simulated client port of the n-th accepted connection.
    #[must_use]
    pub fn port_of(n: u64) -> u64 {
        40_000 + n % 20_000
    }
}

/// Per-connection counters (`cons`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConnectionStats {
    /// The client's (simulated) source port.
    pub port: u64,
    /// When the connection was accepted.
    pub established: SimTime,
    /// The negotiated session timeout, ms (`to=`).
    pub timeout_ms: i32,
    /// Packets received on it (`queued` / `recved`).
    pub received: u64,
    /// Packets sent on it.
    pub sent: u64,
    /// The last cxid seen (`lcxid`).
    pub cxid: i32,
    /// The last zxid answered (`lzxid`).
    pub last_zxid: Zxid,
    /// The last operation's short name (`lop`).
    pub last_op: &'static str,
    /// When the last response was sent (`lresp`).
    pub last_response: SimTime,
}

impl ConnectionStats {
    /// Counters of a connection just accepted on `port`.
    #[must_use]
    pub fn new(port: u64, established: SimTime, timeout_ms: i32) -> ConnectionStats {
        ConnectionStats {
            port,
            established,
            timeout_ms,
            received: 0,
            sent: 0,
            cxid: 0,
            last_zxid: Zxid::ZERO,
            last_op: "NA",
            last_response: established,
        }
    }

    pub(crate) fn record(&mut self, cxid: i32, zxid: Zxid, op: &'static str, at: SimTime) {
        self.received += 1;
        self.sent += 1;
        self.cxid = cxid;
        self.last_zxid = zxid;
        self.last_op = op;
        self.last_response = at;
    }
}

/// `FinalRequestProcessor.lastOp` codes.
#[must_use]
pub fn last_op(req: &Request) -> &'static str {
    match req {
        Request::Create { .. } => "CREA",
        Request::Delete { .. } | Request::DeleteContainer { .. } => "DELE",
        Request::Exists { .. } => "EXIS",
        Request::GetData { .. } => "GETD",
        Request::SetData { .. } => "SETD",
        Request::GetAcl { .. } => "GETA",
        Request::SetAcl { .. } => "SETA",
        Request::GetChildren { .. } => "GETC",
        Request::GetChildren2 { .. } => "GETC",
        Request::Sync { .. } => "SYNC",
        Request::Check { .. } => "CHEC",
        Request::Multi(_) => "MULT",
        Request::CreateSession { .. } => "SESS",
        Request::CloseSession => "CLOS",
        Request::AddAuth { .. } => "AUTH",
        Request::AddWatch { .. } => "ADDW",
        Request::RemoveWatches { .. } => "REMW",
        Request::SetWatches { .. } => "STW2",
        Request::GetEphemerals { .. } => "GETE",
        Request::GetAllChildrenNumber { .. } => "GETACN",
        Request::WhoAmI => "HOMI",
        Request::Ping => "PING",
    }
}
