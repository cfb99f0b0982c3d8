"""An office root of year folders: which year a scheduled run makes, and when it must wait."""

from __future__ import annotations

import datetime

import pytest

from tasks.pipeline.years import (
    ENV_DISPLAY,
    ENV_ROOT,
    ENV_SHARE,
    OfficeRootError,
    OfficeSettings,
    latest_year,
    scheduled_period,
    waiting_reason,
    year_folders,
)


@pytest.mark.parametrize("today, expected", [
    (datetime.date(2025, 2, 5), (2025, 1)), (datetime.date(2025, 1, 5), (2024, None)),
    (datetime.date(2024, 3, 1), (2024, 2)), (datetime.date(2024, 12, 31), (2024, 11)),
])
def test_the_schedule_makes_the_month_just_ended_and_in_january_the_lkip(today, expected):
    assert scheduled_period(today) == expected


def test_year_folders_and_the_latest(tmp_path):
    for name in ("2024", "2025", "arsip", "20255"):
        (tmp_path / name).mkdir()
    (tmp_path / "2026").write_text("a file, not a folder")
    assert sorted(year_folders(tmp_path)) == [2024, 2025]
    assert latest_year(tmp_path) == 2025
    with pytest.raises(OfficeRootError) as info:
        latest_year(tmp_path / "arsip")
    assert "2024" in info.value.hint


def test_waiting_for_a_folder_or_its_workbooks(tmp_path):
    assert "belum ada" in waiting_reason(tmp_path, 2026, 1)
    (tmp_path / "2026").mkdir()
    (tmp_path / "2026" / "profil.toml").write_text("")
    assert "belum berisi RAK" in waiting_reason(tmp_path, 2026, 1)
    (tmp_path / "2026" / "RAK-2026.xlsx").write_bytes(b"")
    assert waiting_reason(tmp_path, 2026, 1) is None
    assert "LKIP 2027" in waiting_reason(tmp_path, 2027, None)


def test_settings_come_from_serves_environment(tmp_path):
    office = OfficeSettings(tmp_path, tmp_path / "bersama", "\\\\server\\bersama")
    assert OfficeSettings.from_env(office.environment()) == office
    assert set(office.environment()) == {ENV_ROOT, ENV_SHARE, ENV_DISPLAY}
    with pytest.raises(OfficeRootError, match="lkip serve"):
        OfficeSettings.from_env({})
