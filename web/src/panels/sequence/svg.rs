//! The visible range of the sequence diagram as a self-contained SVG file (the Export button
//! and `window.zabscope.sequenceSvg()`): its own styles inline, no external font, image or
//! script, every text XML-escaped (client operations and lane names come from the run, which a
//! script or a link may have written). Drawn from the same [`Scene`] as the page.

use super::index::Kind;
use super::scene::{Geo, Scene};
use std::fmt::Write;

/// `s` with XML's five special characters escaped (and control characters dropped, which XML
/// 1.0 does not allow).
#[must_use]
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// The colour family of an arrow (the same as the page's CSS classes).
#[must_use]
pub fn family(k: Kind) -> &'static str {
    use zabscope_core::zab::proto::PacketKind as P;
    match k {
        Kind::Packet(P::Notification) => "vote",
        Kind::Packet(
            P::FollowerInfo
            | P::ObserverInfo
            | P::LeaderInfo
            | P::AckEpoch
            | P::Diff
            | P::Trunc
            | P::Snap
            | P::NewLeader
            | P::UpToDate,
        ) => "sync",
        Kind::Packet(P::Proposal | P::Ack | P::Commit | P::Inform) => "bcast",
        Kind::Packet(P::Ping) => "ping",
        Kind::Request | Kind::Reply => "client",
        _ => "other",
    }
}

const STYLE: &str = "text{font-family:system-ui,sans-serif;font-size:14px;fill:#1b1b1b}\
.lane{stroke:#9aa3ad;stroke-width:1.5}.step{fill:#5c6670}\
.a{stroke-width:2;fill:none}.vote{stroke:#0072b2}.sync{stroke:#8c4bb0}.bcast{stroke:#b05a00}\
.ping{stroke:#7a7a7a}.client{stroke:#00735a}.other{stroke:#444}\
.cur{fill:#fff4c2}.sel{stroke-width:4}.lbl{paint-order:stroke;stroke:#fff;stroke-width:4px}\
.mk{font-size:18px;font-weight:700}.down{fill:#c0392b}.up{fill:#1e7b34}.cut{stroke:#c0392b;stroke-dasharray:6 4}";

/// The scene as an SVG document; rows are shifted so the first drawn row is at the top.
#[must_use]
pub fn document(s: &Scene, geo: Geo, title: &str) -> String {
    let h = geo.row_h();
    let head = 34.0;
    let top = s.r0 as f64 * h;
    let height = (s.r1.saturating_sub(s.r0)) as f64 * h + head + 8.0;
    let y = |v: f64| v - top + head;
    let mut o = String::new();
    let _ = write!(
        o,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {w:.0} {height:.0}\">\
<title>{t}</title><style>{STYLE}</style>\
<defs><marker id=\"ah\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">\
<path d=\"M0,0L10,5L0,10z\" fill=\"#333\"/></marker></defs>\
<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>",
        w = geo.width,
        t = escape(title)
    );
    for r in &s.rows {
        if r.current {
            let _ = write!(
                o,
                "<rect class=\"cur\" x=\"0\" y=\"{:.1}\" width=\"{:.0}\" height=\"{h:.1}\"/>",
                y(r.y),
                geo.width
            );
        }
    }
    for l in &s.lanes {
        let _ = write!(
            o,
            "<line class=\"lane\" x1=\"{x:.1}\" y1=\"{head}\" x2=\"{x:.1}\" y2=\"{height:.0}\"/>\
<text x=\"{x:.1}\" y=\"22\" text-anchor=\"middle\" font-weight=\"700\">{n}</text>",
            x = l.x,
            n = escape(&l.name)
        );
    }
    for r in &s.rows {
        if r.first_of_step {
            let _ = write!(
                o,
                "<text class=\"step\" x=\"4\" y=\"{:.1}\">#{}</text>",
                y(r.y) + h * 0.7,
                r.step
            );
        }
        if let Some(n) = r.pings {
            let _ = write!(
                o,
                "<text class=\"step\" x=\"{:.1}\" y=\"{:.1}\">{}</text>",
                geo.gutter(),
                y(r.y) + h * 0.7,
                escape(&crate::i18n::tf("seq.pings", &[("n", &n.to_string())]))
            );
        }
        if let Some((x, text)) = &r.state {
            let _ = write!(
                o,
                "<text class=\"lbl\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-weight=\"700\">{}</text>",
                x,
                y(r.y) + h * 0.7,
                escape(text)
            );
        }
    }
    for a in &s.arrows {
        let class = format!(
            "a {}{}",
            family(a.kind),
            if a.selected { " sel" } else { "" }
        );
        let dash = if a.open {
            " stroke-dasharray=\"5 4\""
        } else {
            ""
        };
        let head_mark = if a.open || a.dropped {
            ""
        } else {
            " marker-end=\"url(#ah)\""
        };
        let _ = write!(
            o,
            "<g class=\"arrow\" data-id=\"{id}\" data-n=\"{n}\" data-kind=\"{kind}\"><title>{title}</title><path class=\"{class}\" d=\"{d}\" transform=\"translate(0 {dy:.1})\"{dash}{head_mark}/>",
            id = a.id,
            n = a.n,
            kind = a.kind.code(),
            title = escape(&a.title),
            d = a.d,
            dy = head - top,
        );
        if a.dropped {
            let _ = write!(
                o,
                "<text class=\"mk down\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">✕</text>",
                a.x2,
                y(a.y2) + 6.0
            );
        }
        let _ = write!(
            o,
            "<text class=\"lbl\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"{}\">{}</text></g>",
            a.lx,
            y(a.ly),
            if a.leftwards { "end" } else { "start" },
            escape(&a.label)
        );
    }
    for m in &s.marks {
        let class = if m.class.ends_with("up") || m.class.ends_with("heal") {
            "mk up"
        } else {
            "mk down"
        };
        match m.x {
            Some(x) => {
                let _ = write!(
                    o,
                    "<text class=\"{class}\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\"><title>{}</title>{}</text>",
                    x - 12.0 * geo.scale,
                    y(m.y) + 6.0,
                    escape(&m.title),
                    m.glyph
                );
            }
            None => {
                let _ = write!(
                    o,
                    "<g><title>{}</title><line class=\"cut\" x1=\"{:.1}\" y1=\"{yy:.1}\" x2=\"{:.0}\" y2=\"{yy:.1}\"/>\
<text class=\"{class}\" x=\"{:.1}\" y=\"{:.1}\">{}</text></g>",
                    escape(&m.title),
                    geo.gutter(),
                    geo.width,
                    geo.gutter() - 18.0,
                    y(m.y) + 6.0,
                    m.glyph,
                    yy = y(m.y)
                );
            }
        }
    }
    o.push_str("</svg>");
    o
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("<script>alert('x') & \"y\"</script>\u{1}"),
            "&lt;script&gt;alert(&apos;x&apos;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
    }
}
