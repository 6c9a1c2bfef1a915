//! A stand-in for the data model (issue 3) until it is merged: just enough of a request,
//! a transaction and a database for ZAB to carry. Replaced by `crate::db` / `crate::txn`.

use crate::ids::SessionId;
use crate::time::SimTime;
use crate::zxid::Zxid;
use std::collections::BTreeMap;

/// `TxnHeader`: who asked, and the zxid ZAB gave it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TxnHeader {
    pub session: SessionId,
    pub cxid: i32,
    pub zxid: Zxid,
    pub time: u64,
}

/// A state change (ZAB broadcasts txns, not requests).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Txn {
    CreateSession { timeout: u64 },
    CloseSession,
    Create { path: String, data: Vec<u8> },
    SetData { path: String, data: Vec<u8> },
    Error { err: i32 },
}

/// A txn with its header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TxnEntry {
    pub header: TxnHeader,
    pub txn: Txn,
}

/// A client request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Request {
    CreateSession { timeout: u64 },
    CloseSession,
    Create { path: String, data: Vec<u8> },
    SetData { path: String, data: Vec<u8> },
    GetData { path: String },
    Sync { path: String },
}

impl Request {
    /// Writes go through ZAB; reads are served locally.
    #[must_use]
    pub fn is_write(&self) -> bool {
        !matches!(self, Request::GetData { .. })
    }
}

/// A response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Response {
    Ok,
    Data(Vec<u8>),
    Error(i32),
}

/// The database: a flat map of paths to data.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ZkDatabase {
    pub nodes: BTreeMap<String, Vec<u8>>,
    pub last_processed: Zxid,
}

impl ZkDatabase {
    /// PrepRequestProcessor: turn a request into a txn against this (prep) view.
    #[must_use]
    pub fn prep(
        &self,
        session: SessionId,
        cxid: i32,
        req: &Request,
        zxid: Zxid,
        now: SimTime,
    ) -> TxnEntry {
        let txn = match req {
            Request::CreateSession { timeout } => Txn::CreateSession { timeout: *timeout },
            Request::CloseSession => Txn::CloseSession,
            Request::Create { path, .. } if self.nodes.contains_key(path) => {
                Txn::Error { err: -110 }
            }
            Request::Create { path, data } => Txn::Create {
                path: path.clone(),
                data: data.clone(),
            },
            Request::SetData { path, .. } if !self.nodes.contains_key(path) => {
                Txn::Error { err: -101 }
            }
            Request::SetData { path, data } => Txn::SetData {
                path: path.clone(),
                data: data.clone(),
            },
            Request::GetData { .. } | Request::Sync { .. } => Txn::Error { err: -8 },
        };
        TxnEntry {
            header: TxnHeader {
                session,
                cxid,
                zxid,
                time: now.ms(),
            },
            txn,
        }
    }

    /// FinalRequestProcessor: apply a committed txn.
    pub fn apply(&mut self, e: &TxnEntry) -> Response {
        self.last_processed = e.header.zxid;
        match &e.txn {
            Txn::Create { path, data } | Txn::SetData { path, data } => {
                self.nodes.insert(path.clone(), data.clone());
                Response::Ok
            }
            Txn::Error { err } => Response::Error(*err),
            _ => Response::Ok,
        }
    }

    /// A local read.
    #[must_use]
    pub fn read(&self, req: &Request) -> Response {
        match req {
            Request::GetData { path } => self
                .nodes
                .get(path)
                .map_or(Response::Error(-101), |d| Response::Data(d.clone())),
            _ => Response::Error(-8),
        }
    }

    /// A digest of the tree for agreement checks.
    #[must_use]
    pub fn digest(&self) -> u64 {
        let mut h = crate::trace::Fnv::new();
        for (k, v) in &self.nodes {
            h.write(k.as_bytes());
            h.write(v);
        }
        h.finish()
    }
}
