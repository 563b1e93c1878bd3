//! One module per subcommand; each has `Args` and `run(Args) -> anyhow::Result<ExitCode>`.

pub mod code;
pub mod demo;
pub mod dict;
pub mod dictionaries;
pub mod dyad;
pub mod evaluate;
pub mod explain;
pub mod export;
pub mod extract;
pub mod ingest;
pub mod serve;
pub mod validate;
