//! Carrying out commands inside the kernel: process life (start/stop/crash/restart/pause/
//! resume), partitions, held links, message surgery, clients.

use crate::ids::ServerId;
use crate::sim::command::Command;
use crate::sim::kernel::{InFlight, Item, Kernel, Status};
use crate::sim::trace::EventKind;
use crate::zab::server::outbox::Outbox;

impl Kernel {
    pub(crate) fn exec(&mut self, c: Command) {
        self.event(EventKind::Command(c.to_string()), None, None);
        match c {
            Command::Start(id) | Command::Restart(id) => {
                self.start(id, matches!(c, Command::Restart(_)))
            }
            Command::Stop(id) => {
                self.with_slot(id, |k, s| k.kill(s, Status::Off));
                self.zk().server_gone(id);
            }
            Command::Crash(id) => {
                self.with_slot(id, |k, s| k.kill(s, Status::Crashed));
                self.zk().server_gone(id);
            }
            Command::Pause(id) => self.with_slot(id, Kernel::pause),
            Command::Resume(id) => {
                self.with_slot(id, Kernel::resume);
                self.zk().server_resumed(id);
            }
            Command::Partition(groups) => self.partition(&groups),
            Command::Block { from, to } => {
                for f in &from {
                    for t in &to {
                        if let (Some(a), Some(b)) = (self.slot(*f), self.slot(*t)) {
                            self.net.set_blocked(a, b, true);
                        }
                    }
                }
            }
            Command::Heal => self.net.heal(),
            Command::Loss(ppm) => self.net.set_loss(ppm),
            Command::Hold { from, to } => {
                if let (Some(a), Some(b)) = (self.slot(from), self.slot(to)) {
                    self.net.set_held(a, b, true);
                }
            }
            Command::Release { from, to } => self.release(from, to),
            Command::DropMsg(id) => self.drop_in_flight(id),
            Command::DelayMsg { id, ms } => self.delay_in_flight(id, ms),
            Command::Connect {
                client,
                server,
                timeout_ms,
            } => self.connect(&client, server, timeout_ms),
            Command::Op { client, op } => self.client_op(&client, &op),
            Command::Move { client, server } => self.move_client(&client, server),
            Command::Request { client, request } => self.client_request(&client, *request),
            Command::Zk { client, action } => {
                match self.check_zk(&Command::Zk {
                    client: client.clone(),
                    action: action.clone(),
                }) {
                    Ok(()) => self.zk().command(&client, action),
                    Err(e) => self.zk().note(&client, format!("error: {e}")),
                }
            }
            Command::Recipe { client, spec } => self.zk().start_recipe(&client, spec),
            Command::Unlock { client, path } => self.zk().release(&client, &path),
        }
    }

    fn with_slot(&mut self, id: ServerId, f: impl FnOnce(&mut Kernel, usize)) {
        if let Some(s) = self.slot(id) {
            f(self, s);
        }
    }

    /// `start`: boot if not running; `restart`: kill first if running, then boot from disk.
    fn start(&mut self, id: ServerId, restart: bool) {
        let Some(slot) = self.slot(id) else { return };
        if matches!(self.nodes[slot].status, Status::Up | Status::Paused) {
            if !restart {
                return;
            }
            self.kill(slot, Status::Crashed);
            self.zk().server_gone(id);
        }
        self.boot(slot);
    }

    fn pause(&mut self, slot: usize) {
        if self.nodes[slot].status == Status::Up {
            self.nodes[slot].status = Status::Paused;
            if let Some(k) = self.timers[slot].take() {
                self.agenda.remove(&k);
            }
        }
    }

    /// SIGCONT: the socket buffers are read in order, and overdue timers fire.
    fn resume(&mut self, slot: usize) {
        if self.nodes[slot].status != Status::Paused {
            return;
        }
        self.nodes[slot].status = Status::Up;
        let to = self.nodes[slot].id;
        let mut free = Vec::new();
        let mut behind_hold: std::collections::BTreeMap<usize, Vec<InFlight>> =
            std::collections::BTreeMap::new();
        for m in std::mem::take(&mut self.nodes[slot].parked) {
            match self.slot(m.from) {
                Some(from)
                    if self.net.is_held(from, slot)
                        || self.held.get(&(from, slot)).is_some_and(|h| !h.is_empty()) =>
                {
                    behind_hold.entry(from).or_default().push(m);
                }
                _ => free.push(m),
            }
        }
        // A message parked before its link was held is older than every message held since:
        // it goes back at the head of the held queue, not behind it.
        for (from, mut older) in behind_hold {
            let queue = self.held.entry((from, slot)).or_default();
            older.append(queue);
            *queue = older;
        }
        self.redeliver(free, |m| m.to == to);
        let mut out = Outbox::new();
        self.process(slot, &mut out);
    }

    fn partition(&mut self, groups: &[Vec<ServerId>]) {
        self.net.heal();
        let group_of = |id: ServerId| groups.iter().position(|g| g.contains(&id));
        let ids: Vec<ServerId> = self.nodes.iter().map(|n| n.id).collect();
        for (a, x) in ids.iter().enumerate() {
            for (b, y) in ids.iter().enumerate() {
                if group_of(*x) != group_of(*y) {
                    self.net.set_blocked(a, b, true);
                }
            }
        }
    }

    fn release(&mut self, from: ServerId, to: ServerId) {
        let (Some(a), Some(b)) = (self.slot(from), self.slot(to)) else {
            return;
        };
        self.net.set_held(a, b, false);
        let held = self.held.remove(&(a, b)).unwrap_or_default();
        self.redeliver(held, |m| m.from == from && m.to == to);
    }

    /// Put messages that waited (held link, paused receiver) back on the wire, due now, ahead
    /// of every later message still in flight on the same links (`on_link`): those were sent
    /// after them, and a link is FIFO. The later ones keep their due times but are re-keyed
    /// behind the waiting ones, so even one due at this very instant cannot overtake them.
    fn redeliver(&mut self, waiting: Vec<InFlight>, on_link: impl Fn(&InFlight) -> bool) {
        if waiting.is_empty() {
            return;
        }
        let later: Vec<(crate::time::SimTime, u64)> = self
            .agenda
            .iter()
            .filter(|(_, item)| matches!(item, Item::Deliver(m) if on_link(m)))
            .map(|(k, _)| *k)
            .collect();
        for m in waiting {
            self.schedule(self.now, Item::Deliver(Box::new(m)));
        }
        for k in later {
            if let Some(item) = self.agenda.remove(&k) {
                self.schedule(k.0, item);
            }
        }
    }

    fn find_in_flight(&self, id: u64) -> Option<((crate::time::SimTime, u64), InFlight)> {
        self.agenda.iter().find_map(|(k, item)| match item {
            Item::Deliver(m) if m.id == id => Some((*k, (**m).clone())),
            _ => None,
        })
    }

    fn drop_in_flight(&mut self, id: u64) {
        let Some((key, m)) = self.find_in_flight(id) else {
            return;
        };
        self.agenda.remove(&key);
        if let (Some(a), Some(b)) = (self.slot(m.from), self.slot(m.to))
            && !m.msg.is_election()
        {
            // A TCP stream cannot lose one packet: the connection breaks.
            self.net.break_connection(a, b);
        }
        self.event(
            EventKind::Drop {
                msg_id: m.id,
                msg: crate::sim::trace::MsgInfo::of(&m.msg),
                reason: "dropped by user",
            },
            Some(m.from),
            Some(m.to),
        );
    }

    /// Delay one message by `ms`; later messages on its link wait behind it (FIFO).
    fn delay_in_flight(&mut self, id: u64, ms: u64) {
        let Some((key, m)) = self.find_in_flight(id) else {
            return;
        };
        let new_at = key.0.plus_ms(ms);
        let same_link: Vec<(crate::time::SimTime, u64)> = self
            .agenda
            .iter()
            .filter(|(k, item)| {
                **k >= key && matches!(item, Item::Deliver(x) if x.from == m.from && x.to == m.to)
            })
            .map(|(k, _)| *k)
            .collect();
        for k in same_link {
            if let Some(item) = self.agenda.remove(&k) {
                self.schedule(k.0.max(new_at), item);
            }
        }
        if let (Some(a), Some(b)) = (self.slot(m.from), self.slot(m.to)) {
            self.net.bump(a, b, new_at);
        }
    }
}
