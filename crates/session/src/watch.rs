//! When to exchange with the partner's computer: a [`Nudge`] that anything can give (a change
//! made here, the window gaining focus, a file arriving) and that the shell's background worker
//! waits on, and a [`FolderWatch`] that gives it when the partner's files change in the shared
//! folder.
//!
//! Neither exchanges anything itself: the worker calls [`crate::Session::exchange_in_background`]
//! after a nudge, or after its fallback wait. A nudge is a flag, not a queue: a burst of
//! nudges while the worker is busy or settling is one exchange.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use notify::event::{EventKind, ModifyKind};
use notify::{RecommendedWatcher, RecursiveMode, Watcher};

/// A request for an exchange soon, shared by everything that may ask and the worker that waits.
#[derive(Clone, Default)]
pub struct Nudge(Arc<(Mutex<bool>, Condvar)>);

impl Nudge {
    /// Asks for an exchange soon; asking again before it runs changes nothing.
    pub fn nudge(&self) {
        let (asked, wake) = &*self.0;
        if let Ok(mut asked) = asked.lock() {
            *asked = true;
            wake.notify_all();
        }
    }

    /// Waits until asked, or until `timeout` has passed; returns whether it was asked, and
    /// clears the request. A zero `timeout` only looks.
    pub fn wait(&self, timeout: Duration) -> bool {
        let (asked, wake) = &*self.0;
        let Ok(guard) = asked.lock() else {
            return false;
        };
        match wake.wait_timeout_while(guard, timeout, |asked| !*asked) {
            Ok((mut asked, _)) => std::mem::take(&mut *asked),
            Err(_) => false,
        }
    }
}

/// What to watch for the partner's files: the pair's folder once it exists (with every device's
/// folder under it), else the nearest folder above it that exists, to see it appear.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WatchTarget {
    /// The folder watched.
    dir: PathBuf,
    /// Whether folders under it are watched too.
    recursive: bool,
    /// This computer's own folder, whose changes are its own writes and wake nothing.
    own: PathBuf,
}

impl WatchTarget {
    /// The target for the pair folder `pair_dir` inside the shared folder `root`, with this
    /// computer's files in `own`; `None` while the shared folder cannot be found.
    pub(crate) fn choose(root: &Path, pair_dir: &Path, own: PathBuf) -> Option<WatchTarget> {
        if pair_dir.is_dir() {
            return Some(WatchTarget {
                dir: pair_dir.to_path_buf(),
                recursive: true,
                own,
            });
        }
        let above = pair_dir
            .ancestors()
            .skip(1)
            .take_while(|dir| dir.starts_with(root))
            .find(|dir| dir.is_dir())?;
        Some(WatchTarget {
            dir: above.to_path_buf(),
            recursive: false,
            own,
        })
    }

    /// Whether `event` may be news from the partner: something was created, written, renamed
    /// or removed outside this computer's own folder. Reads, and changes of times or
    /// permissions, are not (the exchange's own reads would wake it again).
    fn is_news(&self, event: &notify::Event) -> bool {
        let kind = matches!(
            event.kind,
            EventKind::Create(_) | EventKind::Remove(_) | EventKind::Any | EventKind::Other
        ) || matches!(event.kind, EventKind::Modify(m) if !matches!(m, ModifyKind::Metadata(_)));
        kind && event.paths.iter().any(|path| !path.starts_with(&self.own))
    }
}

/// Watches the shared folder and nudges on news from the partner. Without a target, or when
/// the system refuses to watch, it watches nothing: the worker's fallback wait still exchanges.
pub struct FolderWatch {
    nudge: Nudge,
    current: Option<(WatchTarget, RecommendedWatcher)>,
}

impl FolderWatch {
    /// A watch that nudges `nudge`, watching nothing yet.
    pub fn new(nudge: Nudge) -> FolderWatch {
        FolderWatch {
            nudge,
            current: None,
        }
    }

    /// Watches `target` from now on (nothing for `None`); the same target keeps its watch.
    pub fn follow(&mut self, target: Option<WatchTarget>) {
        if self.current.as_ref().map(|(watched, _)| watched) == target.as_ref() {
            return;
        }
        self.current = target.and_then(|target| {
            let watcher = self.watch(&target)?;
            Some((target, watcher))
        });
    }

    /// What is watched now.
    pub fn watched(&self) -> Option<&WatchTarget> {
        self.current.as_ref().map(|(target, _)| target)
    }

    fn watch(&self, target: &WatchTarget) -> Option<RecommendedWatcher> {
        let (nudge, news) = (self.nudge.clone(), target.clone());
        let mut watcher =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                if event.is_ok_and(|event| news.is_news(&event)) {
                    nudge.nudge();
                }
            })
            .ok()?;
        let mode = match target.recursive {
            true => RecursiveMode::Recursive,
            false => RecursiveMode::NonRecursive,
        };
        watcher.watch(&target.dir, mode).ok()?;
        Some(watcher)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{AccessKind, CreateKind, DataChange, MetadataKind};

    #[test]
    fn nudges_before_a_wait_are_one_request_and_a_wait_clears_it() {
        let nudge = Nudge::default();
        assert!(!nudge.wait(Duration::ZERO), "nothing asked yet");
        nudge.nudge();
        nudge.clone().nudge();
        assert!(nudge.wait(Duration::ZERO));
        assert!(!nudge.wait(Duration::ZERO), "two nudges, one exchange");
    }

    fn target(root: &Path) -> WatchTarget {
        let pair = root.join("Nestling sharing").join("pair");
        WatchTarget::choose(root, &pair, pair.join("me")).expect("a target")
    }

    #[test]
    fn the_nearest_existing_folder_is_watched_until_the_pair_folder_exists() {
        let root = tempfile::tempdir().expect("folder");
        let pair = root.path().join("Nestling sharing").join("pair");
        let before = target(root.path());
        assert_eq!(
            (before.dir.as_path(), before.recursive),
            (root.path(), false)
        );
        std::fs::create_dir_all(&pair).expect("made");
        let after = target(root.path());
        assert_eq!(
            (after.dir.as_path(), after.recursive),
            (pair.as_path(), true)
        );
        let gone = root.path().join("unplugged");
        assert_eq!(
            WatchTarget::choose(&gone, &gone.join("x"), gone.join("x/me")),
            None
        );
    }

    #[test]
    fn only_changes_outside_our_own_folder_are_news() {
        let root = tempfile::tempdir().expect("folder");
        let watched = target(root.path());
        let event = |kind: EventKind, path: PathBuf| notify::Event::new(kind).add_path(path);
        let theirs = watched.dir.join("partner").join("000000000002.nestling");
        let ours = watched.own.join("000000000009.nestling");
        let created = EventKind::Create(CreateKind::File);
        let written = EventKind::Modify(ModifyKind::Data(DataChange::Any));
        assert!(watched.is_news(&event(created, theirs.clone())));
        assert!(watched.is_news(&event(written, theirs.clone())));
        assert!(!watched.is_news(&event(created, ours)), "our own write");
        let read = EventKind::Access(AccessKind::Any);
        assert!(!watched.is_news(&event(read, theirs.clone())), "a read");
        let touched = EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime));
        assert!(!watched.is_news(&event(touched, theirs)), "a time changed");
    }
}
