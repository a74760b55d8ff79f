//! Two devices of one pair sharing a real folder in a temporary directory.

use std::fs;
use std::path::{Path, PathBuf};

use nestling_sync_folder::{
    ack_payload, Cursors, DeviceId, Error, Folder, Kind, PairSecret, ProblemKind, Scan, SHARING_DIR,
};

struct Pair {
    root: tempfile::TempDir,
    secret: PairSecret,
    a: Folder,
    b: Folder,
}

fn pair() -> Pair {
    let root = tempfile::tempdir().expect("temp dir");
    let secret = PairSecret::generate().expect("secret");
    let typed = PairSecret::from_code(&secret.code()).expect("typed");
    let a = Folder::new(
        root.path(),
        &secret.keys(),
        DeviceId::generate().expect("a"),
    );
    let b = Folder::new(root.path(), &typed.keys(), DeviceId::generate().expect("b"));
    Pair { root, secret, a, b }
}

fn scan(folder: &Folder) -> Scan {
    folder.scan(&Cursors::new()).expect("scan")
}

fn problems(scan: &Scan) -> Vec<ProblemKind> {
    scan.problems.iter().map(|p| p.kind).collect()
}

/// Every file under `dir`, at any depth.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").path())
    {
        if entry.is_dir() {
            out.extend(files_under(&entry));
        } else {
            out.push(entry);
        }
    }
    out
}

#[test]
fn every_kind_written_by_one_device_is_delivered_to_the_other() {
    let p = pair();
    let kinds = [
        Kind::Hello,
        Kind::Changes,
        Kind::Snapshot,
        Kind::Ack,
        Kind::Goodbye,
    ];
    for (i, kind) in kinds.into_iter().enumerate() {
        let seq = p.a.next_seq().expect("next");
        assert_eq!(seq, i as u64 + 1);
        p.a.write(kind, seq, format!("payload {i}").as_bytes())
            .expect("written");
    }
    let got = scan(&p.b);
    assert!(got.problems.is_empty());
    let seen: Vec<_> = got
        .incoming
        .iter()
        .map(|f| (f.seq, f.kind, f.payload.clone()))
        .collect();
    let expected: Vec<_> = (0..5)
        .map(|i| (i as u64 + 1, kinds[i], format!("payload {i}").into_bytes()))
        .collect();
    assert_eq!(seen, expected);
    assert!(
        scan(&p.a).incoming.is_empty(),
        "a device is not sent its own files"
    );
}

#[test]
fn a_device_reads_the_kind_of_its_own_files_and_nothing_of_a_missing_one() {
    let p = pair();
    p.a.write(Kind::Changes, 1, b"changes").expect("written");
    p.a.write(Kind::Ack, 2, &ack_payload(1)).expect("written");
    assert_eq!(p.a.own_kind(1), Some(Kind::Changes));
    assert_eq!(p.a.own_kind(2), Some(Kind::Ack));
    assert_eq!(p.a.own_kind(3), None, "not written");
    assert_eq!(
        p.b.own_kind(1),
        None,
        "the other device's file is not its own"
    );
}

#[test]
fn an_ack_carries_the_number_applied_through() {
    let p = pair();
    p.a.write(Kind::Ack, 1, &ack_payload(41)).expect("written");
    let got = scan(&p.b);
    assert_eq!(got.incoming[0].acked_through(), Some(41));
}

#[test]
fn a_cut_file_is_incomplete_and_delivered_once_its_copy_finishes() {
    let p = pair();
    let path =
        p.a.write(Kind::Changes, 1, b"first changes")
            .expect("written");
    let whole = fs::read(&path).expect("read");
    fs::write(&path, &whole[..whole.len() - 10]).expect("cut");
    let got = scan(&p.b);
    assert!(got.incoming.is_empty());
    assert_eq!(problems(&got), [ProblemKind::Incomplete]);
    assert_eq!(got.problems[0].path, path);
    fs::write(&path, &whole).expect("copy finished");
    let got = scan(&p.b);
    assert_eq!(got.incoming[0].payload, b"first changes");
    assert!(got.problems.is_empty());
}

#[test]
fn a_flipped_byte_in_the_body_or_the_header_makes_a_file_damaged_and_delivers_nothing() {
    for at in [-1, 60] {
        let p = pair();
        let path = p.a.write(Kind::Changes, 1, b"changes").expect("written");
        p.a.write(Kind::Changes, 2, b"more").expect("written");
        let mut bytes = fs::read(&path).expect("read");
        let i = if at < 0 { bytes.len() - 1 } else { at as usize };
        bytes[i] ^= 0x40;
        fs::write(&path, bytes).expect("tampered");
        let got = scan(&p.b);
        assert_eq!(problems(&got), [ProblemKind::Damaged], "byte {at}");
        let seqs: Vec<u64> = got.incoming.iter().map(|f| f.seq).collect();
        assert_eq!(seqs, [2], "the other file still arrives");
    }
}

#[test]
fn a_file_of_another_pair_moved_under_this_pair_is_from_another_pair() {
    let p = pair();
    let stranger = Folder::new(
        p.root.path(),
        &PairSecret::generate().expect("other").keys(),
        DeviceId::generate().expect("c"),
    );
    let theirs = stranger
        .write(Kind::Changes, 1, b"not yours")
        .expect("written");
    let dir = p.a.own_dir();
    p.a.write(Kind::Hello, 1, b"A").expect("makes the folder");
    fs::rename(&theirs, dir.join("000000000002.nestling")).expect("moved");
    let got = scan(&p.b);
    assert_eq!(problems(&got), [ProblemKind::OtherPair]);
    assert_eq!(got.incoming.len(), 1);
    assert_eq!(
        got.unknown_pairs, 1,
        "the stranger's pair folder is counted"
    );
}

#[test]
fn a_file_renamed_to_another_number_or_device_is_damaged() {
    let p = pair();
    p.a.write(Kind::Changes, 1, b"one").expect("written");
    let path = p.a.write(Kind::Changes, 2, b"two").expect("written");
    fs::rename(&path, p.a.own_dir().join("000000000007.nestling")).expect("renamed");
    let elsewhere =
        p.a.pair_dir()
            .join(DeviceId::generate().expect("c").to_string());
    fs::create_dir(&elsewhere).expect("dir");
    fs::copy(
        p.a.own_dir().join("000000000001.nestling"),
        elsewhere.join("000000000001.nestling"),
    )
    .expect("copied");
    let got = scan(&p.b);
    assert_eq!(problems(&got), [ProblemKind::Damaged, ProblemKind::Damaged]);
    assert_eq!(got.incoming.len(), 1);
}

#[test]
fn a_file_of_an_unknown_format_version_is_too_new() {
    let p = pair();
    let path =
        p.a.write(Kind::Changes, 1, b"from the future")
            .expect("written");
    let mut bytes = fs::read(&path).expect("read");
    bytes[8..10].copy_from_slice(&2u16.to_be_bytes());
    fs::write(&path, bytes).expect("patched");
    assert_eq!(problems(&scan(&p.b)), [ProblemKind::TooNew]);
}

#[test]
fn temporary_files_and_other_names_are_ignored() {
    let p = pair();
    p.a.write(Kind::Changes, 1, b"one").expect("written");
    let dir = p.a.own_dir();
    for name in [
        ".000000000002.nestling.tmp",
        "000000000002.nestling.partial",
        "000000000002 (conflicted copy).nestling",
        "~lock.000000000002.nestling#",
        "notes.txt",
    ] {
        fs::write(dir.join(name), b"junk").expect("junk");
    }
    fs::create_dir(p.a.pair_dir().join("not-a-device")).expect("dir");
    let got = scan(&p.b);
    assert!(got.problems.is_empty());
    assert_eq!(got.incoming.len(), 1);
    assert_eq!(p.a.next_seq().expect("next"), 2);
}

#[test]
fn no_payload_or_name_text_reaches_the_disk() {
    let p = pair();
    let note = "Ada smiled at the lamp";
    p.a.write(Kind::Changes, 1, note.as_bytes())
        .expect("written");
    p.a.write(Kind::Hello, 2, "Ada's mum".as_bytes())
        .expect("written");
    let files = files_under(p.root.path());
    assert_eq!(files.len(), 2);
    for file in files {
        let bytes = fs::read(&file).expect("read");
        for text in [note.as_bytes(), b"Ada", b"lamp"] {
            assert!(
                !bytes.windows(text.len()).any(|w| w == text),
                "{}",
                file.display()
            );
        }
    }
}

#[test]
fn files_arriving_out_of_order_are_each_delivered_once() {
    let p = pair();
    p.a.write(Kind::Changes, 1, b"one").expect("written");
    let two = p.a.write(Kind::Changes, 2, b"two").expect("written");
    p.a.write(Kind::Changes, 3, b"three").expect("written");
    let held = fs::read(&two).expect("read");
    fs::remove_file(&two).expect("not synced yet");
    let mut cursors = Cursors::new();
    let mut delivered = Vec::new();
    for round in 0..3 {
        if round == 1 {
            fs::write(&two, &held).expect("synced now");
        }
        for file in p.b.scan(&cursors).expect("scan").incoming {
            cursors.entry(file.device).or_default().mark(file.seq);
            delivered.push(file.seq);
        }
    }
    assert_eq!(delivered, [1, 3, 2]);
    assert_eq!(cursors.values().next().expect("cursor").through(), 3);
}

#[test]
fn pruning_removes_only_own_files_at_or_below_the_number() {
    let p = pair();
    for seq in 1..=4 {
        p.a.write(Kind::Changes, seq, b"a").expect("written");
        p.b.write(Kind::Changes, seq, b"b").expect("written");
    }
    assert_eq!(p.a.prune_through(2).expect("pruned"), 2);
    let left: Vec<u64> = scan(&p.b).incoming.iter().map(|f| f.seq).collect();
    assert_eq!(left, [3, 4]);
    assert_eq!(
        scan(&p.a).incoming.len(),
        4,
        "the partner's files are untouched"
    );
    assert_eq!(p.a.prune_through(99).expect("pruned"), 1);
    assert_eq!(p.a.next_seq().expect("next"), 5, "the newest file is kept");
}

#[test]
fn a_number_is_never_written_twice_nor_out_of_range() {
    let p = pair();
    let path = p.a.write(Kind::Changes, 1, b"one").expect("written");
    let again = p.a.write(Kind::Changes, 1, b"other");
    assert!(matches!(again, Err(Error::AlreadyWritten { path: found }) if found == path));
    assert!(matches!(
        p.a.write(Kind::Changes, 0, b""),
        Err(Error::SeqOutOfRange { seq: 0 })
    ));
    let too_big = p.a.write(Kind::Changes, 1_000_000_000_000, b"");
    assert!(matches!(too_big, Err(Error::SeqOutOfRange { .. })));
}

#[test]
fn a_missing_folder_is_reported_and_not_created() {
    let p = pair();
    let gone = p.root.path().join("unplugged stick");
    let folder = Folder::new(&gone, &p.secret.keys(), DeviceId::generate().expect("id"));
    assert!(
        matches!(folder.scan(&Cursors::new()), Err(Error::FolderMissing { path }) if path == gone)
    );
    let write = folder.write(Kind::Hello, 1, b"A");
    assert_eq!(write.expect_err("refused").kind(), "folder_missing");
    assert!(matches!(
        folder.next_seq(),
        Err(Error::FolderMissing { .. })
    ));
    assert!(!gone.exists());
}

#[test]
fn the_sharing_folder_has_the_documented_layout() {
    let p = pair();
    let path = p.a.write(Kind::Hello, 1, b"A").expect("written");
    let rel = path.strip_prefix(p.root.path()).expect("inside");
    let parts: Vec<&str> = rel.iter().map(|s| s.to_str().expect("utf-8")).collect();
    assert_eq!(parts[0], SHARING_DIR);
    assert_eq!(parts[1], p.secret.keys().pair_id().tag());
    assert_eq!(parts[2].len(), 32);
    assert_eq!(parts[3], "000000000001.nestling");
}

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config { cases: 64, ..Default::default() })]

    #[test]
    fn random_bytes_under_a_valid_name_never_deliver(
        bytes in proptest::collection::vec(proptest::arbitrary::any::<u8>(), 0..300),
        keep_start in proptest::arbitrary::any::<bool>(),
    ) {
        let p = pair();
        let path = p.a.write(Kind::Changes, 1, b"real").expect("written");
        let mut junk = if keep_start { fs::read(&path).expect("read")[..26].to_vec() } else { Vec::new() };
        junk.extend_from_slice(&bytes);
        fs::write(p.a.own_dir().join("000000000002.nestling"), junk).expect("junk");
        let got = scan(&p.b);
        proptest::prop_assert_eq!(got.incoming.len(), 1);
        proptest::prop_assert_eq!(got.problems.len(), 1);
    }
}
