//! The texts the ring and the cards show for a server's life and role, by one function each,
//! so the same words appear everywhere (and a translation later changes only here).

use zabscope_core::ServerView;
use zabscope_core::sim::view::Status;
use zabscope_core::zab::proto::ServerState;

/// The role or process state in capitals: LOOKING, FOLLOWING, LEADING, OBSERVING, or (process
/// not running) OFF, CRASHED, PAUSED.
#[must_use]
pub fn state_text(s: &ServerView) -> String {
    match (s.status, s.state) {
        (Status::Paused, Some(st)) => format!("PAUSED ({st})"),
        (_, Some(st)) => st.to_string(),
        (st, None) => format!("{st:?}").to_uppercase(),
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
    format!("{z} = epoch {} | counter {}", z.epoch(), z.counter())
}
