//! Configuration push (ZooKeeper's "Configuration Management" use case): many clients watch
//! one config node; each change fires their data watch and they re-read it (setting the
//! watch again). A missing node gets an exists watch and is read once created.

use crate::client::recipes::{Progress, Role, Zk};
use crate::zk::code::Code;
use crate::zk::request::{Response, ResponseBody};
use crate::zk::watch::{EventType, WatchedEvent};

const READ: u32 = 1;
const EXISTS: u32 = 2;

/// A config watcher.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigWatch {
    pub path: String,
    /// The last value read.
    pub value: Option<String>,
    pub p: Progress,
}

impl ConfigWatch {
    #[must_use]
    pub fn new(path: String) -> ConfigWatch {
        ConfigWatch {
            path,
            value: None,
            p: Progress::new(),
        }
    }

    pub fn start(&mut self, zk: &mut Zk) {
        zk.get_data(READ, &self.path, true);
    }

    pub fn reply(&mut self, zk: &mut Zk, tag: u32, r: &Response) {
        match (tag, r.code) {
            (_, Code::ConnectionLoss) => self.start(zk),
            (READ, Code::Ok) => {
                if let ResponseBody::Data { data, .. } = &r.body {
                    let v = String::from_utf8_lossy(data.as_deref().unwrap_or_default());
                    self.value = Some(v.to_string());
                    self.p.seen.push((zk.now, v.to_string()));
                }
                self.p.role = Role::Watcher;
                self.p.node = Some(self.path.clone());
                self.p.watching = Some(self.path.clone());
            }
            (READ, Code::NoNode) => zk.exists(EXISTS, &self.path, true),
            (EXISTS, Code::Ok) => self.start(zk),
            (EXISTS, Code::NoNode) => {
                self.p.role = Role::Waiting;
                self.p.watching = Some(self.path.clone());
            }
            (_, code) => zk.note(format!("config {}: unexpected {code:?}", self.path)),
        }
    }

    pub fn watch(&mut self, zk: &mut Zk, e: &WatchedEvent) {
        if e.path.as_deref() != Some(self.path.as_str()) {
            return;
        }
        match e.event_type {
            EventType::NodeDataChanged | EventType::NodeCreated => {
                self.p.wakeups += 1;
                self.start(zk);
            }
            EventType::NodeDeleted => {
                self.p.wakeups += 1;
                self.value = None;
                zk.exists(EXISTS, &self.path, true);
            }
            _ => {}
        }
    }
}
