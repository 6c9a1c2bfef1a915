//! The newest trace events, newest first: every send, delivery, drop, timer, state change,
//! persist, proposal / ack / commit with quorum counts, client request and reply.

use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EventLogProps {
    pub lines: Rc<Vec<String>>,
}

/// The trace panel.
#[component]
pub fn EventLog(p: &EventLogProps) -> Html {
    html! {
        <section class="zs-events" aria-label="Trace">
            <h2>{ "Trace" }</h2>
            <ol id="events" reversed=true>
                { for p.lines.iter().map(|l| html! { <li><code>{ l }</code></li> }) }
            </ol>
        </section>
    }
}
