//! `--data FILE`: the whole state as one JSON document, replaced atomically (temporary
//! file, fsync, rename, fsync of the directory) so a crash leaves the old or the new
//! state, never a torn one.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use signicat_emulator_core::store::Store;
use signicat_emulator_core::Saver;

const FORMAT: &str = "signicat-emulator/1";

#[derive(Serialize)]
struct SnapshotRef<'a> {
    format: &'static str,
    store: &'a Store,
}

#[derive(Deserialize)]
struct Snapshot {
    format: String,
    store: Store,
}

/// The bytes of a saved state.
pub fn encode(store: &Store) -> Result<Vec<u8>, String> {
    serde_json::to_vec(&SnapshotRef {
        format: FORMAT,
        store,
    })
    .map_err(|e| e.to_string())
}

/// Reads a saved state; `Ok(None)` when the file does not exist yet.
pub fn load(path: &Path) -> Result<Option<Store>, String> {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(err) => return Err(format!("cannot read {}: {err}", path.display())),
    };
    let snapshot: Snapshot = serde_json::from_slice(&bytes)
        .map_err(|err| format!("{} is not an emulator data file: {err}", path.display()))?;
    if snapshot.format != FORMAT {
        return Err(format!(
            "{} has format {:?}, expected {FORMAT:?}",
            path.display(),
            snapshot.format
        ));
    }
    let mut store = snapshot.store;
    store.reindex();
    Ok(Some(store))
}

/// Replaces `path` with `bytes` so that readers and crashes see either the old or the new file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // An unguessable name opened with create_new, so no file or link planted beforehand is written through.
    let temp = dir.join(format!(
        ".{name}.{}.tmp",
        signicat_emulator_core::rng::secret(12)
    ));
    let mut file = create_private(&temp)?;
    let result = (|| {
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&temp, path)?;
        // The rename itself is durable only once the directory entry is flushed.
        File::open(&dir)?.sync_all()
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// Creates `path` readable by the owner alone; fails when anything, a link included, is already there.
fn create_private(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// Opens the lock file, creating it if need be, but never through a symbolic link planted
/// there, which would create or lock a file elsewhere.
fn open_lock(path: &Path) -> Result<File, String> {
    let refused = |what: &str| {
        format!(
            "{} is {what}; remove it and the emulator creates its own",
            path.display()
        )
    };
    if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(refused("a symbolic link"));
    }
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(false);
    // O_NOFOLLOW closes the gap after the check above; O_NONBLOCK keeps a planted FIFO from hanging the start.
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(
        &mut options,
        libc::O_NOFOLLOW | libc::O_NONBLOCK,
    );
    let lock = options
        .open(path)
        .map_err(|e| format!("cannot open {}: {e}", path.display()))?;
    if !lock.metadata().is_ok_and(|m| m.is_file()) {
        return Err(refused("not a regular file"));
    }
    Ok(lock)
}

/// Writes snapshots in order: a snapshot older than the one on disk is skipped, since the
/// newer one already holds its changes. Holds `FILE.lock` locked while it lives, so a second
/// emulator cannot take the same file and overwrite the first one's changes.
pub struct Persister {
    path: PathBuf,
    written: Mutex<u64>,
    _lock: File,
}

impl Persister {
    pub fn new(path: PathBuf) -> Result<Self, String> {
        let mut lock_name = path.clone().into_os_string();
        lock_name.push(".lock");
        let lock_path = PathBuf::from(lock_name);
        let lock = open_lock(&lock_path)?;
        lock.try_lock().map_err(|e| match e {
            fs::TryLockError::WouldBlock => format!(
                "another emulator is using {} (it holds {})",
                path.display(),
                lock_path.display()
            ),
            fs::TryLockError::Error(e) => format!("cannot lock {}: {e}", lock_path.display()),
        })?;
        Ok(Persister {
            path,
            written: Mutex::new(0),
            _lock: lock,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn save(&self, version: u64, bytes: &[u8]) -> io::Result<()> {
        let mut written = self.written.lock().unwrap_or_else(|e| e.into_inner());
        if version <= *written {
            return Ok(());
        }
        write_atomic(&self.path, bytes)?;
        *written = version;
        Ok(())
    }
}

impl Saver for Persister {
    fn save(&self, version: u64, store: &Store) -> Result<(), String> {
        let bytes = encode(store)?;
        Persister::save(self, version, &bytes).map_err(|e| e.to_string())
    }

    fn location(&self) -> String {
        self.path.display().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use signicat_emulator_core::seed;

    fn temp_dir(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("signicat-emulator-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn saves_and_loads_the_whole_state() {
        let dir = temp_dir("persist");
        let path = dir.join("state.json");
        assert!(load(&path).unwrap().is_none());
        let store = seed::build(
            &seed::Seed {
                seed: 5,
                extra_accounts: 20,
            },
            time::OffsetDateTime::now_utc(),
        );
        write_atomic(&path, &encode(&store).unwrap()).unwrap();
        let loaded = load(&path).unwrap().unwrap();
        assert_eq!(encode(&loaded).unwrap(), encode(&store).unwrap());
        let leftovers: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name())
            .collect();
        assert_eq!(leftovers, [std::ffi::OsString::from("state.json")]);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn the_lock_file_is_never_a_planted_link() {
        let dir = temp_dir("lock-link");
        let path = dir.join("state.json");
        let lock = dir.join("state.json.lock");
        let elsewhere = dir.join("elsewhere");
        std::os::unix::fs::symlink(&elsewhere, &lock).unwrap();
        let refused = Persister::new(path.clone()).err().unwrap_or_default();
        assert!(refused.contains("symbolic link"), "{refused}");
        assert!(!elsewhere.exists(), "nothing was created through the link");

        fs::write(&elsewhere, b"keep").unwrap();
        assert!(Persister::new(path.clone()).is_err());
        assert_eq!(fs::read(&elsewhere).unwrap(), b"keep");

        fs::remove_file(&lock).unwrap();
        let made = std::process::Command::new("mkfifo").arg(&lock).status();
        if made.is_ok_and(|s| s.success()) {
            assert!(
                Persister::new(path.clone()).is_err(),
                "a FIFO neither hangs nor locks"
            );
            fs::remove_file(&lock).unwrap();
        }
        drop(Persister::new(path.clone()).unwrap());
        assert!(fs::symlink_metadata(&lock).unwrap().is_file());
        Persister::new(path).unwrap();
        fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn the_temporary_file_is_never_a_planted_link() {
        let dir = temp_dir("temp-link");
        let temp = dir.join(".state.json.planted.tmp");
        let elsewhere = dir.join("elsewhere");
        std::os::unix::fs::symlink(&elsewhere, &temp).unwrap();
        assert!(create_private(&temp).is_err());
        assert!(!elsewhere.exists(), "nothing was created through the link");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn refuses_foreign_files_and_stale_versions() {
        let dir = temp_dir("foreign");
        let path = dir.join("state.json");
        fs::write(&path, b"{\"format\":\"other\",\"store\":{}}").unwrap();
        assert!(load(&path).is_err());
        fs::write(&path, b"not json").unwrap();
        assert!(load(&path).is_err());
        let persister = Persister::new(path.clone()).unwrap();
        persister.save(2, b"two").unwrap();
        persister.save(1, b"one").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        fs::remove_dir_all(&dir).unwrap();
    }
}
