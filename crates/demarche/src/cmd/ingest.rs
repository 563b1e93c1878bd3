//! `demarche ingest`. Not built yet: the stage behind it is in progress.

use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct Args {}

pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`demarche ingest` is not available in this build yet")
}
