//! The command line under the picture: any script command (`crash 3`, `partition 1,2|3,4,5`,
//! `connect c1 2`, `create c1 /app hello`, …) parsed by the core's own `Command::parse`, so
//! what a student types here is exactly what a scenario file says. Errors are shown, never
//! thrown.

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;
use zabscope_core::Command;

#[derive(Properties, PartialEq)]
pub struct ConsoleProps {
    pub on_command: Callback<Command>,
    /// The last command's error, from the simulation.
    pub error: Option<String>,
}

const EXAMPLES: &str = "crash 3 · restart 3 · pause 1 · resume 1 · partition 1,2|3,4,5 · heal · \
    connect c1 2 · create c1 /app hello · create c1 -e /lock me · set c1 /app v2 · get c1 /app · \
    sync c1 /app · close c1";

/// The command input.
#[component]
pub fn Console(p: &ConsoleProps) -> Html {
    let parse_error = use_state(|| None::<String>);
    let onkeydown = {
        let (on_command, parse_error) = (p.on_command.clone(), parse_error.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() != "Enter" {
                return;
            }
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            else {
                return;
            };
            let line = input.value();
            if line.trim().is_empty() {
                return;
            }
            match Command::parse(line.trim()) {
                Ok(cmd) => {
                    parse_error.set(None);
                    input.set_value("");
                    on_command.emit(cmd);
                }
                Err(why) => parse_error.set(Some(why)),
            }
        })
    };
    let error = (*parse_error).clone().or_else(|| p.error.clone());
    html! {
        <section class="zs-console" aria-label="Command line">
            <label for="command">{ "Command" }</label>
            <input id="command" type="text" autocomplete="off" spellcheck="false"
                placeholder="crash 3" {onkeydown} />
            if let Some(e) = error {
                <p id="command-error" class="zs-error" role="alert">{ e }</p>
            }
            <p class="zs-examples">{ EXAMPLES }</p>
        </section>
    }
}
