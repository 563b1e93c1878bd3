//! Prints the coder's trace for validation records: `cargo run -p demarche-coder --example
//! trace_record -- RECORDS.xml DICT_DIR ID [ID ...]`. A development aid; `demarche explain` is
//! the user-facing form.

use demarche_coder::{Coder, Options};
use demarche_dict::{Dictionaries, PetrarchPaths};
use demarche_model::Tree;
use demarche_text::petrarch_xml::{self, Item};
use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 4 {
        eprintln!("usage: trace_record RECORDS.xml DICT_DIR ID [ID ...]");
        return;
    }
    let bytes = std::fs::read(&args[1]).unwrap_or_default();
    let file = petrarch_xml::read(&args[1], &bytes);
    let dir = PathBuf::from(&args[2]);
    let env = &file.environment;
    let (dicts, _) = Dictionaries::load_petrarch(&PetrarchPaths {
        verbs: env.verb_file.as_ref().map(|f| dir.join(f)),
        actors: env.actor_files.iter().map(|f| dir.join(f)).collect(),
        agents: env.agent_file.as_ref().map(|f| dir.join(f)),
        discards: env.discard_file.as_ref().map(|f| dir.join(f)),
        issues: None,
    });
    let coder = Coder::new(&dicts);
    let mut opts = Options::default();
    for item in &file.items {
        match item {
            Item::Config(c) => {
                let _ = opts.set(&c.option, &c.value);
            }
            Item::Record(r) if args[3..].contains(&r.id) => {
                let Some(tree) = r.parse.as_deref().and_then(|p| Tree::parse_ptb(p).ok()) else {
                    continue;
                };
                let tree = tree.aligned_to(&r.text);
                let mut o = opts.clone();
                o.trace = true;
                let coded = coder.code(&tree, &r.text, r.date.unwrap_or_default(), &o);
                println!("== {} {}\n{}", r.id, r.text, tree.pretty());
                if let Some(t) = coded.trace {
                    for a in &t.actors {
                        let txt = a.span.and_then(|s| s.slice(&r.text)).unwrap_or("?");
                        println!("  NE {txt:?} -> {:?}", a.codes);
                    }
                    for v in &t.verbs {
                        let txt = v.span.and_then(|s| s.slice(&r.text)).unwrap_or("?");
                        println!(
                            "  VERB {txt:?} [{}] pattern {:?} code {} src {:?} tgt {:?} passive {}",
                            v.block, v.pattern, v.code, v.source, v.target, v.passive
                        );
                    }
                }
                for e in &coded.events {
                    println!("  EVENT {} {} {}", e.source, e.target, e.code);
                }
                println!("  expected {:?}", r.expected);
            }
            _ => {}
        }
    }
}
