"""Publishing to the shared folder: BAD_INPUTS.md cases 28-32 and 34, each rule tested both ways."""

from __future__ import annotations

import errno
import json
import os
import stat
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.publishing import share as publish
from tasks.publishing.finals import is_final
from tasks.publishing.manifest import write_manifest
from tasks.publishing.names import PublishError, report_path, safe_name
from tasks.publishing.share import Published, check_share, clean_leftovers, publish_all, publish_file, sha256_file

OLD = b"laporan lama"
NEW = b"laporan baru"


@pytest.fixture
def share(tmp_path: Path) -> Path:
    """An empty shared folder."""
    root = tmp_path / "share"
    root.mkdir()
    return root


@pytest.fixture
def local(tmp_path: Path) -> Path:
    """The local folder where reports are rendered before publishing."""
    folder = tmp_path / "local"
    folder.mkdir()
    return folder


@pytest.fixture
def sleeps() -> list[float]:
    """Records the back-off delays instead of sleeping."""
    return []


def rendered(local: Path, data: bytes, name: str = "LKIP-2024.docx") -> Path:
    """A locally rendered report with the given bytes."""
    path = local / name
    path.write_bytes(data)
    return path


def existing(share: Path, data: bytes = OLD) -> Path:
    """A report already published on the share, with an old mtime so any rewrite shows."""
    target = report_path(share, "3201", 2024, "lkip")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    os.utime(target, ns=(1_000_000_000, 1_000_000_000))
    return target


def temp_files(root: Path) -> list[Path]:
    """Temporary files of ours anywhere under root."""
    return sorted(root.rglob(".lkip-tmp-*"))


def failing_replace(error: OSError, times: int | None = None, only: str | None = None):
    """An os.replace that raises error (the first `times` calls, or always) for targets named `only`."""
    real = os.replace
    calls = {"n": 0}

    def replace(src, dst):
        if only is None or Path(dst).name == only:
            calls["n"] += 1
            if times is None or calls["n"] <= times:
                raise error
        return real(src, dst)
    return replace


# --- case 28: names come from codes and never escape --------------------------------------------

@pytest.mark.parametrize("code, expected", [
    ("3201", "3201"),
    ("KPU-3201_a.b", "KPU-3201_a.b"),
    ("a/b", "a-b"),
    ("a\\b", "a-b"),
    ("../../x", "x"),
    ("..\\..\\x", "x"),
    (".hidden", "hidden"),
    ("Kab. Bandung", "Kab.-Bandung"),
    ("x.", "x"),  # Windows drops trailing dots
    ("a" * 300, "a" * 64),
    ("CONSOLE", "CONSOLE"),  # only the exact device names are reserved
    ("COM10", "COM10"),
    ("con-1", "con-1"),
])
def test_safe_name_keeps_or_repairs(code, expected):
    assert safe_name(code) == expected


@pytest.mark.parametrize("code", ["", "..", ".", "/", "...", "-", "CON", "con", "con.docx", "Nul.txt", "PRN",
                                  "aux", "COM1", "com9.docx", "LPT1", "lpt9.tar.gz", "../CON"])
def test_safe_name_refuses_what_cannot_be_made_safe(code):
    with pytest.raises(PublishError) as err:
        safe_name(code)
    assert "nama" in err.value.message


def test_report_paths_follow_the_layout(share):
    assert report_path(share, "3201", 2024, "lkip") == share / "3201" / "2024" / "LKIP-2024.docx"
    assert report_path(share, "3201", 2024, "bulanan", 3) == share / "3201" / "2024" / "bulanan" / "2024-03.docx"
    assert report_path(share, "3201", 2024, "lkip", suffix=".pdf").name == "LKIP-2024.pdf"
    assert report_path(share, "3201", 2024, "triwulan", triwulan=2) == share / "3201" / "2024" / "triwulan" / \
        "2024-TW2.docx"
    with pytest.raises(PublishError, match="triwulan tidak valid"):
        report_path(share, "3201", 2024, "triwulan", triwulan=5)


@pytest.mark.parametrize("satker", ["../../x", "CON", "con.docx", "a/b", "x" * 300, "", "..", "/etc", "~"])
def test_hostile_satker_codes_never_escape_root(share, satker):
    try:
        path = report_path(share, satker, 2024, "lkip")
    except PublishError:
        return  # refusing is fine; escaping is not
    assert path.resolve().is_relative_to(share.resolve())
    assert path.relative_to(share).parts[0] == safe_name(satker)
    assert len(path.relative_to(share).parts) == 3


@given(st.text(max_size=400))
@settings(max_examples=200, deadline=None)
def test_any_code_stays_inside_root_or_is_refused(code):
    root = Path("/srv/share")
    try:
        path = report_path(root, code, 2024, "bulanan", 12)
    except PublishError:
        return
    assert path.parent.parent.parent.parent == root
    assert len(path.parts[len(root.parts)]) <= 64


@pytest.mark.parametrize("args", [
    ("3201", 2024, "lkip-2024"),  # unknown kind
    ("3201", 2024, "bulanan", None),
    ("3201", 2024, "bulanan", 13),
    ("3201", "2024/../..", "lkip"),
    ("3201", 24, "lkip"),
    ("3201", True, "lkip"),
])
def test_report_path_refuses_bad_parameters(share, args):
    with pytest.raises(PublishError):
        report_path(share, *args)


@pytest.mark.parametrize("suffix", ["/../../x.docx", "", "docx", ". docx", ".do/cx"])
def test_report_path_refuses_bad_suffix(share, suffix):
    with pytest.raises(PublishError, match="akhiran"):
        report_path(share, "3201", 2024, "lkip", suffix=suffix)


def test_report_path_refuses_a_symlink_that_leads_outside(share, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (share / "3201").symlink_to(outside, target_is_directory=True)
    with pytest.raises(PublishError, match="di luar folder bersama"):
        report_path(share, "3201", 2024, "lkip")


# --- case 29: the shared folder is checked before anything else ---------------------------------

def test_check_share_accepts_a_writable_folder_and_leaves_nothing(share):
    check_share(share)
    assert list(share.iterdir()) == []


def test_missing_share_fails_fast(tmp_path):
    with pytest.raises(PublishError, match="folder bersama tidak dapat diakses: .*tidak ditemukan"):
        check_share(tmp_path / "tidak-ada")


def test_share_that_is_a_file_fails_fast(tmp_path):
    path = tmp_path / "share"
    path.write_text("bukan folder")
    with pytest.raises(PublishError, match="folder bersama tidak dapat diakses: .*bukan folder"):
        check_share(path)


def test_unwritable_share_fails_fast_through_the_probe(share):
    def denied(root):
        raise PermissionError(errno.EACCES, "Permission denied")
    with pytest.raises(PublishError, match="folder bersama tidak dapat diakses: .*tidak dapat ditulis"):
        check_share(share, probe=denied)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes through chmod 0o555")
def test_read_only_share_fails_fast(share):
    share.chmod(0o555)
    try:
        with pytest.raises(PublishError, match="folder bersama tidak dapat diakses"):
            check_share(share)
    finally:
        share.chmod(0o755)


def test_publish_all_checks_the_share_before_writing_or_retrying(tmp_path, local, sleeps):
    source = rendered(local, NEW)
    missing = tmp_path / "share"
    with pytest.raises(PublishError, match="folder bersama tidak dapat diakses"):
        publish_all({source: missing / "3201" / "LKIP-2024.docx"}, missing, sleep=sleeps.append)
    assert not missing.exists() and sleeps == []


def test_publish_all_refuses_the_whole_batch_when_a_source_is_missing(share, local):
    good = rendered(local, NEW)
    files = {good: share / "a" / "LKIP-2024.docx", local / "belum-dirender.docx": share / "b" / "LKIP-2024.docx"}
    with pytest.raises(PublishError, match="tidak ditemukan"):
        publish_all(files, share)
    assert list(share.iterdir()) == []


def test_publish_all_refuses_a_target_outside_root(share, local, tmp_path):
    with pytest.raises(PublishError, match="di luar folder bersama"):
        publish_all({rendered(local, NEW): tmp_path / "LKIP-2024.docx"}, share)
    assert not (tmp_path / "LKIP-2024.docx").exists()


# --- case 30: interrupted publishes leave the old file and converge -----------------------------

def test_failed_replace_keeps_the_old_file_and_leaves_no_temp(share, local, monkeypatch, sleeps):
    target = existing(share)
    monkeypatch.setattr(os, "replace", failing_replace(OSError(errno.ENOSPC, "No space left on device")))
    with pytest.raises(PublishError):
        publish_file(rendered(local, NEW), target, attempts=2, sleep=sleeps.append)
    assert target.read_bytes() == OLD
    assert temp_files(share) == []


def test_failure_in_the_middle_of_the_copy_keeps_the_old_file(share, local, monkeypatch):
    target = existing(share)

    def half_then_disk_full(src, dst):
        dst.write(src.read(3))
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(publish.shutil, "copyfileobj", half_then_disk_full)
    with pytest.raises(PublishError, match="No space left"):
        publish_file(rendered(local, NEW), target)
    assert target.read_bytes() == OLD
    assert temp_files(share) == []


def test_interrupt_during_replace_still_removes_the_temp_file(share, local, monkeypatch):
    target = existing(share)
    monkeypatch.setattr(os, "replace", failing_replace(KeyboardInterrupt()))  # Ctrl+C, not an OSError
    with pytest.raises(KeyboardInterrupt):
        publish_file(rendered(local, NEW), target)
    assert target.read_bytes() == OLD
    assert temp_files(share) == []


def test_new_report_never_appears_half_written(share, local, monkeypatch):
    target = report_path(share, "3201", 2024, "lkip")
    monkeypatch.setattr(os, "replace", failing_replace(OSError(errno.EIO, "Input/output error")))
    with pytest.raises(PublishError):
        publish_file(rendered(local, NEW), target)
    assert not target.exists()
    assert temp_files(share) == []


def test_next_run_cleans_leftovers_of_a_killed_run_and_converges(share, local, sleeps):
    target = existing(share)
    stale = target.with_name(".lkip-tmp-1a2b3c4d-LKIP-2024.docx")  # what a killed run leaves
    stale.write_bytes(NEW[:4])
    deeper = share / "3202" / "2024" / "bulanan" / ".lkip-tmp-deadbeef-2024-01.docx"
    deeper.parent.mkdir(parents=True)
    deeper.write_bytes(b"x")
    source = rendered(local, NEW)
    [first] = publish_all({source: target}, share, sleep=sleeps.append)
    # Only this run's folders are cleaned: office 3202 may be publishing at this very moment.
    assert temp_files(share) == [deeper]
    assert target.read_bytes() == NEW and first == Published(target, sha256_file(source), 1, "")
    assert publish_all({source: target}, share, sleep=sleeps.append) == [first]


def test_clean_leftovers_removes_only_our_temp_files(share):
    ours = share / "a" / ".lkip-tmp-0000-LKIP-2024.docx"
    ours.parent.mkdir()
    ours.write_bytes(b"x")
    kept = [share / "a" / "LKIP-2024.docx", share / "a" / "~$IP-2024.docx", share / "lkip-tmp-x.docx",
            share / "a" / "LKIP-2024.docx.final"]
    for path in kept:
        path.write_bytes(b"x")
    assert clean_leftovers(share) == [ours]
    assert all(path.exists() for path in kept)
    assert clean_leftovers(share) == []


# --- case 31: a report open in Word goes to the next version name -------------------------------

@pytest.mark.parametrize("lock_name", ["~$IP-2024.docx", "~$LKIP-2024.docx", ".~lock.LKIP-2024.docx#"])
def test_open_report_is_published_under_the_next_version(share, local, lock_name):
    target = existing(share)
    (target.parent / lock_name).write_bytes(b"owner")
    result = publish_file(rendered(local, NEW), target)
    assert result.path == target.with_name("LKIP-2024-v2.docx") and result.versi == 2
    assert result.path.read_bytes() == NEW and target.read_bytes() == OLD
    assert result.catatan == "berkas LKIP-2024.docx sedang dibuka; diterbitkan sebagai LKIP-2024-v2.docx"


def test_lock_file_of_another_report_does_not_count(share, local):
    target = existing(share)
    (target.parent / "~$IP-2023.docx").write_bytes(b"owner")
    result = publish_file(rendered(local, NEW), target)
    assert (result.path, result.versi, result.catatan) == (target, 1, "")


def test_permission_error_on_replace_means_locked_not_retried(share, local, monkeypatch, sleeps):
    target = existing(share)
    monkeypatch.setattr(os, "replace", failing_replace(PermissionError(errno.EACCES, "denied"), only=target.name))
    result = publish_file(rendered(local, NEW), target, attempts=3, sleep=sleeps.append)
    assert result.path.name == "LKIP-2024-v2.docx" and "sedang dibuka" in result.catatan
    assert target.read_bytes() == OLD and sleeps == [] and temp_files(share) == []


def test_versions_already_taken_are_skipped(share, local):
    target = existing(share)
    (target.parent / "~$IP-2024.docx").write_bytes(b"owner")
    target.with_name("LKIP-2024-v2.docx").write_bytes(b"versi sebelumnya")
    result = publish_file(rendered(local, NEW), target)
    assert result.path.name == "LKIP-2024-v3.docx" and result.versi == 3
    assert target.with_name("LKIP-2024-v2.docx").read_bytes() == b"versi sebelumnya"


def test_rerun_while_still_open_reuses_the_same_version(share, local):
    target = existing(share)
    (target.parent / "~$IP-2024.docx").write_bytes(b"owner")
    source = rendered(local, NEW)
    first = publish_file(source, target)
    assert publish_file(source, target) == first
    assert not target.with_name("LKIP-2024-v3.docx").exists()


# --- case 32: a final report is never modified ---------------------------------------------------

def test_final_publish_marks_and_protects_the_report(share, local):
    result = publish_file(rendered(local, NEW), report_path(share, "3201", 2024, "lkip"), final=True)
    assert is_final(result.path) and not result.path.with_name("LKIP-2024.docx.final").exists()
    assert json.loads((result.path.parent / ".lkip-final.json").read_text()) == {"LKIP-2024.docx": result.sha256}
    assert stat.S_IMODE(result.path.stat().st_mode) == 0o444


def test_a_final_mark_of_an_earlier_version_still_counts(share, local):
    target = existing(share)
    target.with_name("LKIP-2024.docx.final").write_text("sha256 x")
    with pytest.raises(PublishError, match="laporan final tidak diubah lagi"):
        publish_file(rendered(local, NEW), target)


def test_final_report_is_never_modified(share, local):
    target = existing(share)
    publish_file(rendered(local, OLD, "lama.docx"), target, final=True)
    before = target.stat()
    with pytest.raises(PublishError, match="laporan final tidak diubah lagi"):
        publish_file(rendered(local, NEW), target)
    # In a batch the final report is kept, with a note, and the other reports are still published.
    other = target.with_name("LKIP-2024-lampiran.docx")
    kept, published = publish_all({rendered(local, NEW): target, rendered(local, NEW, "b.docx"): other}, share)
    assert "laporan final tidak diubah lagi" in kept.catatan and kept.sha256 == sha256_file(target)
    assert published.path == other and other.read_bytes() == NEW
    other.unlink()
    assert target.read_bytes() == OLD and target.stat().st_mtime_ns == before.st_mtime_ns
    assert sorted(p.name for p in target.parent.iterdir()) == [".lkip-final.json", "LKIP-2024.docx"]
    assert kept.kept and not published.kept


def test_rerun_of_a_final_publish_with_the_same_content_converges(share, local):
    source = rendered(local, NEW)
    target = report_path(share, "3201", 2024, "lkip")
    first = publish_file(source, target, final=True)
    assert publish_file(source, target, final=True) == first


def test_identical_report_can_still_be_marked_final(share, local):
    target = existing(share, NEW)
    publish_file(rendered(local, NEW), target, final=True)
    assert is_final(target)
    assert target.stat().st_mtime_ns == 1_000_000_000


# --- case 34: the same content twice changes nothing --------------------------------------------

def test_same_content_twice_changes_nothing(share, local):
    target = existing(share, NEW)
    before = target.stat()
    result = publish_file(rendered(local, NEW), target)
    after = target.stat()
    assert result == Published(target, sha256_file(target), 1, "")
    assert (after.st_mtime_ns, after.st_ino) == (before.st_mtime_ns, before.st_ino)


def test_different_content_replaces_the_report(share, local):
    target = existing(share, OLD)
    result = publish_file(rendered(local, NEW), target)
    assert target.read_bytes() == NEW and result.sha256 == sha256_file(target)
    assert target.stat().st_mtime_ns != 1_000_000_000


# --- retries -------------------------------------------------------------------------------------

def test_transient_errors_are_retried_with_backoff(share, local, monkeypatch, sleeps):
    target = existing(share)
    monkeypatch.setattr(os, "replace", failing_replace(OSError(errno.EIO, "Input/output error"), times=2))
    result = publish_file(rendered(local, NEW), target, attempts=3, sleep=sleeps.append)
    assert result.path == target and target.read_bytes() == NEW
    assert sleeps == pytest.approx([0.2, 0.4])


def test_after_the_last_attempt_the_error_names_the_file_and_cause(share, local, monkeypatch, sleeps):
    target = existing(share)
    monkeypatch.setattr(os, "replace", failing_replace(OSError(errno.ETIMEDOUT, "Connection timed out")))
    with pytest.raises(PublishError) as err:
        publish_all({rendered(local, NEW): target}, share, attempts=4, sleep=sleeps.append)
    assert str(target) in err.value.message and "Connection timed out" in err.value.message
    assert "4 percobaan" in err.value.message
    assert sleeps == pytest.approx([0.2, 0.4, 0.8])
    assert target.read_bytes() == OLD and temp_files(share) == []


# --- the manifest --------------------------------------------------------------------------------

def test_manifest_records_inputs_and_outputs(share, local):
    rak = rendered(local, b"rak", "RAK 2024.xlsx")
    source = rendered(local, NEW)
    outputs = publish_all({source: report_path(share, "3201", 2024, "lkip")}, share)
    started = datetime(2024, 12, 31, 8, 30)
    path = write_manifest(share, inputs=[rak], outputs=outputs, parameters={"satker": "KPU Kab. Bandung – Jabar"},
                          version="0.1.0", started=started, run="LKIP 2024")
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    assert path == share / "manifest.json"
    run = {"waktu": "2024-12-31T08:30:00", "proses": "LKIP 2024", "versi": "0.1.0",
           "parameter": {"satker": "KPU Kab. Bandung – Jabar"},
           "masukan": [{"berkas": "RAK 2024.xlsx", "sha256": sha256_file(rak)}],
           "keluaran": [{"berkas": "3201/2024/LKIP-2024.docx", "sha256": sha256_file(source), "versi": 1,
                         "catatan": ""}]}
    assert data == {
        "program": "lkip", "versi": "0.1.0", "diperbarui": "2024-12-31T08:30:00", "riwayat": [run],
        "berkas": [{"berkas": "3201/2024/LKIP-2024.docx", "sha256": sha256_file(source), "ukuran": len(NEW),
                    "diterbitkan": "2024-12-31T08:30:00", "proses": "LKIP 2024", "final": False, "usang": False}],
    }
    assert text == json.dumps(data, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


def test_the_index_is_cumulative_and_lists_exactly_the_files_there(share, local):
    target = report_path(share, "3201", 2024, "bulanan", 1)
    first = publish_all({rendered(local, OLD): target}, share)
    write_manifest(share, inputs=[], outputs=first, parameters={}, version="1", started=datetime(2025, 2, 5), run="a")
    other = report_path(share, "3201", 2024, "bulanan", 2)
    second = publish_all({rendered(local, NEW, "b.docx"): other}, share)
    (target.parent / "STATUS.txt").write_text("bukan laporan")
    data = json.loads(write_manifest(share, inputs=[], outputs=second, parameters={}, version="1",
                                     started=datetime(2025, 3, 5), run="b").read_text())
    assert [r["proses"] for r in data["riwayat"]] == ["a", "b"]
    assert {f["berkas"]: f["proses"] for f in data["berkas"]} == {"3201/2024/bulanan/2024-01.docx": "a",
                                                                  "3201/2024/bulanan/2024-02.docx": "b"}
    again = publish_all({rendered(local, OLD, "c.docx"): target}, share)  # unchanged: found, not written
    data = json.loads(write_manifest(share, inputs=[], outputs=again, parameters={}, version="1",
                                     started=datetime(2025, 4, 5), run="c").read_text())
    assert {f["berkas"]: f["proses"] for f in data["berkas"]}["3201/2024/bulanan/2024-01.docx"] == "a"


def test_an_index_of_the_earlier_one_run_form_becomes_its_first_entry(share):
    (share / "manifest.json").write_text(json.dumps({"program": "lkip", "waktu": "2024-01-01", "versi": "0",
                                                     "parameter": {}, "masukan": [], "keluaran": []}))
    data = json.loads(write_manifest(share, inputs=[], outputs=[], parameters={}, version="1",
                                     started=datetime(2025, 1, 1)).read_text())
    assert [r["waktu"] for r in data["riwayat"]] == ["2024-01-01", "2025-01-01T00:00:00"]


def test_manifest_is_written_last_and_atomically(share, local, monkeypatch):
    replaced = []
    real = os.replace
    monkeypatch.setattr(os, "replace", lambda src, dst: (replaced.append(Path(dst).name), real(src, dst)))
    outputs = publish_all({rendered(local, NEW): report_path(share, "3201", 2024, "lkip"),
                           rendered(local, OLD, "b.docx"): report_path(share, "3201", 2024, "bulanan", 1)}, share)
    write_manifest(share, inputs=[], outputs=outputs, parameters={}, version="0.1.0", started=datetime.now())
    assert replaced == ["LKIP-2024.docx", "2024-01.docx", "manifest.json"]


def test_failed_manifest_leaves_no_partial_manifest(share, monkeypatch):
    monkeypatch.setattr(os, "replace", failing_replace(OSError(errno.ENOSPC, "No space left on device")))
    with pytest.raises(PublishError, match="manifest tidak dapat ditulis"):
        write_manifest(share, inputs=[], outputs=[], parameters={}, version="0.1.0", started=datetime.now())
    assert list(share.iterdir()) == []


# --- a published set never lies (issue 16, item 7) -----------------------------------------------

def test_a_share_full_after_the_first_report_keeps_the_previous_set(share, local, monkeypatch, sleeps):
    targets = [report_path(share, "3201", 2024, "bulanan", m) for m in (1, 2, 3)]
    first = publish_all({rendered(local, OLD + bytes([m]), f"{m}.docx"): t for m, t in enumerate(targets)}, share)
    real, copies = publish._copy_to, []

    def full_after_one(source, tmp):
        copies.append(tmp)
        if len(copies) > 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(source, tmp)
    monkeypatch.setattr(publish, "_copy_to", full_after_one)
    with pytest.raises(PublishError) as info:
        publish_all({rendered(local, NEW + bytes([m]), f"n{m}.docx"): t for m, t in enumerate(targets)}, share,
                    attempts=3, sleep=sleeps.append)
    assert info.value.permanent and "ruang penyimpanan folder bersama penuh" in info.value.message
    assert sleeps == [] and len(copies) == 2  # a full disk is not retried
    assert [sha256_file(t) for t in targets] == [p.sha256 for p in first]  # all three as they were
    assert temp_files(share) == []


def test_a_folder_where_the_report_goes_is_permanent(share, local, sleeps):
    target = report_path(share, "3201", 2024, "lkip")
    target.mkdir(parents=True)
    with pytest.raises(PublishError, match="sudah ada folder dengan nama laporan itu") as info:
        publish_file(rendered(local, NEW), target, attempts=3, sleep=sleeps.append)
    assert info.value.permanent and sleeps == []


def test_a_report_made_read_only_is_treated_like_an_open_one(share, local):
    target = existing(share)
    target.chmod(0o444)
    result = publish_file(rendered(local, NEW), target)
    assert result.path.name == "LKIP-2024-v2.docx" and "dibuat hanya-baca" in result.catatan
    assert target.read_bytes() == OLD and stat.S_IMODE(target.stat().st_mode) == 0o444


def test_an_outdated_version_is_archived_once_the_report_is_free_again(share, local):
    target = existing(share)
    lock = target.parent / "~$IP-2024.docx"
    lock.write_bytes(b"owner")
    [v2] = publish_all({rendered(local, NEW): target}, share)
    assert v2.path.name == "LKIP-2024-v2.docx"
    lock.unlink()  # Word closed
    newer = rendered(local, NEW + b"!", "baru.docx")
    [main] = publish_all({newer: target}, share)
    assert main.path == target and target.read_bytes() == NEW + b"!"
    assert not v2.path.exists() and (target.parent / "arsip" / "LKIP-2024-v2.docx").read_bytes() == NEW


def test_published_files_follow_the_umask(share, local):
    old = os.umask(0o002)
    try:
        [item] = publish_all({rendered(local, NEW): report_path(share, "3201", 2024, "lkip")}, share)
    finally:
        os.umask(old)
    assert stat.S_IMODE(item.path.stat().st_mode) == 0o664  # colleagues on a Samba share can open it
