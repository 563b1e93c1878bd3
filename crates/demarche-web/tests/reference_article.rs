//! The Global Times example article (from `$DEMARCHE_REFERENCE/../examples/`), wrapped by this
//! test in an HTML page of our own with navigation, a share bar, a footer and a "Comment Here"
//! widget: the extracted body must be the article's paragraphs and nothing else, and the
//! extractors must find the same knowledge in it as in the plain text.

use std::path::PathBuf;

fn article() -> Option<String> {
    let Ok(reference) = std::env::var("DEMARCHE_REFERENCE") else {
        eprintln!("skipped: DEMARCHE_REFERENCE is not set");
        return None;
    };
    let path =
        PathBuf::from(reference).join("../examples/global-times-2021-11-20-china-russia.txt");
    Some(std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[test]
fn article_served_as_html_extracts_the_body_without_boilerplate() {
    let Some(text) = article() else { return };
    let paragraphs: Vec<&str> = text
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let (headline, rest) = paragraphs.split_first().unwrap();
    // The file ends with the site's own "Comment Here" line: it goes into the comment widget.
    let body: Vec<&str> = rest
        .iter()
        .copied()
        .filter(|p| *p != "Comment Here")
        .collect();
    assert_eq!(
        body.len() + 1,
        rest.len(),
        "the example should end with `Comment Here`"
    );
    let html = format!(
        r#"<!DOCTYPE html><html><head><title>{title} - Global Times</title>
<meta property="og:site_name" content="Global Times">
<meta property="article:published_time" content="2021-11-20T21:07:00+08:00">
<link rel="canonical" href="https://news.example/content/china-russia-model"></head>
<body><div class="nav"><nav><a href="/">Home</a> | <a href="/china">China</a> | <a href="/world">World</a> | <a href="/opinion">Opinion</a></nav></div>
<div class="article"><h1>{title}</h1><div class="share"><a>Share on Weibo</a> <a>Share on Twitter</a></div>
<div class="article-content">{paras}</div>
<div class="comment-box"><p>Comment Here</p><textarea></textarea></div></div>
<footer><p>Copyright 2021 by the publisher. All Rights Reserved.</p><p><a href="/about">About Us</a> | <a href="/contact">Contact Us</a></p></footer></body></html>"#,
        title = escape(headline),
        paras = body
            .iter()
            .map(|p| format!("<p>{}</p>", escape(p)))
            .collect::<String>(),
    );
    let (doc, diags) = demarche_web::read_html("article.html", &html);
    assert!(diags.is_empty(), "{diags:?}");
    let doc = doc.unwrap();
    assert_eq!(
        doc.text,
        body.join("\n\n"),
        "the body is the article's paragraphs, in order"
    );
    for furniture in ["Comment Here", "Home", "Share on", "Copyright", "About Us"] {
        assert!(
            !doc.text.contains(furniture),
            "{furniture:?} left in the body"
        );
    }
    assert_eq!(
        doc.title.as_deref(),
        Some(&*format!("{headline} - Global Times"))
    );
    assert_eq!(doc.source.as_deref(), Some("Global Times"));
    assert_eq!(
        doc.date.map(|d| d.to_string()).as_deref(),
        Some("2021-11-20")
    );
    assert_eq!(
        doc.url.as_deref(),
        Some("https://news.example/content/china-russia-model")
    );

    // The knowledge is the same as from the plain text.
    let k = demarche_extract::extract(&doc.text, doc.date, None);
    let names: Vec<&str> = k.persons.iter().map(|p| p.name.as_str()).collect();
    for n in ["Vladimir Putin", "Zhao Lijian", "Shu Jueting"] {
        assert!(names.contains(&n), "{n} missing from {names:?}");
    }
    assert!(
        k.amounts
            .iter()
            .any(|a| a.value == "102000000000" && a.unit == "USD")
    );
    for q in &k.quotations {
        assert_eq!(&doc.text[q.span.range()], q.text);
    }
}
