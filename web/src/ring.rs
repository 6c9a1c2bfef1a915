//! The ensemble drawn as a ring: each server a circle coloured by its role, each message in
//! flight a dot on the line between sender and receiver, labelled with its ZAB type. Only the
//! SVG for the current view is produced; Yew's diff updates just what moved.

use crate::server_card::role_class;
use std::rc::Rc;
use yew::prelude::*;
use zabscope_core::view::MsgView;
use zabscope_core::{ClusterView, Command, ServerId};

const SIZE: i64 = 420;
const CENTER: i64 = SIZE / 2;
const RADIUS: f64 = 150.0;
/// Simulated ms a message is drawn travelling (LAN latency + jitter of the default config).
const HOP_MS: u64 = 2;

#[derive(Properties, PartialEq)]
pub struct RingProps {
    pub view: Rc<ClusterView>,
    pub on_command: Callback<Command>,
}

/// Where server `index` of `n` sits on the ring (presentation only: floats never reach the core).
fn position(index: usize, n: usize) -> (f64, f64) {
    let angle =
        -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * index as f64 / n.max(1) as f64;
    (
        CENTER as f64 + RADIUS * angle.cos(),
        CENTER as f64 + RADIUS * angle.sin(),
    )
}

/// The message type without its arguments: `PROPOSAL(0x100000001)` → `PROPOSAL`.
fn kind(msg: &str) -> &str {
    msg.split('(').next().unwrap_or(msg)
}

/// The ring.
#[component]
pub fn Ring(p: &RingProps) -> Html {
    let view = &p.view;
    let n = view.servers.len();
    let index_of = |id: ServerId| view.servers.iter().position(|s| s.myid == id.0);
    let links = (0..n)
        .flat_map(|a| ((a + 1)..n).map(move |b| (a, b)))
        .map(|(a, b)| {
            let ((x1, y1), (x2, y2)) = (position(a, n), position(b, n));
            html! { <line class="zs-link" x1={x1.to_string()} y1={y1.to_string()}
            x2={x2.to_string()} y2={y2.to_string()} /> }
        });
    let messages = view
        .in_flight
        .iter()
        .filter(|m| m.from != m.to)
        .filter_map(|m| {
            let (a, b) = (index_of(m.from)?, index_of(m.to)?);
            Some(message_dot(
                m,
                position(a, n),
                position(b, n),
                view.now.ms(),
            ))
        });
    let servers = view.servers.iter().enumerate().map(|(i, s)| {
        let (x, y) = position(i, n);
        let role = role_class(s);
        let label = s.state.map_or_else(
            || format!("{:?}", s.status).to_uppercase(),
            |st| st.to_string(),
        );
        let (on_command, id) = (p.on_command.clone(), ServerId(s.myid));
        let up = s.state.is_some();
        let toggle = Callback::from(move |_: MouseEvent| {
            on_command.emit(if up {
                Command::Crash(id)
            } else {
                Command::Restart(id)
            });
        });
        html! {
            <g class={classes!("zs-node", role)} data-myid={s.myid.to_string()}
               transform={format!("translate({x:.1} {y:.1})")} onclick={toggle}>
                <title>{ format!("server.{} — {label}; click to {}", s.myid,
                    if up { "crash it" } else { "restart it" }) }</title>
                <circle r="34" />
                <text class="zs-node-id" y="-4">{ s.myid }</text>
                <text class="zs-node-role" y="14">{ label }</text>
                <text class="zs-node-zxid" y="52">{ s.last_committed.to_string() }</text>
            </g>
        }
    });
    html! {
        <figure class="zs-ring" aria-label="The ensemble">
            <svg viewBox={format!("0 0 {SIZE} {SIZE}")} role="img">
                { for links }
                { for messages }
                { for servers }
            </svg>
            <figcaption>{ format!("{} messages in flight", view.in_flight.len()) }</figcaption>
        </figure>
    }
}

fn message_dot(m: &MsgView, (x1, y1): (f64, f64), (x2, y2): (f64, f64), now: u64) -> Html {
    let left = m.due.ms().saturating_sub(now).min(HOP_MS);
    let f = 1.0 - left as f64 / HOP_MS as f64;
    let f = f.clamp(0.15, 0.85);
    let (x, y) = (x1 + (x2 - x1) * f, y1 + (y2 - y1) * f);
    let k = kind(&m.msg);
    html! {
        <g class={classes!("zs-msg", format!("zs-msg-{}", k.to_lowercase()))}
           transform={format!("translate({x:.1} {y:.1})")}>
            <title>{ format!("m{} {}→{} {}", m.id, m.from, m.to, m.msg) }</title>
            <circle r="6" />
            <text y="-9">{ k }</text>
        </g>
    }
}
