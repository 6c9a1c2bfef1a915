//! The texts the ring and the cards show for a server's life and role, by one function each,
//! so the same words appear everywhere (and a translation later changes only here).

use zabscope_core::ServerView;
use zabscope_core::sim::view::Status;
use zabscope_core::zab::proto::ServerState;

/// The role or process state in capitals: LOOKING, FOLLOWING, LEADING, OBSERVING, or (process
/// not running) OFF, CRASHED, PAUSED.
#[must_use]
pub fn state_code(s: &ServerView) -> String {
    match (s.status, s.state) {
        (Status::Paused, Some(st)) => format!("PAUSED ({st})"),
        (_, Some(st)) => st.to_string(),
        (st, None) => format!("{st:?}").to_uppercase(),
    }
}

/// [`state_code`] as the page shows it: ZooKeeper's states as ZooKeeper spells them, the
/// process's own (paused, crashed, off) in the page's language.
#[must_use]
pub fn state_text(s: &ServerView) -> String {
    use crate::i18n::{t, tf};
    match (s.status, s.state) {
        (Status::Paused, Some(st)) => tf("state.paused_in", &[("state", &st.to_string())]),
        (_, Some(st)) => st.to_string(),
        (Status::Paused, None) => t("state.paused").to_string(),
        (Status::Crashed, None) => t("state.crashed").to_string(),
        (Status::Off, None) => t("state.off").to_string(),
        (Status::Up, None) => t("state.starting").to_string(),
    }
}

/// The CSS class for a server's role (colours and shapes in static/zabscope.css).
#[must_use]
pub fn role_class(s: &ServerView) -> &'static str {
    match (s.status, s.state) {
        (Status::Paused, _) => "zs-paused",
        (Status::Crashed, _) => "zs-crashed",
        (_, None) => "zs-down",
        (_, Some(ServerState::Looking)) => "zs-looking",
        (_, Some(ServerState::Following)) => "zs-following",
        (_, Some(ServerState::Leading)) => "zs-leading",
        (_, Some(ServerState::Observing)) => "zs-observing",
    }
}

/// A glyph beside the id, so a role is never told by colour alone.
#[must_use]
pub fn role_glyph(s: &ServerView) -> &'static str {
    match (s.status, s.state) {
        (Status::Paused, _) => "⏸",
        (Status::Crashed, _) => "✕",
        (_, None) => "–",
        (_, Some(ServerState::Looking)) => "?",
        (_, Some(ServerState::Following)) => "",
        (_, Some(ServerState::Leading)) => "★",
        (_, Some(ServerState::Observing)) => "◌",
    }
}

/// A zxid as `0x<epoch><counter>` with its halves for a tooltip.
#[must_use]
pub fn zxid_title(z: zabscope_core::Zxid) -> String {
    crate::i18n::tf(
        "zxid.title",
        &[
            ("zxid", &z.to_string()),
            ("epoch", &z.epoch().to_string()),
            ("counter", &z.counter().to_string()),
        ],
    )
}
