//! The lessons in `window.zabscope` (docs/js-api.md, "Lessons"): `lessons()` → a Promise of
//! `[{id, group, title: {en, zh}, minutes, error?}]` (the files are fetched on demand),
//! `openLesson(id)` → a Promise of `{ok, error}`, `loadLesson(text)` → `{ok, error}` (a file
//! a teacher wrote), `lessonNext()`, `lessonPrev()`, `lessonGoto(i)`, `answer(choiceId)` →
//! `{ok, right, why, answer}`, `takeOver()`, `backToLesson()`, `closeLesson()`, and the
//! `lesson` field of `view()`. Each is the same `LessonAction` the panel's buttons dispatch.

use super::{Dispatch, outcome, to_js};
use crate::lessons::fetch;
use crate::store::lesson::LessonRun;
use crate::store::{LessonAction, Shared};
use js_sys::Promise;
use serde_json::{Value, json};
use wasm_bindgen::JsValue;

/// `view().lesson`: `{id, group, step, of, at, takenOver, say, question?}` (`step` counts from
/// 0; `say` and the question's texts are in the page's language), or `null`.
#[must_use]
pub fn view(run: Option<&LessonRun>) -> Value {
    let Some(run) = run else {
        return Value::Null;
    };
    let l = crate::i18n::lang();
    let step = &run.lesson.steps[run.step];
    let mut out = json!({
        "id": run.lesson.id,
        "group": run.lesson.group,
        "step": run.step,
        "of": run.len(),
        "at": run.at(run.step),
        "takenOver": run.taken_over,
        "pause": step.pause,
        "say": step.say.get(l),
        "breakSwitch": run.lesson.brk.map(|b| b.key()),
        "expectViolation": run.lesson.expect_violation,
    });
    if let Some(q) = &run.question {
        let q = match q {
            Ok(q) => {
                let mut o = json!({
                    "text": q.text.render(l),
                    "choices": q.choices.iter().map(|c| json!({"id": c.id, "label": c.label.render(l)})).collect::<Vec<_>>(),
                    "decide": step.ask.as_ref().map(|a| a.decide.ms()),
                });
                if let Some((choice, v)) = &run.answer {
                    o["answered"] = json!(choice);
                    o["right"] = json!(v.right);
                    o["answer"] = json!(q.answer);
                    o["why"] = json!(v.why.render(l));
                }
                o
            }
            Err(e) => json!({ "error": e.render(l) }),
        };
        out["question"] = q;
    }
    out
}

/// `lessons()`: every lesson of the index (fetched, then kept for the visit).
#[must_use]
pub fn list() -> JsValue {
    wasm_bindgen_futures::future_to_promise(async move {
        match fetch::catalog().await {
            Ok(entries) => Ok(to_js(&Value::Array(
                entries
                    .iter()
                    .map(|e| {
                        json!({
                            "id": e.id, "group": e.group, "path": e.path,
                            "title": {"en": e.title_en, "zh": e.title_zh},
                            "minutes": e.minutes, "error": e.error,
                        })
                    })
                    .collect(),
            ))),
            Err(e) => Err(JsValue::from_str(&e.render_in(crate::i18n::Lang::En))),
        }
    })
    .into()
}

/// `openLesson(id)`: fetch and open; the Promise resolves to `{ok, error}` once it is open
/// (or refused: a malformed file's line is in `error`, and the current run stays).
#[must_use]
pub fn open(id: &JsValue, d: &Dispatch, s: &std::rc::Rc<Shared>) -> JsValue {
    let Some(id) = id.as_string() else {
        return Promise::resolve(&to_js(
            &json!({"ok": false, "error": "openLesson(id) needs a lesson id (a string)"}),
        ))
        .into();
    };
    let (d, s) = (d.clone(), s.clone());
    wasm_bindgen_futures::future_to_promise(async move {
        let action = match fetch::lesson_text(&id).await {
            Ok(text) => LessonAction::Open(text),
            Err(e) => LessonAction::Failed(e),
        };
        d.dispatch(action.into());
        Ok(outcome(&s))
    })
    .into()
}

/// `answer(choiceId)`: judge and run on to `decide`.
#[must_use]
pub fn answer(choice: &JsValue, d: &Dispatch, s: &Shared) -> JsValue {
    let Some(choice) = choice.as_string() else {
        return to_js(
            &json!({"ok": false, "error": "answer(choiceId) needs a choice id (a string)"}),
        );
    };
    let ok = s.lesson.borrow().as_ref().is_some_and(|r| {
        !r.taken_over
            && r.answer.is_none()
            && matches!(&r.question, Some(Ok(q)) if q.choices.iter().any(|c| c.id == choice))
    });
    if !ok {
        return to_js(&json!({
            "ok": false,
            "error": format!("answer('{}'): no open question has this choice", crate::store::clip(&choice, 40)),
        }));
    }
    d.dispatch(LessonAction::Answer(choice).into());
    let run = s.lesson.borrow();
    let out = run
        .as_ref()
        .and_then(|r| view(Some(r)).get("question").cloned())
        .unwrap_or(Value::Null);
    to_js(&json!({
        "ok": true,
        "right": out.get("right"),
        "answer": out.get("answer"),
        "why": out.get("why"),
    }))
}

/// A lesson action with no argument, answering `{ok, error}` (`ok` false when no lesson is
/// open).
#[must_use]
pub fn simple(a: LessonAction, d: &Dispatch, s: &Shared) -> JsValue {
    if s.lesson.borrow().is_none() {
        return to_js(&json!({"ok": false, "error": "no lesson is open (openLesson(id) first)"}));
    }
    d.dispatch(a.into());
    to_js(&json!({"ok": true, "lesson": view(s.lesson.borrow().as_deref())}))
}
