//! The lesson player's panel, across the page above the narration line while a lesson is
//! open: the step's
//! narration in the page's language (large), where it is ("step 3 of 9"), Previous / Next,
//! Take over / Back to the lesson, the presenter view (the teacher's notes for this step and
//! the next), and a checkpoint's question with its computed choices as buttons, then the
//! verdict and its "why". Everything a lesson file says is shown as text, never as HTML.
//!
//! It also marks what the step's `show` lines name (`highlight.rs`). A container: it reads
//! the store and dispatches `LessonAction`s.

use super::highlight::Highlighter;
use crate::i18n::{Lang, t, tf, use_lang};
use crate::store::lesson::LessonRun;
use crate::store::{LessonAction, callback, use_store};
use yew::prelude::*;
use zabscope_core::lesson::Bilingual;

fn pick(b: &Bilingual, lang: Lang) -> String {
    b.get(lang).to_string()
}

/// The checkpoint: the question, its choices, then the verdict.
fn question(run: &LessonRun, lang: Lang, onanswer: &Callback<String>) -> Html {
    let Some(q) = &run.question else {
        return html! {};
    };
    let q = match q {
        Ok(q) => q,
        Err(e) => {
            return html! {
                <p id="lesson-question-error" class="zs-error" role="alert">
                    { tf("lesson.err.question", &[("error", &e.render(lang))]) }
                </p>
            };
        }
    };
    let answered = run.answer.as_ref().map(|(c, _)| c.clone());
    let locked = answered.is_some() || run.taken_over;
    let choices = q.choices.iter().map(|c| {
        let id = c.id.clone();
        let chosen = answered.as_deref() == Some(c.id.as_str());
        let right = answered.is_some() && c.id == q.answer;
        let onclick = onanswer.reform(move |_: MouseEvent| id.clone());
        html! {
            <button class={classes!("zs-choice", chosen.then_some("zs-chosen"), right.then_some("zs-right"))}
                id={format!("choice-{}", c.id)} data-choice={c.id.clone()} disabled={locked}
                aria-pressed={chosen.to_string()} {onclick}>{ c.label.render(lang) }</button>
        }
    });
    // The core's verdict says right or wrong, the answer and why; the glyph repeats it.
    let verdict = run.answer.as_ref().map(|(_, v)| {
        html! {
            <p id="lesson-verdict" class={classes!("zs-verdict", if v.right { "zs-right" } else { "zs-wrong" })}
                role="status" data-right={v.right.to_string()}>
                <strong>{ if v.right { "✓ " } else { "✗ " } }</strong>{ v.why.render(lang) }
            </p>
        }
    });
    html! {
        <div id="lesson-question" class="zs-lesson-q">
            <span class="zs-lesson-ask">{ q.text.render(lang) }</span>
            <span class="zs-choices">{ for choices }</span>
            if let Some(v) = verdict { { v } }
        </div>
    }
}

#[component]
pub fn LessonPanel() -> Html {
    let lang = use_lang();
    let store = use_store();
    let act = callback::<LessonAction>(&store);
    let Some(run) = store.lessons.open.clone() else {
        return html! {};
    };
    let presenter = store.lessons.presenter;
    let step = &run.lesson.steps[run.step];
    let last = run.step + 1 >= run.len();
    let nav =
        |id: &'static str, label: &'static str, title: &'static str, a: LessonAction, off: bool| {
            html! {
                <button {id} title={t(title).to_string()} disabled={off}
                    onclick={act.reform(move |_: MouseEvent| a.clone())}>{ t(label) }</button>
            }
        };
    let take = if run.taken_over {
        html! {
            <>
                <span id="lesson-free" class="zs-lesson-free">{ tf("lesson.free", &[("step", &(run.step + 1).to_string())]) }</span>
                { nav("lesson-back", "lesson.back", "lesson.back", LessonAction::BackToLesson, false) }
            </>
        }
    } else {
        nav(
            "lesson-takeover",
            "lesson.takeover",
            "lesson.takeover.title",
            LessonAction::TakeOver,
            false,
        )
    };
    let notes = presenter.then(|| {
        let now = step.note.as_ref().map(|n| pick(n, lang));
        let next = run.lesson.steps.get(run.step + 1).map(|s| {
            s.note.as_ref().map_or_else(|| pick(&s.say, lang), |n| pick(n, lang))
        });
        html! {
            <div id="lesson-notes" class="zs-lesson-notes">
                if let Some(n) = now { <p><strong>{ t("lesson.notes") }{ ": " }</strong>{ n }</p> }
                if let Some(n) = next { <p><strong>{ t("lesson.note.next") }{ ": " }</strong>{ n }</p> }
            </div>
        }
    });
    let highlights = if run.taken_over {
        Vec::new()
    } else {
        run.highlights()
    };
    html! {
        <section id="lesson" class={classes!("zs-lesson", presenter.then_some("zs-presenter"), run.taken_over.then_some("zs-taken-over"))}
            aria-label={t("lesson.label").to_string()} data-lesson={run.lesson.id.clone()}
            data-step={run.step.to_string()}>
            <div class="zs-lesson-head">
                <strong class="zs-lesson-title">{ pick(&run.lesson.title, lang) }</strong>
                <span id="lesson-pos" class="zs-lesson-pos">{ tf("lesson.pos", &[("step", &(run.step + 1).to_string()), ("of", &run.len().to_string())]) }</span>
                { nav("lesson-prev", "lesson.prev", "lesson.prev.title", LessonAction::Prev, run.step == 0 || run.taken_over) }
                { nav("lesson-next", "lesson.next", "lesson.next.title", LessonAction::Next, last || run.taken_over) }
                { take }
                <button id="lesson-presenter" aria-pressed={presenter.to_string()}
                    onclick={act.reform(move |_: MouseEvent| LessonAction::Presenter(!presenter))}>{ t("lesson.presenter") }</button>
                <button id="lesson-close" aria-label={t("lesson.close").to_string()} title={t("lesson.close").to_string()}
                    onclick={act.reform(|_: MouseEvent| LessonAction::Close)}>{ "✕" }</button>
            </div>
            <p id="lesson-say" class="zs-lesson-say" aria-live="polite">{ pick(&step.say, lang) }</p>
            { question(&run, lang, &act.reform(LessonAction::Answer)) }
            if let Some(n) = notes { { n } }
            <Highlighter {highlights} />
        </section>
    }
}
