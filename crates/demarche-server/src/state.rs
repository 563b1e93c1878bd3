//! Shared server state: the configuration, a small pool of read-only store connections, one
//! writer connection for ingest, and caches of the answers that scan the whole store.
//!
//! SQLite is synchronous, so every store call runs on tokio's blocking pool
//! ([`AppState::read`] and [`AppState::write`]); async handlers never touch a connection. A
//! [`Store`] is `Send` but not `Sync`, so a connection is taken out of the pool for the length
//! of one call and put back afterwards. A semaphore bounds how many reads run at once (one
//! per core by default): more parallel SQLite readers than cores only add contention, and
//! under a burst of requests the rest wait in line instead of each opening a connection.
//! Writes queue apart, for the one writer, so ingest never waits behind a burst of reads.
//!
//! Memory is bounded by the number of connections times the page cache of each
//! ([`ServerConfig::cache_kib`], 8 MiB per reader by default, and 32 MiB for the writer):
//! every connection used to have 64 MiB, which nine connections at once (eight readers and
//! the writer) turned into more than half a gigabyte.

use crate::ServerError;
use demarche_store::{ActorCount, Store, StoreStats};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use tokio::sync::Semaphore;

/// Limits and switches of a server.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// The SQLite store; created (and migrated) if missing.
    pub db: PathBuf,
    /// When set, `POST /api/ingest` is on and requires `Authorization: Bearer <token>`.
    pub ingest_token: Option<String>,
    /// Largest request body accepted, in bytes.
    pub max_body_bytes: usize,
    /// Largest `page_size` of `/api/events`.
    pub max_page_size: usize,
    /// Read-only store calls allowed to run at the same time; also the most read-only
    /// connections the server keeps open. Writes (ingest) queue for the one writer apart.
    pub max_concurrent_queries: usize,
    /// Page cache of each read-only SQLite connection, in KiB.
    pub cache_kib: u32,
    /// Page cache of the one writer connection (ingest), in KiB. The server's page caches
    /// together stay under `max_concurrent_queries * cache_kib + writer_cache_kib`.
    pub writer_cache_kib: u32,
}

impl ServerConfig {
    pub const DEFAULT_MAX_BODY_BYTES: usize = 16 * 1024 * 1024;
    pub const DEFAULT_MAX_PAGE_SIZE: usize = 200;
    /// Read-only store calls at once by default: one per core (at least 2, at most 8). More
    /// parallel SQLite readers than cores only add contention (and memory); a burst of
    /// requests waits in line instead. Measured with the load test on 2 cores: with 4 the
    /// p99 of event searches was 65–71 ms over three runs, with 2 it was 45–54 ms.
    pub fn default_max_concurrent_queries() -> usize {
        std::thread::available_parallelism().map_or(2, |n| n.get().clamp(2, 8))
    }
    /// Page cache per reader by default (8 MiB). Pages a connection misses come from the
    /// operating system's file cache, which all connections share; each connection's own
    /// cache is memory of this process, so it is kept small. With 64 MiB per connection, as
    /// before, the server grew past 800 MB with 8 clients (`scripts/load-test`); dyad series
    /// from 4 pooled readers on the 1,000,000-event store ran at the same rate with 8 and
    /// 64 MiB each, within the machine's run-to-run noise.
    pub const DEFAULT_CACHE_KIB: u32 = 8 * 1024;
    /// The writer's page cache by default (32 MiB): ingest into a large store touches pages of
    /// several big indexes per event, and a writer that misses them is slower.
    pub const DEFAULT_WRITER_CACHE_KIB: u32 = 32 * 1024;

    pub fn new(db: impl Into<PathBuf>) -> Self {
        ServerConfig {
            db: db.into(),
            ingest_token: None,
            max_body_bytes: Self::DEFAULT_MAX_BODY_BYTES,
            max_page_size: Self::DEFAULT_MAX_PAGE_SIZE,
            max_concurrent_queries: Self::default_max_concurrent_queries(),
            cache_kib: Self::DEFAULT_CACHE_KIB,
            writer_cache_kib: Self::DEFAULT_WRITER_CACHE_KIB,
        }
    }
}

/// How many actors the picker's cache keeps (the most frequent ones).
pub(crate) const ACTOR_CACHE_SIZE: usize = 5000;

/// Cheaply cloneable handle to everything a handler needs.
#[derive(Clone)]
pub struct AppState {
    pub(crate) inner: Arc<Inner>,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("config", &self.inner.config)
            .finish_non_exhaustive()
    }
}

pub(crate) struct Inner {
    pub(crate) config: ServerConfig,
    readers: Mutex<Vec<Store>>,
    writer: Mutex<Store>,
    permits: Semaphore,
    write_permit: Semaphore,
    /// Whole-store answers, computed on first use and dropped after every ingest.
    actors: Mutex<Option<Arc<Vec<ActorCount>>>>,
    stats: Mutex<Option<StoreStats>>,
    /// Bumped by every write; an answer computed while a write ran is not cached, so a slow
    /// read that started before an ingest cannot put stale numbers back into the cache.
    generation: AtomicU64,
    /// Pages in the write-ahead log after the writer's last commit; the writer does not
    /// checkpoint, a background task does once the log is long enough ([`CHECKPOINT_PAGES`]).
    wal_pages: Arc<AtomicI64>,
    checkpointing: AtomicBool,
    /// The connection checkpoints run on, opened on first use.
    checkpointer: Mutex<Option<Store>>,
}

/// Log length (in pages) at which a checkpoint starts: SQLite's own default.
const CHECKPOINT_PAGES: i64 = 1000;

impl AppState {
    /// Opens (creating and migrating if needed) the store named by `config.db`.
    pub fn open(config: ServerConfig) -> Result<AppState, ServerError> {
        let mut writer = Store::open(&config.db)?;
        writer.set_cache_kib(config.writer_cache_kib)?;
        let wal_pages = Arc::new(AtomicI64::new(0));
        writer.checkpoint_elsewhere(Arc::clone(&wal_pages))?;
        let permits = Semaphore::new(config.max_concurrent_queries.max(1));
        Ok(AppState {
            inner: Arc::new(Inner {
                config,
                readers: Mutex::new(Vec::new()),
                writer: Mutex::new(writer),
                permits,
                write_permit: Semaphore::new(1),
                actors: Mutex::new(None),
                stats: Mutex::new(None),
                generation: AtomicU64::new(0),
                wal_pages,
                checkpointing: AtomicBool::new(false),
                checkpointer: Mutex::new(None),
            }),
        })
    }

    pub fn config(&self) -> &ServerConfig {
        &self.inner.config
    }

    /// Runs `f` with a read-only connection on the blocking pool.
    pub(crate) async fn read<T, F>(&self, f: F) -> Result<T, ServerError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, ServerError> + Send + 'static,
    {
        let _permit = self
            .inner
            .permits
            .acquire()
            .await
            .map_err(|e| ServerError::Internal(e.to_string()))?;
        let inner = Arc::clone(&self.inner);
        tokio::task::spawn_blocking(move || {
            let pooled = lock(&inner.readers).pop();
            let store = match pooled {
                Some(store) => store,
                None => {
                    let store = Store::open_read_only(&inner.config.db)?;
                    store.set_cache_kib(inner.config.cache_kib)?;
                    store
                }
            };
            let result = f(&store);
            // Readers in use never outnumber the permits, so neither do idle ones.
            let mut idle = lock(&inner.readers);
            if idle.len() < inner.config.max_concurrent_queries.max(1) {
                idle.push(store);
            }
            result
        })
        .await
        .map_err(|e| ServerError::Internal(format!("store task failed: {e}")))?
    }

    /// Runs `f` with the single writer connection on the blocking pool, then drops the caches
    /// that the write may have made stale.
    pub(crate) async fn write<T, F>(&self, f: F) -> Result<T, ServerError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> Result<T, ServerError> + Send + 'static,
    {
        // Writes queue for the one writer on their own, not behind reads for a read permit:
        // there is one writer connection whatever the number of readers, and a write should
        // not wait for a burst of searches to end.
        let _permit = self
            .inner
            .write_permit
            .acquire()
            .await
            .map_err(|e| ServerError::Internal(e.to_string()))?;
        let inner = Arc::clone(&self.inner);
        let result = tokio::task::spawn_blocking(move || {
            let result = {
                let mut writer = lock(&inner.writer);
                let result = f(&mut writer);
                inner.generation.fetch_add(1, Ordering::SeqCst);
                result
            };
            *lock(&inner.actors) = None;
            *lock(&inner.stats) = None;
            result
        })
        .await
        .map_err(|e| ServerError::Internal(format!("store task failed: {e}")))?;
        self.checkpoint_if_due();
        result
    }

    /// Starts a checkpoint on the blocking pool when the write-ahead log has grown past
    /// [`CHECKPOINT_PAGES`] and none is running. It copies the log into the database file and
    /// syncs it while requests go on: readers and the writer do not wait for a passive
    /// checkpoint, and no request waits for its sync. (Left to the writer's commits, every
    /// eighth ingest or so paid for one: 200 ingests of 5 documents into the 80,000-document
    /// store, one after another, had a p99 of 58 ms that way and 9 ms without.)
    fn checkpoint_if_due(&self) {
        if self.inner.wal_pages.load(Ordering::Relaxed) < CHECKPOINT_PAGES
            || self.inner.checkpointing.swap(true, Ordering::SeqCst)
        {
            return;
        }
        let inner = Arc::clone(&self.inner);
        tokio::task::spawn_blocking(move || {
            let mut slot = lock(&inner.checkpointer);
            if slot.is_none() {
                // A failure to open leaves the log to grow until the next attempt; the store
                // stays correct either way, and SQLite checkpoints when the last connection
                // closes.
                *slot = Store::open(&inner.config.db)
                    .and_then(|s| s.set_cache_kib(256).map(|()| s))
                    .ok();
            }
            if let Some(store) = slot.as_ref()
                && let Ok((log, done)) = store.checkpoint()
                && log == done
            {
                inner.wal_pages.store(0, Ordering::Relaxed);
            }
            inner.checkpointing.store(false, Ordering::SeqCst);
        });
    }

    /// The most frequent actors, from the cache or the store.
    pub(crate) async fn actors(&self) -> Result<Arc<Vec<ActorCount>>, ServerError> {
        if let Some(cached) = lock(&self.inner.actors).clone() {
            return Ok(cached);
        }
        let before = self.inner.generation.load(Ordering::SeqCst);
        let list = Arc::new(self.read(|s| Ok(s.actors(ACTOR_CACHE_SIZE)?)).await?);
        let mut cache = lock(&self.inner.actors);
        if self.inner.generation.load(Ordering::SeqCst) == before {
            *cache = Some(Arc::clone(&list));
        }
        Ok(list)
    }

    /// Row counts of the store, from the cache or the store.
    pub(crate) async fn stats(&self) -> Result<StoreStats, ServerError> {
        if let Some(cached) = lock(&self.inner.stats).clone() {
            return Ok(cached);
        }
        let before = self.inner.generation.load(Ordering::SeqCst);
        let stats = self.read(|s| Ok(s.stats()?)).await?;
        let mut cache = lock(&self.inner.stats);
        if self.inner.generation.load(Ordering::SeqCst) == before {
            *cache = Some(stats.clone());
        }
        Ok(stats)
    }
}

/// Locks a mutex, carrying on after a panic in another holder: the data behind these locks
/// (idle connections, caches) stays valid even if a task panicked while holding it.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}
