//! Crashes, elections and recoveries in the lab: what ZooKeeper does to clients and to
//! requests in flight when a server dies, and when the ensemble serves again.

use super::{Engine, Ev};

impl Engine {
    /// Kill server `s`: its clients lose their connection; if it led, every server drops its
    /// clients and an election of [`Engine::election_ns`] follows.
    pub fn crash(&mut self, s: usize) {
        let Some(srv) = self.servers.get_mut(s) else {
            return;
        };
        srv.up = false;
        srv.serving = false;
        srv.life += 1;
        srv.log_queue.clear();
        srv.log_busy = false;
        srv.mine.clear();
        let lost_leader = self.leader == Some(s);
        if lost_leader {
            self.leader = None;
            self.epoch += 1;
            self.proposals.clear();
            for srv in &mut self.servers {
                srv.serving = false;
                srv.mine.clear();
                srv.log_queue.clear();
            }
            let epoch = self.epoch;
            self.push(self.now + self.election_ns, Ev::Elected { epoch });
        }
        for i in 0..self.clients.len() {
            let gone = self.clients[i]
                .server
                .is_some_and(|c| c == s || lost_leader);
            if gone {
                self.disconnect(u32::try_from(i).unwrap_or(u32::MAX));
            }
        }
    }

    /// FLE's outcome: the voter that is up with the highest id leads (all have the same
    /// zxid here), and every server that is up serves again.
    pub(super) fn elected(&mut self, epoch: u32) {
        if epoch != self.epoch || self.leader.is_some() {
            return;
        }
        let up_voters: Vec<usize> = (0..self.setup.voters as usize)
            .filter(|s| self.servers[*s].up)
            .collect();
        if (up_voters.len() as u32) < self.quorum() {
            return;
        }
        self.leader = up_voters.last().copied();
        for srv in &mut self.servers {
            srv.serving = srv.up;
        }
    }

    /// Restart server `s`; it serves once synced with the leader ([`Engine::rejoin_ns`]).
    pub fn recover(&mut self, s: usize) {
        let Some(srv) = self.servers.get_mut(s) else {
            return;
        };
        if srv.up {
            return;
        }
        srv.up = true;
        srv.cpu_free = self.now;
        let life = srv.life;
        self.push(self.now + self.rejoin_ns, Ev::Rejoined { node: s, life });
    }

    /// Server slots that are up and follow (neither leading nor observing).
    #[must_use]
    pub fn followers(&self) -> Vec<usize> {
        (0..self.setup.voters as usize)
            .filter(|s| self.servers[*s].up && Some(*s) != self.leader)
            .collect()
    }
}
