//! Parses sentences (one per line on standard input) and prints their trees.
//!
//! ```text
//! echo "Arnor restored ties with Gondor." | cargo run -p demarche-parse --example parse
//! ```

use std::io::BufRead;

fn main() {
    let parser = demarche_parse::Parser::new();
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        if !line.trim().is_empty() {
            println!("{}", parser.parse(&line).to_ptb());
        }
    }
}
