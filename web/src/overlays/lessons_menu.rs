//! The lesson menu: every lesson of `static/lessons/index.txt`, grouped (ZAB, data model,
//! recipes, operations, "what if"), each with its title in the page's language, its length
//! at the current speed and a ✓ once played to the end. The catalogue is fetched the first
//! time the menu opens (the lessons are not in the page's first load). A container.

use crate::i18n::{t, tf, use_lang};
use crate::lessons::{Entry, GROUPS, fetch, minutes_at};
use crate::store::{LessonAction, callback, use_store};
use yew::prelude::*;

/// Open lesson `id`: fetch its file, then hand its text to the store (or say why not).
pub fn open(id: String, d: UseReducerDispatcher<crate::store::Model>) {
    wasm_bindgen_futures::spawn_local(async move {
        let action = match fetch::lesson_text(&id).await {
            Ok(text) => LessonAction::Open(text),
            Err(e) => LessonAction::Failed(e),
        };
        d.dispatch(action.into());
    });
}

/// Open lesson `id` at its step `step` (a shared link or the kept run that carried it).
pub fn open_at(id: String, step: usize, d: UseReducerDispatcher<crate::store::Model>) {
    wasm_bindgen_futures::spawn_local(async move {
        match fetch::lesson_text(&id).await {
            Ok(text) => {
                d.dispatch(LessonAction::Open(text).into());
                if step > 0 {
                    d.dispatch(LessonAction::Goto(step).into());
                }
            }
            Err(e) => d.dispatch(LessonAction::Failed(e).into()),
        }
    });
}

#[component]
pub fn LessonsMenu() -> Html {
    let _lang = use_lang();
    let store = use_store();
    let open_now = store.lessons.menu;
    let need = open_now && store.lessons.catalog.is_none();
    {
        let d = store.dispatcher();
        use_effect_with(need, move |need| {
            if *need {
                wasm_bindgen_futures::spawn_local(async move {
                    d.dispatch(LessonAction::Catalog(fetch::catalog().await).into());
                });
            }
        });
    }
    if !open_now {
        return html! {};
    }
    let act = callback::<LessonAction>(&store);
    let speed = store.playback.speed;
    let done = store.lessons.done.clone();
    let item = |e: &Entry| {
        let (id, d) = (e.id.clone(), store.dispatcher());
        let onclick = Callback::from(move |_: MouseEvent| open(id.clone(), d.clone()));
        let is_done = done.contains(&e.id);
        html! {
            <li>
                <button class="zs-lesson-item" id={format!("lesson-{}", e.id)} data-lesson={e.id.clone()} {onclick}>
                    <span class="zs-lesson-item-title">{ e.title() }</span>
                    <span class="zs-lesson-item-len">{ tf("lessons.minutes", &[("n", &minutes_at(e.minutes, speed).to_string())]) }</span>
                    if is_done { <span class="zs-lesson-done" title={t("lessons.done").to_string()}>{ "✓ " }{ t("lessons.done") }</span> }
                </button>
                if let Some(err) = &e.error { <p class="zs-error">{ err.clone() }</p> }
            </li>
        }
    };
    let body = match &store.lessons.catalog {
        None => html! { <p>{ t("lessons.loading") }</p> },
        Some(Err(e)) => html! { <p class="zs-error" role="alert">{ e.render() }</p> },
        Some(Ok(list)) if list.is_empty() => html! { <p>{ t("lessons.empty") }</p> },
        Some(Ok(list)) => html! {
            <div class="zs-lesson-groups">
                { for GROUPS.iter().filter(|(g, _)| list.iter().any(|e| e.group == *g)).map(|(g, key)| html! {
                    <section class="zs-lesson-group" data-group={*g}>
                        <h3>{ t(key) }</h3>
                        <ul>{ for list.iter().filter(|e| e.group == *g).map(item) }</ul>
                    </section>
                }) }
            </div>
        },
    };
    let error = store.lessons.error.as_ref().map(|e| {
        html! { <p id="lessons-error" class="zs-error" role="alert">{ e.render() }</p> }
    });
    html! {
        <div class="zs-modal" role="dialog" aria-modal="true" aria-labelledby="lessons-title" id="lessons-menu">
            <div class="zs-setup zs-lessons">
                <h2 id="lessons-title">{ t("lessons.title") }</h2>
                if let Some(e) = error { { e } }
                { body }
                <div class="zs-row">
                    <button onclick={act.reform(|_: MouseEvent| LessonAction::Menu(false))}>{ t("dialog.close") }</button>
                </div>
            </div>
        </div>
    }
}
