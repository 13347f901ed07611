//! Markdown excerpts (a ruleset's remediation advice) as safe HTML: raw HTML
//! in the source is shown as text, images become plain links (the report
//! loads nothing), and the result is cleaned by ammonia with only `http`,
//! `https`, `mailto` and relative URLs allowed.

use std::collections::HashSet;

use ammonia::{Builder, UrlRelative};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Renders Markdown to sanitised HTML.
pub struct Sanitiser {
    cleaner: Builder<'static>,
}

impl Sanitiser {
    /// The report's sanitiser.
    pub fn new() -> Sanitiser {
        let mut cleaner = Builder::default();
        cleaner
            .url_schemes(HashSet::from(["http", "https", "mailto"]))
            .url_relative(UrlRelative::PassThrough)
            .rm_tags(["img"])
            .link_rel(Some("noopener noreferrer nofollow"));
        Sanitiser { cleaner }
    }

    /// `markdown` as HTML that is safe to insert as is.
    pub fn render(&self, markdown: &str) -> String {
        let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
        let events = Parser::new_ext(markdown, options).map(|event| match event {
            Event::Html(text) | Event::InlineHtml(text) => Event::Text(text),
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }),
            Event::End(TagEnd::Image) => Event::End(TagEnd::Link),
            other => other,
        });
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, events);
        self.cleaner.clean(&html).to_string()
    }
}

#[cfg(test)]
mod tests {
    use scraper::{Html, Selector};

    use super::*;

    fn parse(markdown: &str) -> Html {
        Html::parse_fragment(&Sanitiser::new().render(markdown))
    }

    fn count(html: &Html, selector: &str) -> usize {
        html.select(&Selector::parse(selector).unwrap()).count()
    }

    fn hrefs(html: &Html) -> Vec<String> {
        html.select(&Selector::parse("a").unwrap())
            .filter_map(|a| a.value().attr("href").map(str::to_string))
            .collect()
    }

    #[test]
    fn raw_html_becomes_text() {
        let html = parse("Hi <script>alert(1)</script> and <img src=x onerror=alert(1)>");
        assert_eq!(count(&html, "script"), 0);
        assert_eq!(count(&html, "img"), 0);
        assert_eq!(count(&html, "[onerror]"), 0);
        let text: String = html.root_element().text().collect();
        assert_eq!(
            text.trim(),
            "Hi <script>alert(1)</script> and <img src=x onerror=alert(1)>"
        );
    }

    #[test]
    fn only_safe_urls_survive() {
        let bad = parse(
            "[a](javascript:alert(1)) [b](data:text/html,x) [c](vbscript:x) [d](JaVaScRiPt:x)",
        );
        assert_eq!(hrefs(&bad), Vec::<String>::new());
        let good = parse(
            "[a](https://example.org/) [b](mailto:x@example.org) [c](procedures/incident.md)",
        );
        assert_eq!(
            hrefs(&good),
            [
                "https://example.org/",
                "mailto:x@example.org",
                "procedures/incident.md"
            ]
        );
    }

    #[test]
    fn images_become_links_and_load_nothing() {
        let html = parse("![logo](https://example.org/logo.png)");
        assert_eq!(count(&html, "img"), 0);
        assert_eq!(hrefs(&html), ["https://example.org/logo.png"]);
    }

    #[test]
    fn markdown_is_rendered() {
        let html = Sanitiser::new().render("Add `hours: 24x7` to **each** channel.");
        assert_eq!(
            html,
            "<p>Add <code>hours: 24x7</code> to <strong>each</strong> channel.</p>\n"
        );
    }
}
