//! The command line: any scenario command (`crash 3`, `partition 1,2|3,4,5`, `connect c1 2`,
//! `create c1 /app hello`, `help` …), parsed by the core's own `Command::parse` and validated
//! by the simulation, so what a student types is what a scenario file says. A refused command
//! shows why; ↑/↓ walk the history.

use crate::i18n::{Msg, t, use_lang};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Output lines shown.
const SHOWN: usize = 60;

#[derive(Properties, PartialEq)]
pub struct ConsoleProps {
    /// What the command line printed (newest last).
    pub lines: Rc<Vec<Msg>>,
    /// Why the last command was refused.
    pub error: Option<Msg>,
    /// A line entered.
    pub online: Callback<String>,
}

#[component]
pub fn Console(p: &ConsoleProps) -> Html {
    let _lang = use_lang();
    let history = use_mut_ref(Vec::<String>::new);
    let cursor = use_mut_ref(|| 0usize);
    let onkeydown = {
        let online = p.online.clone();
        Callback::from(move |e: KeyboardEvent| {
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            else {
                return;
            };
            match e.key().as_str() {
                "Enter" => {
                    let line = input.value();
                    if line.trim().is_empty() {
                        return;
                    }
                    history.borrow_mut().push(line.clone());
                    *cursor.borrow_mut() = history.borrow().len();
                    input.set_value("");
                    online.emit(line);
                }
                "ArrowUp" | "ArrowDown" => {
                    e.prevent_default();
                    let h = history.borrow();
                    let mut c = cursor.borrow_mut();
                    *c = if e.key() == "ArrowUp" {
                        c.saturating_sub(1)
                    } else {
                        (*c + 1).min(h.len())
                    };
                    input.set_value(h.get(*c).map_or("", String::as_str));
                }
                _ => {}
            }
        })
    };
    let from = p.lines.len().saturating_sub(SHOWN);
    html! {
        <section class="zs-console" aria-label={t("console.label")}>
            <label for="command">{ t("console.command") }</label>
            <input id="command" type="text" autocomplete="off" spellcheck="false"
                placeholder={t("console.placeholder")} {onkeydown} />
            if let Some(e) = &p.error {
                <p id="command-error" class="zs-error" role="alert">{ e.render() }</p>
            }
            <pre class="zs-console-out" aria-live="polite">{ p.lines[from..].iter().map(Msg::render).collect::<Vec<_>>().join("\n") }</pre>
        </section>
    }
}
