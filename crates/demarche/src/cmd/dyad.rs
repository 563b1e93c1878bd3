//! `demarche dyad A B`: the history of a relationship, as a table or as JSON.

use anyhow::Context;
use demarche_store::{DyadBucket, DyadQuery, DyadSeries, Granularity, Store};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Source actor (code or prefix: CHN matches CHN, CHNGOV, CHNMIL)
    pub a: String,
    /// Target actor (code or prefix)
    pub b: String,
    /// Period of each row
    #[arg(long, default_value = "month", value_parser = parse_granularity)]
    pub by: Granularity,
    /// Count both directions (A to B and B to A)
    #[arg(long)]
    pub undirected: bool,
    /// First day (YYYY-MM-DD), inclusive
    #[arg(long, value_parser = parse_day)]
    pub from: Option<demarche_model::Date>,
    /// Last day (YYYY-MM-DD), inclusive
    #[arg(long, value_parser = parse_day)]
    pub to: Option<demarche_model::Date>,
    /// The store
    #[arg(long, default_value = demarche_store::DEFAULT_DB_PATH)]
    pub db: PathBuf,
    /// Print the series as JSON instead of a table
    #[arg(long)]
    pub json: bool,
}

fn parse_granularity(s: &str) -> Result<Granularity, String> {
    s.parse()
}

fn parse_day(s: &str) -> Result<demarche_model::Date, String> {
    demarche_model::parse_date(s)
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if !args.db.exists() {
        anyhow::bail!(
            "no store at {}: create one with `demarche ingest`, or pass --db",
            args.db.display()
        );
    }
    let store = Store::open(&args.db).with_context(|| format!("opening {}", args.db.display()))?;
    let query = DyadQuery {
        a: args.a,
        b: args.b,
        by: args.by,
        undirected: args.undirected,
        from: args.from,
        to: args.to,
    };
    let series = store.dyad_series(&query)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&series)?);
    } else {
        print!("{}", table(&series));
    }
    Ok(ExitCode::SUCCESS)
}

/// The readable table: one row per period, then the totals.
fn table(series: &DyadSeries) -> String {
    let q = &series.query;
    let arrow = if q.undirected { "<->" } else { "->" };
    let mut out = format!(
        "{} {arrow} {} by {} ({} events)\n",
        q.a.to_uppercase(),
        q.b.to_uppercase(),
        q.by,
        series.total.events
    );
    if series.buckets.is_empty() {
        out.push_str("no events\n");
        return out;
    }
    out.push_str(&format!(
        "{:<10} {:>6} {:>8} {:>6} {:>6} {:>6} {:>6} {:>6} {:>9} {:>6}  {}\n",
        "period",
        "events",
        "mentions",
        "neutr",
        "v-coop",
        "m-coop",
        "v-conf",
        "m-conf",
        "goldstein",
        "mean",
        "top codes"
    ));
    for b in &series.buckets {
        out.push_str(&row(&b.label, b));
    }
    out.push_str(&row("total", &series.total));
    out
}

fn row(label: &str, b: &DyadBucket) -> String {
    let mean = b
        .goldstein_mean
        .map(|m| format!("{m:.2}"))
        .unwrap_or_else(|| "-".to_string());
    let top: Vec<String> = b
        .top_codes
        .iter()
        .take(3)
        .map(|c| format!("{}x{}", c.code, c.count))
        .collect();
    let [q0, q1, q2, q3, q4] = b.quad_counts;
    format!(
        "{label:<10} {:>6} {:>8} {q0:>6} {q1:>6} {q2:>6} {q3:>6} {q4:>6} {:>9.1} {mean:>6}  {}\n",
        b.events,
        b.mentions,
        b.goldstein_sum,
        top.join(" ")
    )
}
