//! Serde helpers for the JS-facing view (`window.zabscope.view()`): zxids as a number and a hex
//! string (with their epoch|counter halves), session ids as hex strings (they exceed 2^53),
//! text arguments as an object.

use crate::ids::SessionId;
use crate::zab::proto::Vote;
use crate::zxid::Zxid;
use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Serialize, Serializer};

/// A [`Text`](super::Text)'s arguments as an object `{name: value}`: a value is a string, or a
/// nested `{key, args}` for a sentence inside a sentence (so a page renders it in its language).
pub(crate) struct Args<'a>(pub &'a super::Text);

impl Serialize for Args<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.args().count()))?;
        for (k, v) in self.0.typed_args() {
            match v {
                super::Arg::Text(t) => m.serialize_entry(k, &**t)?,
                other => m.serialize_entry(k, &other.render())?,
            }
        }
        m.end()
    }
}

/// A zxid as `{value, hex, epoch, counter}`.
struct ZxidJs(Zxid);

impl Serialize for ZxidJs {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Zxid", 4)?;
        st.serialize_field("value", &self.0.0)?;
        st.serialize_field("hex", &self.0.to_string())?;
        st.serialize_field("epoch", &self.0.epoch())?;
        st.serialize_field("counter", &self.0.counter())?;
        st.end()
    }
}

pub(crate) fn zxid<S: Serializer>(z: &Zxid, s: S) -> Result<S::Ok, S::Error> {
    ZxidJs(*z).serialize(s)
}

pub(crate) fn opt_zxid<S: Serializer>(z: &Option<Zxid>, s: S) -> Result<S::Ok, S::Error> {
    z.map(ZxidJs).serialize(s)
}

pub(crate) fn session<S: Serializer>(id: &SessionId, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&id.to_string())
}

pub(crate) fn sessions<S: Serializer>(ids: &[SessionId], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(ids.iter().map(ToString::to_string))
}

/// A vote as `{leader, zxid, round, peerEpoch}`.
struct VoteJs(Vote);

impl Serialize for VoteJs {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Vote", 4)?;
        st.serialize_field("leader", &self.0.leader.map(|l| l.0))?;
        st.serialize_field("zxid", &ZxidJs(self.0.zxid))?;
        st.serialize_field("round", &self.0.election_epoch)?;
        st.serialize_field("peerEpoch", &self.0.peer_epoch)?;
        st.end()
    }
}

pub(crate) fn vote<S: Serializer>(v: &Vote, s: S) -> Result<S::Ok, S::Error> {
    VoteJs(*v).serialize(s)
}

pub(crate) fn opt_vote<S: Serializer>(v: &Option<Vote>, s: S) -> Result<S::Ok, S::Error> {
    v.map(VoteJs).serialize(s)
}
