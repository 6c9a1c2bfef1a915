//! A step's checkpoint ("predict what happens next"): the question, its choices and the answer,
//! all computed by running the lesson's own simulation from the step to `decide` and reading
//! what happened — the leader from the view, the sync kind from the leader's sync records, the
//! vote that decided from the election's explanation, ACKs against the quorum from the
//! proposal records. The lesson file never writes an answer, so a lesson cannot teach a wrong
//! one: if the protocol does something else, the answer follows the protocol.

use super::model::{AskKind, Lesson};
use crate::explain::{Decider, Text};
use crate::ids::ServerId;
use crate::sim::simulation::Simulation;
use crate::sim::trace::EventKind;
use crate::sim::view::ClusterView;
use crate::time::SimTime;
use crate::zab::proto::SyncKind;
use crate::zk::limits;
use crate::zxid::Zxid;

/// One answer a student can pick.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    /// The id [`Question::judge`] takes (`3`, `none`, `yes`, `DIFF`, `0x100000002`, a value).
    pub id: String,
    /// What the button says.
    pub label: Text,
}

/// A computed checkpoint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    /// The question (`lesson.ask.<kind>`).
    pub text: Text,
    /// The choices, in the order to show them; the answer is one of them.
    pub choices: Vec<Choice>,
    /// The id of the right choice.
    pub answer: String,
    /// Why, pointing at what on screen shows it (`lesson.why.<kind>.*`).
    pub why: Text,
}

/// The page's answer to a student's pick.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    /// Was the pick the answer?
    pub right: bool,
    /// "Right: …" or "Not quite: the answer is …, because …" (`lesson.verdict.*`).
    pub why: Text,
}

impl Question {
    /// Judge a pick by its choice id.
    #[must_use]
    pub fn judge(&self, choice_id: &str) -> Verdict {
        let right = choice_id == self.answer;
        let label = self
            .choices
            .iter()
            .find(|c| c.id == self.answer)
            .map_or_else(|| Text::new("lesson.choice.none"), |c| c.label.clone());
        let why = if right {
            Text::new("lesson.verdict.right").arg("why", self.why.clone())
        } else {
            Text::new("lesson.verdict.wrong")
                .arg("answer", label)
                .arg("why", self.why.clone())
        };
        Verdict { right, why }
    }

    /// The label of choice `id`, if it is one.
    #[must_use]
    pub fn label(&self, id: &str) -> Option<&Text> {
        self.choices.iter().find(|c| c.id == id).map(|c| &c.label)
    }
}

/// Computes checkpoints (a namespace: see [`Checkpoint::compute`]).
pub struct Checkpoint;

/// What happened between the step and `decide`, gathered step by step.
#[derive(Default)]
struct Window {
    watch_events: u64,
    /// Vote changes that adopted a new proposal: the leader adopted, the field of
    /// `totalOrderPredicate` that decided, the explanation.
    adopts: Vec<(Option<ServerId>, Decider, Text)>,
}

impl Checkpoint {
    /// The checkpoint of `lesson.steps[step]`: a fresh simulation of the lesson is run to the
    /// step's time, then to its `decide`. An error (by key) if the step asks nothing, or the run
    /// cannot answer (no leader for `ask epoch`, no sync of that server for `ask sync`).
    pub fn compute(lesson: &Lesson, step: usize) -> Result<Question, Text> {
        let mut sim = Simulation::from_script(&lesson.script).map_err(|e| e.text())?;
        Checkpoint::compute_from(&mut sim, lesson, step)
    }

    /// [`Checkpoint::compute`] continuing `sim`, a run of this lesson at or before the step's
    /// time (the runner passes a copy of its own run, so nothing is replayed). `sim` is left at
    /// `decide`.
    pub fn compute_from(
        sim: &mut Simulation,
        lesson: &Lesson,
        step: usize,
    ) -> Result<Question, Text> {
        let s = lesson
            .steps
            .get(step)
            .ok_or_else(|| Text::new("lesson.error.no_step").arg("step", step + 1))?;
        let ask = s
            .ask
            .as_ref()
            .ok_or_else(|| Text::new("lesson.error.no_ask").arg("step", step + 1))?;
        advance(sim, s.at, |_, _| {})?;
        let before = sim.view();
        let mut w = Window::default();
        advance(sim, ask.decide, |sim, events| {
            w.watch_events += events
                .iter()
                .filter(|e| matches!(e.kind, EventKind::Watch { .. }))
                .count() as u64;
            if let Some(v) = sim
                .kernel()
                .explain
                .vote_change
                .as_ref()
                .filter(|v| v.changed)
            {
                w.adopts.push((v.after.leader, v.decider, v.text.clone()));
            }
        })?;
        let after = sim.view();
        let time = ask.decide;
        let q = Text::new(ask_key(&ask.kind)).arg("time", time);
        match &ask.kind {
            AskKind::Leader => Ok(leader(q, &after, &w, time)),
            AskKind::Commit { client, path } => Ok(commit(q, sim, &after, s.at, client, path)),
            AskKind::Sync { sid } => sync(q, sim, *sid, s.at),
            AskKind::WatchEvents => Ok(watch_events(q, &w, s.at, time)),
            AskKind::Epoch => epoch(q, &before, &after, time),
            AskKind::Value { path } => value(q, lesson, &before, &after, path, time),
            AskKind::Zxid => Ok(zxid(q, sim)),
            AskKind::Holder { path } => holder(q, &after, path, time),
        }
    }
}

fn ask_key(kind: &AskKind) -> &'static str {
    match kind {
        AskKind::Leader => "lesson.ask.leader",
        AskKind::Commit { .. } => "lesson.ask.commit",
        AskKind::Sync { .. } => "lesson.ask.sync",
        AskKind::WatchEvents => "lesson.ask.watch-events",
        AskKind::Epoch => "lesson.ask.epoch",
        AskKind::Value { .. } => "lesson.ask.value",
        AskKind::Zxid => "lesson.ask.zxid",
        AskKind::Holder { .. } => "lesson.ask.holder",
    }
}

/// Step `sim` to simulated time `to` (every item due by then), calling `each` after every step
/// with that step's events; the clock then stands at `to`.
fn advance(
    sim: &mut Simulation,
    to: SimTime,
    mut each: impl FnMut(&Simulation, &[crate::sim::trace::Event]),
) -> Result<(), Text> {
    let mut steps = 0;
    while sim.next_time().is_some_and(|t| t <= to) {
        if steps == limits::MAX_STEPS {
            return Err(limits::step_cap_text(limits::MAX_STEPS, sim.now().ms()));
        }
        steps += 1;
        let events = sim.step().to_vec();
        each(sim, &events);
    }
    if sim.now() < to {
        sim.run_for(to.ms() - sim.now().ms());
    }
    Ok(())
}

fn server_choices(v: &ClusterView) -> Vec<Choice> {
    v.servers
        .iter()
        .filter(|s| !s.observer)
        .map(|s| Choice {
            id: s.myid.to_string(),
            label: Text::new("lesson.choice.server").arg("sid", s.myid),
        })
        .collect()
}

fn leader(q: Text, after: &ClusterView, w: &Window, time: SimTime) -> Question {
    let mut choices = server_choices(after);
    choices.push(Choice {
        id: "none".into(),
        label: Text::new("lesson.choice.no_leader"),
    });
    let Some(l) = after.leader else {
        return Question {
            text: q,
            choices,
            answer: "none".into(),
            why: Text::new("lesson.why.leader.none")
                .arg("time", time)
                .arg("quorum", after.quorum),
        };
    };
    let epoch = after.epoch.unwrap_or(0);
    // The election's own explanation of the last vote that moved to this leader (the vote
    // table's deciding column), when the election happened inside the window.
    let why = match deciding_vote(w, l) {
        Some(vote) => Text::new("lesson.why.leader.vote")
            .arg("leader", l)
            .arg("epoch", epoch)
            .arg("quorum", after.quorum)
            .arg("vote", vote.clone()),
        None => Text::new("lesson.why.leader.plain")
            .arg("leader", l)
            .arg("epoch", epoch)
            .arg("quorum", after.quorum),
    };
    Question {
        text: q,
        choices,
        answer: l.0.to_string(),
        why,
    }
}

/// The vote change that best shows why `l` won: among the adoptions of `l` in the window, the
/// one decided by the most significant field (a higher epoch, then a higher zxid, then only the
/// sid: "highest zxid wins" is the lesson when any voter moved for it), the latest of those.
fn deciding_vote(w: &Window, l: ServerId) -> Option<Text> {
    let rank = |d: Decider| match d {
        Decider::Epoch => 3,
        Decider::Zxid => 2,
        Decider::Sid => 1,
        Decider::Equal => 0,
    };
    w.adopts
        .iter()
        .filter(|(to, _, _)| *to == Some(l))
        .max_by_key(|(_, d, _)| rank(*d))
        .and_then(|best| {
            let r = rank(best.1);
            w.adopts
                .iter()
                .rev()
                .find(|(to, d, _)| *to == Some(l) && rank(*d) == r)
        })
        .map(|(_, _, t)| t.clone())
}

fn yes_no() -> Vec<Choice> {
    vec![
        Choice {
            id: "yes".into(),
            label: Text::new("lesson.choice.yes"),
        },
        Choice {
            id: "no".into(),
            label: Text::new("lesson.choice.no"),
        },
    ]
}

/// Does the txn text (`create /a x`, `setData /a …`) write `path`? A sequential node's prefix
/// (`/q/item-`) matches its numbered names.
fn touches(txn: &str, path: &str) -> bool {
    txn.split_whitespace()
        .any(|t| t == path || (path.ends_with('-') && t.starts_with(path)))
}

fn commit(
    q: Text,
    sim: &Simulation,
    after: &ClusterView,
    from: SimTime,
    client: &str,
    path: &str,
) -> Question {
    let q = q
        .arg("client", client.to_string())
        .arg("path", path.to_string());
    // The proposals made in the window whose txn writes `path` (txn text from any server's log).
    let txn_of = |z: Zxid| {
        after
            .servers
            .iter()
            .flat_map(|s| s.log.iter())
            .find(|e| e.zxid == z)
            .map(|e| e.txn.clone())
    };
    let records: Vec<_> = sim
        .kernel()
        .explain
        .proposals
        .iter()
        .filter(|p| p.proposed_at >= from && p.proposed_at <= after.now)
        .filter(|p| txn_of(p.zxid).is_some_and(|t| touches(&t, path)))
        .collect();
    let committed = records.iter().find(|p| p.committed.is_some());
    let (answer, why) = match (committed, records.last()) {
        (Some(p), _) => {
            let key = if (p.acks.len() as u32) < p.needed {
                "lesson.why.commit.broken"
            } else {
                "lesson.why.commit.yes"
            };
            let why = Text::new(key)
                .arg("zxid", p.zxid)
                .arg("acks", p.acks.len())
                .arg("needed", p.needed)
                .arg("servers", sids(p.acks.iter().copied()));
            ("yes", why)
        }
        (None, Some(p)) => {
            let why = Text::new("lesson.why.commit.no")
                .arg("zxid", p.zxid)
                .arg("acks", p.acks.len())
                .arg("needed", p.needed)
                .arg("servers", sids(p.acks.iter().copied()));
            ("no", why)
        }
        (None, None) => (
            "no",
            Text::new("lesson.why.commit.none")
                .arg("path", path.to_string())
                .arg("time", after.now),
        ),
    };
    Question {
        text: q,
        choices: yes_no(),
        answer: answer.into(),
        why,
    }
}

fn sids(it: impl Iterator<Item = ServerId>) -> String {
    let v: Vec<String> = it.map(|s| s.0.to_string()).collect();
    if v.is_empty() {
        "-".into()
    } else {
        v.join(", ")
    }
}

fn sync(q: Text, sim: &Simulation, sid: u32, from: SimTime) -> Result<Question, Text> {
    let q = q.arg("sid", sid);
    let rec = sim
        .kernel()
        .explain
        .syncs
        .get(&ServerId(sid))
        .filter(|r| r.at >= from)
        .ok_or_else(|| Text::new("lesson.error.no_sync").arg("sid", sid))?;
    let answer = match rec.kind {
        SyncKind::Diff => "DIFF",
        SyncKind::Trunc | SyncKind::TruncDiff => "TRUNC",
        SyncKind::Snap => "SNAP",
    };
    let choices = ["DIFF", "TRUNC", "SNAP"]
        .into_iter()
        .map(|k| Choice {
            id: k.into(),
            label: Text::new("lesson.choice.word").arg("word", k),
        })
        .collect();
    Ok(Question {
        text: q,
        choices,
        answer: answer.into(),
        why: Text::new("lesson.why.sync")
            .arg("sid", sid)
            .arg("leader", rec.leader)
            .arg("kind", rec.kind.to_string())
            .arg("why", rec.text.clone()),
    })
}

/// Five numbers around `n` (never below 0), `n` among them.
fn numbers(n: u64) -> Vec<Choice> {
    let lo = n.saturating_sub(2);
    (lo..lo + 5)
        .map(|k| Choice {
            id: k.to_string(),
            label: Text::new("lesson.choice.number").arg("n", k),
        })
        .collect()
}

fn watch_events(q: Text, w: &Window, from: SimTime, to: SimTime) -> Question {
    let q = q.arg("from", from);
    Question {
        text: q,
        choices: numbers(w.watch_events),
        answer: w.watch_events.to_string(),
        why: Text::new("lesson.why.watch-events")
            .arg("count", w.watch_events)
            .arg("from", from)
            .arg("to", to),
    }
}

fn epoch(
    q: Text,
    before: &ClusterView,
    after: &ClusterView,
    time: SimTime,
) -> Result<Question, Text> {
    let e = after
        .epoch
        .ok_or_else(|| Text::new("lesson.error.no_leader").arg("time", time))?;
    let prev = before
        .servers
        .iter()
        .map(|s| s.accepted_epoch)
        .max()
        .unwrap_or(0);
    let why = if e > prev {
        Text::new("lesson.why.epoch.new")
            .arg("epoch", e)
            .arg("prev", prev)
            .arg("from", before.now)
    } else {
        Text::new("lesson.why.epoch.same").arg("epoch", e)
    };
    Ok(Question {
        text: q,
        choices: numbers(u64::from(e)),
        answer: e.to_string(),
        why,
    })
}

/// The id of "no such znode" among the values.
const NO_NODE: &str = "(no node)";

/// The data the script's `create` and `set` commands write to `path` (more plausible choices).
fn written(lesson: &Lesson, path: &str) -> Vec<String> {
    lesson
        .script
        .commands
        .iter()
        .filter_map(|(_, c)| {
            let line = c.to_string();
            let words: Vec<&str> = line.split_whitespace().collect();
            let at = words.iter().position(|w| *w == path)?;
            let writes = matches!(words.first(), Some(&"create" | &"set"));
            writes.then(|| words.get(at + 1).map(|d| (*d).to_string()))?
        })
        .collect()
}

fn value(
    q: Text,
    lesson: &Lesson,
    before: &ClusterView,
    after: &ClusterView,
    path: &str,
    time: SimTime,
) -> Result<Question, Text> {
    let q = q.arg("path", path.to_string());
    let l = after
        .leader
        .ok_or_else(|| Text::new("lesson.error.no_leader").arg("time", time))?;
    let read = |v: &ClusterView, sid: Option<ServerId>| -> Vec<String> {
        v.servers
            .iter()
            .filter(|s| sid.is_none_or(|id| s.myid == id.0))
            .map(|s| {
                s.tree
                    .iter()
                    .find(|(p, _)| p == path)
                    .map_or_else(|| NO_NODE.to_string(), |(_, d)| d.clone())
            })
            .collect()
    };
    let answer = read(after, Some(l)).pop().unwrap_or_else(|| NO_NODE.into());
    let mut ids: Vec<String> = read(before, None);
    ids.extend(read(after, None));
    ids.extend(written(lesson, path));
    ids.push(answer.clone());
    ids.push(NO_NODE.into());
    ids.sort();
    ids.dedup();
    let choices = ids
        .into_iter()
        .map(|id| Choice {
            label: if id == NO_NODE {
                Text::new("lesson.choice.no_node")
            } else {
                Text::new("lesson.choice.value").arg("value", id.clone())
            },
            id,
        })
        .collect();
    let why = if answer == NO_NODE {
        Text::new("lesson.why.value.none")
            .arg("leader", l)
            .arg("path", path.to_string())
    } else {
        Text::new("lesson.why.value")
            .arg("leader", l)
            .arg("path", path.to_string())
            .arg("value", answer.clone())
    };
    Ok(Question {
        text: q,
        choices,
        answer,
        why,
    })
}

fn zxid(q: Text, sim: &Simulation) -> Question {
    let z = sim.latest_committed().unwrap_or(Zxid(0));
    let (epoch, counter) = (z.0 >> 32, z.0 & 0xffff_ffff);
    let mut ids = vec![z.0, z.0 + 1, ((epoch + 1) << 32) | counter];
    if counter > 0 {
        ids.push(z.0 - 1);
    }
    ids.sort_unstable();
    ids.dedup();
    let choices = ids
        .into_iter()
        .map(|v| Choice {
            id: Zxid(v).to_string(),
            label: Text::new("lesson.choice.zxid").arg("zxid", Zxid(v)),
        })
        .collect();
    Question {
        text: q,
        choices,
        answer: z.to_string(),
        why: Text::new("lesson.why.zxid")
            .arg("zxid", z)
            .arg("epoch", epoch)
            .arg("counter", counter),
    }
}

/// The id of "nobody holds it".
const NOBODY: &str = "(nobody)";

/// Who holds the lock (or leads the election) at `path`: the recipe's own role, among the
/// client processes running a recipe there.
fn holder(q: Text, after: &ClusterView, path: &str, time: SimTime) -> Result<Question, Text> {
    use crate::client::recipes::Role;
    let q = q.arg("path", path.to_string());
    let at_path: Vec<_> = after
        .zk_clients
        .iter()
        .flat_map(|c| c.recipes.iter().map(move |r| (c, r)))
        .filter(|(_, r)| r.path == path)
        .collect();
    if at_path.is_empty() {
        return Err(Text::new("lesson.error.no_recipe").arg("path", path.to_string()));
    }
    // A client may still believe it holds the lock after its session expired (its node is
    // gone): the truth is the ensemble's, so a holder's node must be in the leader's tree.
    let tree: Option<Vec<&str>> = after.leader.and_then(|l| {
        let s = after.servers.iter().find(|s| s.myid == l.0)?;
        Some(s.tree.iter().map(|(p, _)| p.as_str()).collect())
    });
    let in_tree = |node: &Option<String>| match (&tree, node) {
        (None, _) => true,
        (Some(t), Some(n)) if n.starts_with('/') => t.contains(&n.as_str()),
        (Some(t), Some(n)) => t.contains(&format!("{path}/{n}").as_str()),
        (Some(_), None) => false,
    };
    let holders: Vec<_> = at_path
        .iter()
        .filter(|(_, r)| matches!(r.role, Role::Holder | Role::Leader) && in_tree(&r.node))
        .collect();
    if holders.len() > 1 {
        return Err(Text::new("lesson.error.many_holders")
            .arg("path", path.to_string())
            .arg("time", time));
    }
    let mut choices: Vec<Choice> = Vec::new();
    for (c, _) in &at_path {
        if !choices.iter().any(|x| x.id == c.name) {
            choices.push(Choice {
                id: c.name.clone(),
                label: Text::new("lesson.choice.client").arg("client", c.name.clone()),
            });
        }
    }
    choices.push(Choice {
        id: NOBODY.into(),
        label: Text::new("lesson.choice.nobody"),
    });
    let (answer, why) = match holders.first() {
        Some((c, r)) => (
            c.name.clone(),
            Text::new("lesson.why.holder")
                .arg("client", c.name.clone())
                .arg("path", path.to_string())
                .arg("node", r.node.clone().unwrap_or_default()),
        ),
        None => (
            NOBODY.to_string(),
            Text::new("lesson.why.holder.none")
                .arg("path", path.to_string())
                .arg("time", time),
        ),
    };
    Ok(Question {
        text: q,
        choices,
        answer,
        why,
    })
}
