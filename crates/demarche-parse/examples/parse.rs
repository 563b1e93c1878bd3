//! Parses sentences (one per line on standard input) and prints their trees.
//!
//! With `--split`, standard input is one document: it is split into sentences first and each
//! sentence is printed before its tree.
//!
//! ```text
//! echo "Arnor restored ties with Gondor." | cargo run -p demarche-parse --example parse
//! ```

use std::io::{BufRead, Read};

fn main() {
    let parser = demarche_parse::Parser::new();
    if std::env::args().any(|a| a == "--split") {
        let mut text = String::new();
        if std::io::stdin().read_to_string(&mut text).is_err() {
            eprintln!("standard input is not UTF-8 text");
            return;
        }
        for s in demarche_text::split_sentences(&text) {
            let sentence = &text[s.range()];
            println!("{sentence}\n  {}", parser.parse(sentence).to_ptb());
        }
        return;
    }
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        if !line.trim().is_empty() {
            println!("{}", parser.parse(&line).to_ptb());
        }
    }
}
