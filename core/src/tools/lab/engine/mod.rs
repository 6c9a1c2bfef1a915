//! `Engine`: the performance lab's discrete-event model of an ensemble under load, in
//! nanoseconds. Each server has one CPU that does its work one piece at a time in arrival
//! order, a NIC that puts its messages on the wire one at a time, and (if it votes) a log
//! device that flushes whatever queued during the previous flush in one fsync (group commit).
//! The request path is ZooKeeper's:
//!
//! - a read is answered by the server the client is connected to (`FinalRequestProcessor`);
//! - a write is forwarded to the leader (`FollowerRequestProcessor`), prepared there
//!   (`PrepRequestProcessor`), proposed to every follower, logged by each voter
//!   (`SyncRequestProcessor`) and ACKed; once a quorum of voters has it logged the leader
//!   commits it — in zxid order — to the followers (COMMIT) and observers (INFORM), every
//!   server applies it, and the server the client is connected to answers.
//!
//! Clients live on a few client machines (sharing each machine's NIC) and keep a fixed number
//! of requests outstanding (a closed loop, as the documentation's benchmark clients did); a
//! client takes `clientUs` of its own between an answer and its next request. Crashes,
//! recoveries and elections ([`Engine::crash`], [`Engine::recover`]) drop connections as
//! ZooKeeper does; a client reconnects after ClientCnxn's random back-off of up to a second.
//! What each piece costs is the [`CostModel`]; the model's limits are in
//! docs/performance-lab.md.

use crate::tools::lab::cost::CostModel;

mod clients;
mod faults;
use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};

/// What one run simulates (see the module header).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Setup {
    /// Voting servers (the leader and its followers).
    pub voters: u32,
    /// Observers: they serve clients and learn commits by INFORM, but neither log nor vote.
    pub observers: u32,
    /// `leaderServes`: whether the leader takes client connections (ZooKeeper's default: yes).
    pub leader_serves: bool,
    /// Client machines.
    pub clients: u32,
    /// Requests each client keeps outstanding.
    pub outstanding: u32,
    /// Percent of requests that are reads (0..=100).
    pub read_pct: u32,
    /// Payload of a write and of a read's answer.
    pub request_bytes: u64,
    /// What CPU, disk and network cost per request.
    pub cost: CostModel,
    /// The seed of the run's random choices.
    pub seed: u64,
}

impl Default for Setup {
    /// The documentation's benchmark: 250 clients, 1 KB requests, the leader serving none.
    fn default() -> Setup {
        Setup {
            voters: 3,
            observers: 0,
            leader_serves: false,
            clients: 250,
            outstanding: 1,
            read_pct: 100,
            request_bytes: 1024,
            cost: CostModel::default(),
            seed: 1,
        }
    }
}

/// A request's identity on its way: which client, on which connection, issued when.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Req {
    client: u32,
    conn: u32,
    issued: u64,
    write: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Msg {
    Request {
        req: Req,
        write: bool,
    },
    Reply {
        req: Req,
    },
    Forward {
        req: Req,
        origin: usize,
    },
    Proposal {
        zxid: u64,
        epoch: u32,
        origin: usize,
        req: Req,
    },
    Ack {
        zxid: u64,
        epoch: u32,
    },
    Commit {
        zxid: u64,
        epoch: u32,
    },
    Inform {
        zxid: u64,
        epoch: u32,
        origin: usize,
        req: Req,
    },
    Connect {
        client: u32,
        conn: u32,
    },
    Connected {
        client: u32,
        conn: u32,
    },
}

/// Work a server's CPU finishes.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Work {
    Read(Req),
    Forward(Req),
    Prep { origin: usize, req: Req },
    Logged { zxid: u64, epoch: u32 },
    Acked { zxid: u64, epoch: u32 },
    AckOut { zxids: Vec<u64>, epoch: u32 },
    CommitOut { zxid: u64, origin: usize, req: Req },
    Applied { zxid: u64, epoch: u32 },
    Accept { client: u32, conn: u32 },
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Ev {
    Arrive {
        to: usize,
        msg: Msg,
    },
    /// A server's CPU finished `work` (dropped if the server restarted since: `life`).
    Done {
        node: usize,
        life: u32,
        work: Work,
    },
    Flushed {
        node: usize,
        life: u32,
        zxids: Vec<u64>,
        epoch: u32,
    },
    /// A client machine finished a client's work: send its request.
    Issue {
        client: u32,
        conn: u32,
    },
    /// A client's back-off is over: try to connect.
    Reconnect {
        client: u32,
        conn: u32,
    },
    /// The election after a leader's crash is over.
    Elected {
        epoch: u32,
    },
    /// A recovered server has synced with the leader.
    Rejoined {
        node: usize,
        life: u32,
    },
}

#[derive(Clone, Debug, Default)]
struct Server {
    up: bool,
    /// Up, with a leader, synced: takes clients and requests.
    serving: bool,
    /// Bumped on every crash: work and flushes of an earlier life are dropped.
    life: u32,
    cpu_free: u64,
    nic_free: u64,
    log_busy: bool,
    log_queue: Vec<u64>,
    /// This server's clients' writes in flight (to answer on commit), by zxid.
    mine: BTreeMap<u64, Req>,
}

#[derive(Clone, Debug)]
struct Client {
    machine: usize,
    /// Connected to, if connected.
    server: Option<usize>,
    /// Bumped on every (re)connection: answers on an older one are dropped.
    conn: u32,
}

#[derive(Clone, Debug)]
struct Proposal {
    acks: u32,
    origin: usize,
    req: Req,
}

/// Completions and latencies since [`Engine::measure_from`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Requests answered.
    pub completed: u64,
    /// Reads answered.
    pub reads: u64,
    /// Writes answered (committed by a quorum).
    pub writes: u64,
    /// Request latencies in nanoseconds (issue to answer at the client machine).
    pub latencies_ns: Vec<u64>,
}

/// See the module header.
#[derive(Clone, Debug)]
pub struct Engine {
    setup: Setup,
    now: u64,
    seq: u64,
    queue: BinaryHeap<Reverse<Entry>>,
    servers: Vec<Server>,
    /// Each client machine's NIC: free from (ns).
    machines: Vec<u64>,
    clients: Vec<Client>,
    leader: Option<usize>,
    epoch: u32,
    next_zxid: u64,
    proposals: BTreeMap<u64, Proposal>,
    /// Which client each in-flight request belongs to is in the messages; this is the
    /// random stream for read/write choices, back-offs and server picks (xorshift).
    rng: u64,
    measuring_from: u64,
    tally: Tally,
    /// Completions per bucket of `bucket_ns` since time 0 (the reliability figure).
    buckets: Vec<u64>,
    bucket_ns: u64,
    /// Rejoin and election delays (nanoseconds), set by the caller.
    pub election_ns: u64,
    /// How long a restarted follower takes to rejoin (sync with the leader), ns.
    pub rejoin_ns: u64,
    steps: u64,
}

const MAX_SERVERS: u32 = 51;

impl Engine {
    /// A running ensemble with every client connected (round robin over the servers that take
    /// clients) and its requests issued at time 0.
    pub fn new(setup: Setup) -> Result<Engine, String> {
        let n = setup.voters + setup.observers;
        if setup.voters == 0 || n > MAX_SERVERS {
            return Err(format!("1..={MAX_SERVERS} servers, at least one voting"));
        }
        if setup.read_pct > 100 {
            return Err(format!("reads are 0..=100 %, not {}", setup.read_pct));
        }
        if setup.clients == 0 || setup.clients > 100_000 || setup.outstanding == 0 {
            return Err("clients 1..=100000, each with at least 1 request outstanding".into());
        }
        if setup.outstanding > 1_000 || setup.request_bytes > 1 << 20 {
            return Err("at most 1000 outstanding per client, requests up to 1 MiB".into());
        }
        if !setup.leader_serves && n == 1 {
            return Err("leaderServes=no with one server leaves no server for clients".into());
        }
        let machines = usize::try_from(setup.cost.client_machines.clamp(1, 1_000)).unwrap_or(1);
        let mut e = Engine {
            now: 0,
            seq: 0,
            queue: BinaryHeap::new(),
            servers: (0..n)
                .map(|_| Server {
                    up: true,
                    serving: true,
                    ..Server::default()
                })
                .collect(),
            machines: vec![0; machines],
            clients: Vec::new(),
            leader: Some(0),
            epoch: 1,
            next_zxid: 1,
            proposals: BTreeMap::new(),
            rng: setup.seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1,
            measuring_from: 0,
            tally: Tally::default(),
            buckets: Vec::new(),
            bucket_ns: 0,
            election_ns: 0,
            rejoin_ns: 0,
            steps: 0,
            setup,
        };
        let takers: Vec<usize> = e.takers();
        for i in 0..e.setup.clients {
            let server = takers[i as usize % takers.len()];
            e.clients.push(Client {
                machine: i as usize % machines,
                server: Some(server),
                conn: 1,
            });
            for _ in 0..e.setup.outstanding {
                e.push(0, Ev::Issue { client: i, conn: 1 });
            }
        }
        Ok(e)
    }

    /// The servers that take client connections now.
    fn takers(&self) -> Vec<usize> {
        (0..self.servers.len())
            .filter(|s| self.servers[*s].serving)
            .filter(|s| self.setup.leader_serves || Some(*s) != self.leader)
            .collect()
    }

    fn random(&mut self) -> u64 {
        let mut x = self.rng;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.rng = x;
        x
    }

    fn push(&mut self, at: u64, ev: Ev) {
        self.seq += 1;
        self.queue.push(Reverse(Entry(at, self.seq, ev)));
    }

    /// Simulated time, nanoseconds.
    #[must_use]
    pub fn now(&self) -> u64 {
        self.now
    }

    /// Events handled so far (the unit of [`Engine::run_steps`]).
    #[must_use]
    pub fn steps(&self) -> u64 {
        self.steps
    }

    /// The leader's index, `None` while there is none.
    #[must_use]
    pub fn leader(&self) -> Option<usize> {
        self.leader
    }

    /// Count completions from now on (dropping what was counted before).
    pub fn measure_from(&mut self) {
        self.measuring_from = self.now;
        self.tally = Tally::default();
    }

    /// What was measured since `measure_from`.
    #[must_use]
    pub fn tally(&self) -> &Tally {
        &self.tally
    }

    /// Also count completions per `ns` bucket since time 0.
    pub fn bucket_by(&mut self, ns: u64) {
        self.bucket_ns = ns.max(1);
    }

    /// Completions per time bucket.
    #[must_use]
    pub fn buckets(&self) -> &[u64] {
        &self.buckets
    }

    /// Clients in the workload.
    #[must_use]
    pub fn clients(&self) -> usize {
        self.clients.len()
    }

    /// Clients connected now.
    #[must_use]
    pub fn connected(&self) -> usize {
        self.clients.iter().filter(|c| c.server.is_some()).count()
    }

    /// Handle events until simulated time `until` (ns) or `max` events, whichever comes
    /// first; `true` once `until` is reached.
    pub fn run_until(&mut self, until: u64, max: u64) -> bool {
        for _ in 0..max {
            match self.queue.peek() {
                Some(Reverse(e)) if e.0 <= until => {}
                _ => {
                    self.now = until;
                    return true;
                }
            }
            let Some(Reverse(Entry(at, _, ev))) = self.queue.pop() else {
                break;
            };
            self.now = at;
            self.steps += 1;
            self.handle(ev);
        }
        let reached = self.queue.peek().is_none_or(|Reverse(e)| e.0 > until);
        if reached {
            self.now = until;
        }
        reached
    }

    /// The CPU of `node` takes `us` of work arriving now; when it is done.
    fn cpu(&mut self, node: usize, us: u64) -> u64 {
        let s = &mut self.servers[node];
        let done = s.cpu_free.max(self.now) + us * 1_000;
        s.cpu_free = done;
        done
    }

    fn work(&mut self, node: usize, us: u64, work: Work) {
        let done = self.cpu(node, us);
        let life = self.servers[node].life;
        self.push(done, Ev::Done { node, life, work });
    }

    /// Put a message on `from`'s NIC (a server, or client machine `usize::MAX - m`).
    fn send(&mut self, from: Nic, to: usize, payload: u64, msg: Msg) {
        let c = &self.setup.cost;
        let wire = CostModel::transfer_ns(payload + c.header_bytes, c.link_bytes_per_ms);
        let latency = c.link_latency_ns;
        let nic = match from {
            Nic::Server(s) => &mut self.servers[s].nic_free,
            Nic::Machine(m) => &mut self.machines[m],
        };
        let sent = (*nic).max(self.now) + wire;
        *nic = sent;
        self.push(sent + latency, Ev::Arrive { to, msg });
    }

    /// Followers configured (voters but the leader): each write's PROPOSAL goes to each.
    fn followers_total(&self) -> u64 {
        u64::from(self.setup.voters.saturating_sub(1))
    }

    fn quorum(&self) -> u32 {
        self.setup.voters / 2 + 1
    }

    fn is_voter(&self, s: usize) -> bool {
        s < self.setup.voters as usize
    }

    fn handle(&mut self, ev: Ev) {
        match ev {
            Ev::Issue { client, conn } => self.issue(client, conn),
            Ev::Arrive { to, msg } => self.arrive(to, msg),
            Ev::Done { node, life, work } => {
                if self.servers[node].up && self.servers[node].life == life {
                    self.done(node, work);
                }
            }
            Ev::Flushed {
                node,
                life,
                zxids,
                epoch,
            } => {
                if self.servers[node].up && self.servers[node].life == life {
                    self.flushed(node, zxids, epoch);
                }
            }
            Ev::Reconnect { client, conn } => self.reconnect(client, conn),
            Ev::Elected { epoch } => self.elected(epoch),
            Ev::Rejoined { node, life } => {
                let s = &mut self.servers[node];
                if s.up && s.life == life && self.leader.is_some() {
                    s.serving = true;
                }
            }
        }
    }

    fn arrive(&mut self, to: usize, msg: Msg) {
        if let Msg::Reply { req } = msg {
            return self.answered(req);
        }
        if let Msg::Connected { client, conn } = msg {
            return self.connected_now(client, conn);
        }
        if !self.servers[to].up {
            return;
        }
        let cost = self.setup.cost.clone();
        let serving = self.servers[to].serving;
        match msg {
            Msg::Request { req, write } if serving => {
                if !write {
                    self.work(to, cost.read_us, Work::Read(req));
                } else if Some(to) == self.leader {
                    self.work(to, 0, Work::Forward(req));
                } else {
                    self.work(to, cost.forward_us, Work::Forward(req));
                }
            }
            Msg::Forward { req, origin } if serving && Some(to) == self.leader => {
                let us = cost.write_prep_us + self.followers_total() * cost.proposal_send_us;
                self.work(to, us, Work::Prep { origin, req });
            }
            Msg::Proposal {
                zxid,
                epoch,
                origin,
                req,
            } if epoch == self.epoch => {
                if origin == to {
                    self.servers[to].mine.insert(zxid, req);
                }
                self.work(to, cost.proposal_recv_us, Work::Logged { zxid, epoch });
            }
            Msg::Ack { zxid, epoch } if epoch == self.epoch && Some(to) == self.leader => {
                self.work(to, cost.ack_recv_us, Work::Acked { zxid, epoch });
            }
            Msg::Commit { zxid, epoch } if epoch == self.epoch => {
                let us = cost.commit_recv_us + cost.write_apply_us;
                self.work(to, us, Work::Applied { zxid, epoch });
            }
            Msg::Inform {
                zxid,
                epoch,
                origin,
                req,
            } if epoch == self.epoch => {
                if origin == to {
                    self.servers[to].mine.insert(zxid, req);
                }
                let us = cost.commit_recv_us + cost.write_apply_us;
                self.work(to, us, Work::Applied { zxid, epoch });
            }
            Msg::Connect { client, conn } if serving => {
                self.work(to, cost.ping_us, Work::Accept { client, conn });
            }
            Msg::Connect { client, conn } => {
                // Refused (no leader yet): the client backs off and tries another server.
                self.back_off(client, conn);
            }
            _ => {}
        }
    }

    fn done(&mut self, node: usize, work: Work) {
        let bytes = self.setup.request_bytes;
        match work {
            Work::Read(req) => self.reply(node, req, bytes),
            Work::Forward(req) => match self.leader {
                Some(l) if l == node => {
                    let cost = &self.setup.cost;
                    let us = cost.write_prep_us + self.followers_total() * cost.proposal_send_us;
                    self.work(node, us, Work::Prep { origin: node, req });
                }
                Some(l) => self.send(
                    Nic::Server(node),
                    l,
                    bytes,
                    Msg::Forward { req, origin: node },
                ),
                None => {}
            },
            Work::Prep { origin, req } => self.propose(node, origin, req),
            Work::Logged { zxid, epoch } => self.log_append(node, zxid, epoch),
            Work::Acked { zxid, epoch } => self.ack(zxid, epoch),
            Work::AckOut { zxids, epoch } => {
                if let Some(l) = self.leader {
                    for zxid in zxids {
                        self.send(Nic::Server(node), l, 0, Msg::Ack { zxid, epoch });
                    }
                }
            }
            Work::CommitOut { zxid, origin, req } => {
                let epoch = self.epoch;
                for s in 0..self.servers.len() {
                    if s == node || !self.servers[s].up {
                        continue;
                    }
                    if self.is_voter(s) {
                        self.send(Nic::Server(node), s, 0, Msg::Commit { zxid, epoch });
                    } else {
                        let msg = Msg::Inform {
                            zxid,
                            epoch,
                            origin,
                            req,
                        };
                        self.send(Nic::Server(node), s, bytes, msg);
                    }
                }
                if origin == node {
                    self.reply(node, req, 0);
                }
            }
            Work::Applied { zxid, epoch } => {
                if let Some(req) = self.servers[node].mine.remove(&zxid)
                    && epoch == self.epoch
                {
                    self.reply(node, req, 0);
                }
            }
            Work::Accept { client, conn } => {
                let machine = self.clients[client as usize].machine;
                self.send(
                    Nic::Server(node),
                    usize::MAX - machine,
                    0,
                    Msg::Connected { client, conn },
                );
                let c = &mut self.clients[client as usize];
                if c.conn == conn {
                    c.server = Some(node);
                }
            }
        }
    }

    /// The leader gives the write a zxid, proposes it to every learner that is up and logs it.
    fn propose(&mut self, leader: usize, origin: usize, req: Req) {
        if self.leader != Some(leader) {
            return;
        }
        let zxid = self.next_zxid;
        self.next_zxid += 1;
        let epoch = self.epoch;
        self.proposals.insert(
            zxid,
            Proposal {
                acks: 0,
                origin,
                req,
            },
        );
        let bytes = self.setup.request_bytes;
        for s in 0..self.setup.voters as usize {
            if s != leader && self.servers[s].up {
                let msg = Msg::Proposal {
                    zxid,
                    epoch,
                    origin,
                    req,
                };
                self.send(Nic::Server(leader), s, bytes, msg);
            }
        }
        self.log_append(leader, zxid, epoch);
    }

    /// Queue a txn for the log; a flush starts at once if the device is idle.
    fn log_append(&mut self, node: usize, zxid: u64, epoch: u32) {
        if epoch != self.epoch {
            return;
        }
        self.servers[node].log_queue.push(zxid);
        if !self.servers[node].log_busy {
            self.flush(node);
        }
    }

    /// One fsync of everything queued (up to `fsyncBatch` txns).
    fn flush(&mut self, node: usize) {
        let c = &self.setup.cost;
        let batch = usize::try_from(c.fsync_batch).unwrap_or(usize::MAX);
        let s = &mut self.servers[node];
        if s.log_queue.is_empty() {
            s.log_busy = false;
            return;
        }
        let take = s.log_queue.len().min(batch);
        let zxids: Vec<u64> = s.log_queue.drain(..take).collect();
        let bytes = (zxids.len() as u64) * (self.setup.request_bytes + c.header_bytes);
        let ns = c.fsync_us * 1_000 + CostModel::transfer_ns(bytes, c.disk_bytes_per_ms);
        s.log_busy = true;
        let life = s.life;
        let epoch = self.epoch;
        self.push(
            self.now + ns,
            Ev::Flushed {
                node,
                life,
                zxids,
                epoch,
            },
        );
    }

    fn flushed(&mut self, node: usize, zxids: Vec<u64>, epoch: u32) {
        self.servers[node].log_busy = false;
        self.flush(node);
        if epoch != self.epoch {
            return;
        }
        if Some(node) == self.leader {
            for zxid in zxids {
                self.ack(zxid, epoch);
            }
        } else {
            let us = self.setup.cost.ack_send_us * zxids.len() as u64;
            self.work(node, us, Work::AckOut { zxids, epoch });
        }
    }

    /// One more voter has the txn logged; commit, in zxid order, what a quorum has.
    fn ack(&mut self, zxid: u64, epoch: u32) {
        if epoch != self.epoch {
            return;
        }
        if let Some(p) = self.proposals.get_mut(&zxid) {
            p.acks += 1;
        }
        let Some(leader) = self.leader else { return };
        let quorum = self.quorum();
        while let Some(entry) = self.proposals.first_entry() {
            if entry.get().acks < quorum {
                break;
            }
            let (zxid, p) = entry.remove_entry();
            let cost = &self.setup.cost;
            let learners = self.servers.len() as u64 - 1;
            let us = learners * cost.commit_send_us + cost.write_apply_us;
            self.work(
                leader,
                us,
                Work::CommitOut {
                    zxid,
                    origin: p.origin,
                    req: p.req,
                },
            );
        }
    }

    /// Answer a client (`payload`: the read's data, nothing for a write).
    fn reply(&mut self, node: usize, req: Req, payload: u64) {
        let c = &self.clients[req.client as usize];
        if c.conn != req.conn || c.server != Some(node) {
            return;
        }
        let machine = c.machine;
        self.send(
            Nic::Server(node),
            usize::MAX - machine,
            payload,
            Msg::Reply { req },
        );
    }
}

/// Whose NIC a message leaves on.
#[derive(Clone, Copy, Debug)]
enum Nic {
    Server(usize),
    Machine(usize),
}

/// A queued event: when, then the order it was queued in (ties are FIFO), then what.
#[derive(Clone, Debug)]
struct Entry(u64, u64, Ev);

impl PartialEq for Entry {
    fn eq(&self, other: &Entry) -> bool {
        (self.0, self.1) == (other.0, other.1)
    }
}

impl Eq for Entry {}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Entry) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Entry {
    fn cmp(&self, other: &Entry) -> std::cmp::Ordering {
        (self.0, self.1).cmp(&(other.0, other.1))
    }
}
