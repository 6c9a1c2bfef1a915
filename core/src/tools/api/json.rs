//! A JSON object that keeps its keys in insertion order, so api output reads in the order the
//! api docs list them (`client, op, ok, rc, code, …`) without switching serde_json's map type
//! for the whole workspace.

use serde_json::Value;

/// An ordered JSON object.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Obj(pub Vec<(String, Json)>);

/// A value that is either plain JSON or a nested ordered object / list of them.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    /// A plain JSON value.
    V(Value),
    /// An object whose keys keep their order.
    O(Obj),
    /// A list.
    L(Vec<Json>),
}

impl Obj {
    /// An empty object.
    #[must_use]
    pub fn new() -> Obj {
        Obj(Vec::new())
    }

    /// Appends (or replaces) `key`.
    pub fn set(&mut self, key: &str, v: impl Into<Json>) -> &mut Obj {
        let v = v.into();
        if let Some(slot) = self.0.iter_mut().find(|(k, _)| k == key) {
            slot.1 = v;
        } else {
            self.0.push((key.to_string(), v));
        }
        self
    }

    /// The object with `key` set to `v` (appended in order).
    #[must_use]
    pub fn with(mut self, key: &str, v: impl Into<Json>) -> Obj {
        self.set(key, v);
        self
    }

    /// Compact JSON text.
    #[must_use]
    pub fn render(&self) -> String {
        let mut s = String::new();
        write_obj(self, &mut s);
        s
    }
}

impl From<Value> for Json {
    fn from(v: Value) -> Json {
        Json::V(v)
    }
}

impl From<Obj> for Json {
    fn from(o: Obj) -> Json {
        Json::O(o)
    }
}

impl From<Vec<Json>> for Json {
    fn from(l: Vec<Json>) -> Json {
        Json::L(l)
    }
}

impl From<&str> for Json {
    fn from(s: &str) -> Json {
        Json::V(Value::from(s))
    }
}

impl From<String> for Json {
    fn from(s: String) -> Json {
        Json::V(Value::from(s))
    }
}

impl From<bool> for Json {
    fn from(b: bool) -> Json {
        Json::V(Value::from(b))
    }
}

impl From<i64> for Json {
    fn from(n: i64) -> Json {
        Json::V(Value::from(n))
    }
}

impl From<i32> for Json {
    fn from(n: i32) -> Json {
        Json::V(Value::from(n))
    }
}

impl From<u64> for Json {
    fn from(n: u64) -> Json {
        Json::V(Value::from(n))
    }
}

fn write_obj(o: &Obj, s: &mut String) {
    s.push('{');
    for (i, (k, v)) in o.0.iter().enumerate() {
        if i > 0 {
            s.push(',');
        }
        s.push_str(&Value::from(k.as_str()).to_string());
        s.push(':');
        write_json(v, s);
    }
    s.push('}');
}

fn write_json(v: &Json, s: &mut String) {
    match v {
        Json::V(v) => s.push_str(&v.to_string()),
        Json::O(o) => write_obj(o, s),
        Json::L(l) => {
            s.push('[');
            for (i, x) in l.iter().enumerate() {
                if i > 0 {
                    s.push(',');
                }
                write_json(x, s);
            }
            s.push(']');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_insertion_order() {
        let o = Obj::new()
            .with("z", 1)
            .with("a", "x\"y")
            .with("l", vec![Json::from(true), Obj::new().with("k", 2).into()]);
        assert_eq!(o.render(), r#"{"z":1,"a":"x\"y","l":[true,{"k":2}]}"#);
    }
}
