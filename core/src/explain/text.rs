//! [`Text`]: a sentence by key with named arguments, the unit every explanation is made of
//! (narrations, markers, vote and sync reasons). A run with a trace makes one every step, so an
//! argument is kept as its typed value ([`Arg`]) — a number, a zxid, a time, a static name —
//! and rendered only when someone reads it (the page shows one sentence per frame, the run
//! makes thousands per frame): no formatting while the simulation runs, one small allocation
//! per sentence (formatting every step's narration was a large share of the page's step cost:
//! docs/figures.md, "Design choices"). Values render exactly as their `Display` does: zxids and
//! session ids as `0x` + lower-case hex, times as `1.234s`.

use super::lang::Lang;
use crate::ids::{ServerId, SessionId};
use crate::time::SimTime;
use crate::zxid::Zxid;
use serde::Serialize;
use std::borrow::Cow;
use std::fmt;

/// Arguments a [`Text`] makes room for at once (a step's narration has at most five — a
/// delivery: type, from, to, zxid, epoch; vote explanations and notifications, rare, grow it).
pub const INLINE_ARGS: usize = 5;

/// One argument's value, rendered on demand ([`Arg::render`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    /// Decimal.
    Int(i64),
    /// Decimal.
    Uint(u64),
    /// `0x` + lower-case hex (zxids, session ids: both print as `Zxid` does).
    Hex(u64),
    /// Milliseconds as `12.345s`.
    Time(u64),
    /// A fixed word (a state, a packet kind).
    Str(&'static str),
    /// Anything else, formatted once when the argument is added.
    Owned(Box<str>),
    /// A sentence inside a sentence (an error wrapped with its context), rendered in the
    /// language of the outer one.
    Text(Box<Text>),
}

impl Arg {
    /// The value as text: numbers, zxids and times by their own `Display` (rendering happens
    /// when a sentence is read, not while the simulation runs).
    #[must_use]
    pub fn render(&self) -> Cow<'_, str> {
        match self {
            Arg::Int(v) => Cow::Owned(v.to_string()),
            Arg::Uint(v) => Cow::Owned(v.to_string()),
            Arg::Hex(v) => Cow::Owned(Zxid(*v).to_string()),
            Arg::Time(ms) => Cow::Owned(SimTime(*ms).to_string()),
            Arg::Str(s) => Cow::Borrowed(s),
            Arg::Owned(s) => Cow::Borrowed(s),
            Arg::Text(t) => Cow::Owned(t.en()),
        }
    }

    /// The value as text in `lang`: the same as [`Arg::render`] except a nested sentence,
    /// which renders in `lang` too (numbers, zxids and times read the same in every language).
    #[must_use]
    pub fn render_in(&self, lang: Lang) -> Cow<'_, str> {
        match self {
            Arg::Text(t) => Cow::Owned(t.render(lang)),
            other => other.render(),
        }
    }
}

/// What can be a [`Text`] argument. Numbers, zxids, ids, times and static names are kept
/// typed; a `String` is kept as it is; other types are formatted once (`Display`).
pub trait ArgValue {
    /// The value as a text argument.
    fn into_arg(self) -> Arg;
}

macro_rules! shown_args {
    ($($t:ty),*) => {$(
        impl ArgValue for $t {
            fn into_arg(self) -> Arg {
                Shown(self).into_arg()
            }
        }
    )*};
}
shown_args!(
    crate::zab::proto::ServerState,
    crate::zab::server::outbox::Phase,
    char,
    bool
);

/// Integers widened into `Arg::$variant($wide)`.
macro_rules! number_args {
    ($variant:ident, $wide:ty: $($t:ty),*) => {$(
        impl ArgValue for $t {
            fn into_arg(self) -> Arg {
                Arg::$variant(<$wide>::from(self))
            }
        }
    )*};
}
number_args!(Int, i64: i8, i16, i32, i64);
number_args!(Uint, u64: u8, u16, u32, u64);

impl ArgValue for usize {
    fn into_arg(self) -> Arg {
        Arg::Uint(self as u64)
    }
}

impl ArgValue for Zxid {
    fn into_arg(self) -> Arg {
        Arg::Hex(self.0)
    }
}

impl ArgValue for SessionId {
    fn into_arg(self) -> Arg {
        Arg::Hex(self.0 as u64)
    }
}

impl ArgValue for ServerId {
    fn into_arg(self) -> Arg {
        Arg::Uint(u64::from(self.0))
    }
}

impl ArgValue for SimTime {
    fn into_arg(self) -> Arg {
        Arg::Time(self.0)
    }
}

impl ArgValue for &'static str {
    fn into_arg(self) -> Arg {
        Arg::Str(self)
    }
}

impl ArgValue for Arg {
    fn into_arg(self) -> Arg {
        self
    }
}

impl ArgValue for Text {
    fn into_arg(self) -> Arg {
        Arg::Text(Box::new(self))
    }
}

impl ArgValue for String {
    fn into_arg(self) -> Arg {
        Arg::Owned(self.into_boxed_str())
    }
}

impl ArgValue for &String {
    fn into_arg(self) -> Arg {
        Arg::Owned(self.as_str().into())
    }
}

macro_rules! ref_args {
    ($($t:ty),*) => {$(
        impl ArgValue for &$t {
            fn into_arg(self) -> Arg {
                (*self).into_arg()
            }
        }
    )*};
}
ref_args!(
    i8,
    i16,
    i32,
    i64,
    u8,
    u16,
    u32,
    u64,
    usize,
    Zxid,
    SessionId,
    ServerId,
    SimTime,
    &'static str
);

/// A value formatted with `Display` once, when added (types without a typed [`Arg`]).
pub struct Shown<T: fmt::Display>(pub T);

impl<T: fmt::Display> ArgValue for Shown<T> {
    fn into_arg(self) -> Arg {
        Arg::Owned(self.0.to_string().into_boxed_str())
    }
}

/// A sentence by key: `key` names the message (`vote.adopt.higher_epoch`), the arguments fill
/// its `{name}` placeholders. Serialised as `{"key": …, "args": {name: value}}`. Small (a key
/// and a vector) so that building one argument by argument, and keeping a copy per step, moves
/// few bytes; the arguments take one allocation, sized for [`INLINE_ARGS`].
#[derive(Clone, PartialEq, Eq)]
pub struct Text {
    /// The catalogue key (`narrate.deliver`, …).
    pub key: &'static str,
    args: Vec<(&'static str, Arg)>,
}

impl Text {
    /// A text with no arguments yet.
    #[must_use]
    pub fn new(key: &'static str) -> Text {
        Text {
            key,
            args: Vec::new(),
        }
    }

    /// Add a named argument (see [`ArgValue`]; [`Shown`] for any `Display`).
    #[must_use]
    pub fn arg(mut self, name: &'static str, value: impl ArgValue) -> Text {
        if self.args.capacity() == 0 {
            self.args.reserve_exact(INLINE_ARGS);
        }
        self.args.push((name, value.into_arg()));
        self
    }

    /// The arguments, `(name, typed value)` in the order they were added.
    pub fn typed_args(&self) -> impl Iterator<Item = (&'static str, &Arg)> + '_ {
        self.args.iter().map(|(n, v)| (*n, v))
    }

    /// The arguments, `(name, value)` in the order they were added.
    pub fn args(&self) -> impl Iterator<Item = (&'static str, Cow<'_, str>)> + '_ {
        self.typed_args().map(|(n, v)| (n, v.render()))
    }

    /// The value of argument `name`, if set.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<Cow<'_, str>> {
        self.typed_args()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.render())
    }

    /// The sentence in English.
    #[must_use]
    pub fn en(&self) -> String {
        super::texts_en::text(self)
    }

    /// The sentence in `lang` (see [`Lang`]); `render(Lang::En)` is [`Text::en`].
    #[must_use]
    pub fn render(&self, lang: Lang) -> String {
        super::lang::render(self, lang)
    }
}

impl fmt::Debug for Text {
    /// As the derived form of `{ key, args: [(name, value)] }` printed it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let args: Vec<(&str, Cow<'_, str>)> = self.args().collect();
        f.debug_struct("Text")
            .field("key", &self.key)
            .field("args", &args)
            .finish()
    }
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Text", 2)?;
        st.serialize_field("key", self.key)?;
        st.serialize_field("args", &super::ser::Args(self))?;
        st.end()
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_values_render_as_their_display() {
        for v in [0u64, 1, 9, 10, 255, 0x1_0000_0001, u64::MAX] {
            assert_eq!(Arg::Uint(v).render(), v.to_string());
            assert_eq!(Arg::Hex(v).render(), Zxid(v).to_string());
            assert_eq!(
                Arg::Time(v % 10_000_000).render(),
                SimTime(v % 10_000_000).to_string()
            );
        }
        for v in [0i64, -1, 7, i64::MIN, i64::MAX] {
            assert_eq!(Arg::Int(v).render(), v.to_string());
        }
        assert_eq!(SessionId(-1).into_arg().render(), SessionId(-1).to_string());
        assert_eq!(ServerId(42).into_arg().render(), "42");
    }

    #[test]
    fn arguments_keep_their_order_past_the_inline_ones() {
        let t = Text::new("k")
            .arg("a", 1u32)
            .arg("b", "two")
            .arg("c", String::from("three"))
            .arg("d", Zxid(0x1_0000_0002))
            .arg("e", SimTime(1_234))
            .arg("f", -6i32)
            .arg("g", Shown('x'));
        let args: Vec<(&str, String)> = t.args().map(|(n, v)| (n, v.into_owned())).collect();
        let want = [
            ("a", "1"),
            ("b", "two"),
            ("c", "three"),
            ("d", "0x100000002"),
            ("e", "1.234s"),
            ("f", "-6"),
            ("g", "x"),
        ];
        assert_eq!(args.len(), want.len());
        for ((n, v), (wn, wv)) in args.iter().zip(want) {
            assert_eq!((*n, v.as_str()), (wn, wv));
        }
        assert_eq!(t.get("d").as_deref(), Some("0x100000002"));
        assert_eq!(t.get("z"), None);
    }
}
