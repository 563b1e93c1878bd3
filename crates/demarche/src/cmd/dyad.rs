//! `demarche dyad A B`: the history of a relationship, as a table or as JSON.

use anyhow::Context;
use demarche_store::{DyadBucket, DyadComparison, DyadQuery, DyadSeries, Granularity, Store};
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
    /// Show a second dyad C -> D side by side (same options), for example `--vs RUS CHN`
    #[arg(long, num_args = 2, value_names = ["C", "D"])]
    pub vs: Option<Vec<String>>,
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
    if let Some([c, d]) = args.vs.as_deref() {
        let other = DyadQuery {
            a: c.clone(),
            b: d.clone(),
            ..query.clone()
        };
        let comparison = store.compare_dyads(&query, &other)?;
        if args.json {
            println!("{}", serde_json::to_string_pretty(&comparison)?);
        } else {
            print!("{}", side_by_side(&comparison));
        }
        return Ok(ExitCode::SUCCESS);
    }
    let series = store.dyad_series(&query)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&series)?);
    } else {
        print!("{}", table(&series));
    }
    Ok(ExitCode::SUCCESS)
}

fn title(q: &DyadQuery) -> String {
    let arrow = if q.undirected { "<->" } else { "->" };
    format!("{} {arrow} {}", q.a.to_uppercase(), q.b.to_uppercase())
}

/// Two series over the same periods: events, cooperation, conflict and Goldstein sum of each.
fn side_by_side(c: &DyadComparison) -> String {
    let mut out = format!(
        "{:<10} | {:^33} | {:^33}\n{:<10} | {:>6} {:>6} {:>8} {:>9} | {:>6} {:>6} {:>8} {:>9}\n",
        "",
        title(&c.left.query),
        title(&c.right.query),
        "period",
        "events",
        "coop",
        "conflict",
        "goldstein",
        "events",
        "coop",
        "conflict",
        "goldstein"
    );
    let rows = c
        .left
        .buckets
        .iter()
        .zip(&c.right.buckets)
        .map(|(l, r)| (l.label.as_str(), l, r))
        .chain(std::iter::once(("total", &c.left.total, &c.right.total)));
    for (label, l, r) in rows {
        out.push_str(&format!(
            "{label:<10} | {:>6} {:>6} {:>8} {:>9.1} | {:>6} {:>6} {:>8} {:>9.1}\n",
            l.events,
            l.cooperation,
            l.conflict,
            l.goldstein_sum,
            r.events,
            r.cooperation,
            r.conflict,
            r.goldstein_sum
        ));
    }
    out
}

/// The readable table: one row per period, then the totals.
fn table(series: &DyadSeries) -> String {
    let q = &series.query;
    let mut out = format!(
        "{} by {} ({} events)\n",
        title(q),
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
