//! Tags sentences (one per line on standard input) and prints `word/TAG` pairs.

use std::io::BufRead;

fn main() {
    let parser = demarche_parse::Parser::new();
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let tagged: Vec<String> = parser
            .tag(&line)
            .iter()
            .map(|t| format!("{}/{}", t.token.norm, t.tag))
            .collect();
        println!("{}", tagged.join(" "));
    }
}
