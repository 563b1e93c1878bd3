//! Shared server state: the configuration, a small pool of read-only store connections, one
//! writer connection for ingest, and caches of the answers that scan the whole store.
//!
//! SQLite is synchronous, so every store call runs on tokio's blocking pool
//! ([`AppState::read`] and [`AppState::write`]); async handlers never touch a connection. A
//! [`Store`] is `Send` but not `Sync`, so a connection is taken out of the pool for the length
//! of one call and put back afterwards. A semaphore bounds how many store calls run at once:
//! on a 2-core machine more parallel SQLite readers only add contention, and under a burst of
//! requests the rest wait in line instead of each opening a connection.

use crate::ServerError;
use demarche_store::{ActorCount, Store, StoreStats};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
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
    /// Store calls allowed to run at the same time.
    pub max_concurrent_queries: usize,
}

impl ServerConfig {
    pub const DEFAULT_MAX_BODY_BYTES: usize = 16 * 1024 * 1024;
    pub const DEFAULT_MAX_PAGE_SIZE: usize = 200;

    pub fn new(db: impl Into<PathBuf>) -> Self {
        ServerConfig {
            db: db.into(),
            ingest_token: None,
            max_body_bytes: Self::DEFAULT_MAX_BODY_BYTES,
            max_page_size: Self::DEFAULT_MAX_PAGE_SIZE,
            max_concurrent_queries: 8,
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
    /// Whole-store answers, computed on first use and dropped after every ingest.
    actors: Mutex<Option<Arc<Vec<ActorCount>>>>,
    stats: Mutex<Option<StoreStats>>,
    /// Bumped by every write; an answer computed while a write ran is not cached, so a slow
    /// read that started before an ingest cannot put stale numbers back into the cache.
    generation: AtomicU64,
}

/// Keeps a few idle readers; more than the permits could never be in use at once.
const MAX_IDLE_READERS: usize = 8;

impl AppState {
    /// Opens (creating and migrating if needed) the store named by `config.db`.
    pub fn open(config: ServerConfig) -> Result<AppState, ServerError> {
        let writer = Store::open(&config.db)?;
        let permits = Semaphore::new(config.max_concurrent_queries.max(1));
        Ok(AppState {
            inner: Arc::new(Inner {
                config,
                readers: Mutex::new(Vec::new()),
                writer: Mutex::new(writer),
                permits,
                actors: Mutex::new(None),
                stats: Mutex::new(None),
                generation: AtomicU64::new(0),
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
                None => Store::open_read_only(&inner.config.db)?,
            };
            let result = f(&store);
            let mut idle = lock(&inner.readers);
            if idle.len() < MAX_IDLE_READERS {
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
        let _permit = self
            .inner
            .permits
            .acquire()
            .await
            .map_err(|e| ServerError::Internal(e.to_string()))?;
        let inner = Arc::clone(&self.inner);
        tokio::task::spawn_blocking(move || {
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
        .map_err(|e| ServerError::Internal(format!("store task failed: {e}")))?
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
