//! The lab's clients: each issues a request (read or write by the read ratio) when its
//! previous answer has been handled, and after losing its connection sleeps ClientCnxn's random
//! back-off (up to a second) before connecting to another server.

use super::{Engine, Ev, Msg, Nic, Req};

impl Engine {
    /// A client machine sends one request of `client` (read or write by the read ratio).
    pub(super) fn issue(&mut self, client: u32, conn: u32) {
        let c = &self.clients[client as usize];
        let (Some(server), true) = (c.server, c.conn == conn) else {
            return;
        };
        let machine = c.machine;
        let write = self.random() % 100 >= u64::from(self.setup.read_pct);
        let req = Req {
            client,
            conn,
            issued: self.now,
            write,
        };
        let payload = if write { self.setup.request_bytes } else { 0 };
        self.send(
            Nic::Machine(machine),
            server,
            payload,
            Msg::Request { req, write },
        );
    }

    /// An answer reached the client machine: count it, and issue the next request once the
    /// client has done its own work on it (`clientUs`, each client on its own thread).
    pub(super) fn answered(&mut self, req: Req) {
        let c = &self.clients[req.client as usize];
        if c.conn != req.conn || c.server.is_none() {
            return;
        }
        if self.now >= self.measuring_from {
            self.tally.completed += 1;
            if req.write {
                self.tally.writes += 1;
            } else {
                self.tally.reads += 1;
            }
            self.tally.latencies_ns.push(self.now - req.issued);
        }
        if let Some(b) = self.now.checked_div(self.bucket_ns) {
            let b = usize::try_from(b).unwrap_or(usize::MAX);
            if b < 1_000_000 {
                if self.buckets.len() <= b {
                    self.buckets.resize(b + 1, 0);
                }
                self.buckets[b] += 1;
            }
        }
        let done = self.now + self.setup.cost.client_us * 1_000;
        self.push(
            done,
            Ev::Issue {
                client: req.client,
                conn: req.conn,
            },
        );
    }

    /// The connection of `client` is gone: back off, then connect to another server.
    pub(super) fn disconnect(&mut self, client: u32) {
        let c = &mut self.clients[client as usize];
        c.server = None;
        c.conn += 1;
        let conn = c.conn;
        self.back_off(client, conn);
    }

    /// ClientCnxn sleeps a random 0..1000 ms before each new connection attempt.
    pub(super) fn back_off(&mut self, client: u32, conn: u32) {
        let wait = self.random() % 1_000_000_000;
        self.push(self.now + wait, Ev::Reconnect { client, conn });
    }

    pub(super) fn reconnect(&mut self, client: u32, conn: u32) {
        if self.clients[client as usize].conn != conn {
            return;
        }
        // The connect string's next server: any server that is up (a refused or dead one
        // costs another back-off).
        let ups: Vec<usize> = (0..self.servers.len())
            .filter(|s| self.servers[*s].up)
            .filter(|s| self.setup.leader_serves || Some(*s) != self.leader)
            .collect();
        if ups.is_empty() {
            return self.back_off(client, conn);
        }
        let pick = ups[usize::try_from(self.random() % ups.len() as u64).unwrap_or(0)];
        let machine = self.clients[client as usize].machine;
        self.send(
            Nic::Machine(machine),
            pick,
            0,
            Msg::Connect { client, conn },
        );
    }

    pub(super) fn connected_now(&mut self, client: u32, conn: u32) {
        let c = &self.clients[client as usize];
        if c.conn != conn || c.server.is_none() {
            return;
        }
        for _ in 0..self.setup.outstanding {
            self.push(self.now, Ev::Issue { client, conn });
        }
    }
}
