//! 4lw: send a four-letter word to any server and read its answer exactly as `nc` would
//! print it (`ruok`, `srvr`, `stat`, `mntr`, `conf`, `cons`, `dump`, `wchs`, `envi` …).

use yew::prelude::*;

const WORDS: [&str; 11] = [
    "ruok", "srvr", "stat", "mntr", "conf", "cons", "dump", "wchs", "wchc", "wchp", "envi",
];

#[derive(Properties, PartialEq)]
pub struct FourLwTabProps {
    /// Every server's myid.
    pub servers: Vec<u32>,
    /// The last four-letter word: (server, word, output).
    pub fourlw: Option<(u32, String, String)>,
    /// Send a word: (server, word).
    pub onword: Callback<(u32, String)>,
}

#[component]
pub fn FourLwTab(p: &FourLwTabProps) -> Html {
    // Re-render when the language changes, even if the props did not.
    let _lang = crate::i18n::use_lang();
    let target = p
        .fourlw
        .as_ref()
        .map_or_else(|| p.servers.first().copied().unwrap_or(1), |f| f.0);
    let servers = p.servers.iter().map(|&id| {
        let onword = p.onword.clone();
        let on = id == target;
        html! { <button class={classes!("zs-4lw-server", on.then_some("active"))} aria-pressed={on.to_string()}
            onclick={Callback::from(move |_: MouseEvent| onword.emit((id, "ruok".into())))}>
            { format!("server.{id}") }</button> }
    });
    let words = WORDS.iter().map(|w| {
        let (onword, w) = (p.onword.clone(), (*w).to_string());
        let label = w.clone();
        html! { <button class={format!("zs-word zs-word-{w}")}
            onclick={Callback::from(move |_: MouseEvent| onword.emit((target, w.clone())))}>{ label }</button> }
    });
    html! {
        <div class="zs-4lw">
            <div class="zs-row" role="group" aria-label={crate::i18n::t("fourlw.servers")}>{ for servers }</div>
            <div class="zs-row" role="group" aria-label={crate::i18n::t("fourlw.words")}>{ for words }</div>
            if let Some((id, word, out)) = &p.fourlw {
                <p class="zs-4lw-cmd"><code>{ format!("$ echo {word} | nc server.{id} 2181") }</code></p>
                <pre id="fourlw-output" class="zs-pre">{ out }</pre>
            }
        </div>
    }
}
