"""The private pain diary in a real browser: save, read, move and delete it."""

import json
import re
from datetime import date, timedelta

import pytest

from tests.browser.browser_checks import TARGETS_JS, tab_until, undersized_targets
from tests.browser.conftest import save_screenshot, serious_violations

REPORT = "/api/diary/report"
STORED_JS = "() => JSON.parse(localStorage.getItem('bodymap-diary'))"
ROWS_JS = """
() => [...document.querySelectorAll('#score-table tbody tr')].map(row =>
  [...row.cells].map(cell => cell.textContent.trim()))
"""
CHART_JS = """
() => ({
  circles: document.querySelectorAll('.timeline-chart circle.point').length,
  diamonds: document.querySelectorAll('.timeline-chart path.point.session').length,
  title: document.querySelector('.timeline-chart title').textContent,
})
"""


def days_ago(days, time="09:00"):
    return f"{date.today() - timedelta(days=days)}T{time}"


def spots(*regions):
    return [{"region": region, "intensity": 2} for region in regions]


def worsening_diary():
    """Pain 4 before treatment; 7 and spreading to the temple after two sessions."""
    needling = {"technique": "dry-needling"}
    return {
        "format": "bodymap-diary",
        "version": 1,
        "entries": [
            {"at": days_ago(16), "score": 4, "spots": spots("right-back-of-neck")},
            {
                "at": days_ago(15),
                "score": 5,
                "spots": spots("right-back-of-neck"),
                "session": {**needling, "soreness": 4},
                "notes": "First needling session.",
            },
            {
                "at": days_ago(8),
                "score": 5,
                "spots": spots("right-back-of-neck"),
                "session": {**needling, "soreness": 5},
            },
            {
                "at": days_ago(4),
                "score": 7,
                "spots": spots("right-back-of-neck", "right-temple"),
            },
        ],
    }


def seed(page, diary):
    """Put ``diary`` in the page's storage and reload, as if saved earlier."""
    page.evaluate(
        "(text) => localStorage.setItem('bodymap-diary', text)", json.dumps(diary)
    )
    page.reload()
    wait_for_report(page)


def wait_for_report(page):
    page.locator("#drawings .diary-drawing").first.wait_for()


def choose(page, group, value):
    page.locator(group).get_by_role("radio", name=str(value), exact=True).check()


def save_entry(page, when, score, session=None):
    day, time = when.split("T")
    page.get_by_label("Date", exact=True).fill(day)
    page.get_by_label("Time", exact=True).fill(time)
    choose(page, "#score-field", score)
    if session:
        page.get_by_label("I had a treatment session on this day").check()
        page.get_by_label("Which treatment").select_option(label=session)
        choose(page, ".session-details", 3)
    page.get_by_role("button", name="Save to my diary").click()
    page.get_by_role("status").filter(has_text="Saved your entry").wait_for()


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_saving_entries_on_two_days_fills_the_chart_and_the_table(
    open_page, axe, device
):
    page = open_page("/diary", device)
    assert page.locator("#privacy").is_visible()
    assert "never your notes" in page.locator("#privacy").inner_text()
    assert page.get_by_role("button", name="Delete the whole diary").is_hidden()

    # Day one: a drawing from the map's list, then the diary's form.
    page.goto("/")
    page.locator("#region-search").fill("right back of neck")
    page.get_by_label("right back of neck", exact=True).check()
    page.get_by_role("link", name="Save to my diary").click()
    page.wait_for_url("**/diary#*")
    page.locator("#entry-spots li").first.wait_for()
    assert "right back of neck" in page.locator("#entry-spots").inner_text()
    save_entry(page, days_ago(2), 6)

    # Day two, after a session: the map's drawing comes along again.
    page.goto("/#regions=right-back-of-neck:1")
    page.get_by_role("link", name="Save to my diary").click()
    page.locator("#entry-spots li").first.wait_for()
    save_entry(page, days_ago(1, "18:30"), 4, session="Dry needling")
    wait_for_report(page)

    rows = page.evaluate(ROWS_JS)
    assert [row[1] for row in rows] == ["6/10", "4/10"]
    assert rows[0][2] == "—" and rows[1][2] == "Dry needling, sore 3/10"
    chart = page.evaluate(CHART_JS)
    assert (chart["circles"], chart["diamonds"]) == (1, 1)
    assert ": 6" in chart["title"] and ": 4" in chart["title"]
    stored = page.evaluate(STORED_JS)["entries"]
    assert [entry["score"] for entry in stored] == [6, 4]
    assert stored[1]["session"] == {"technique": "dry-needling", "soreness": 3}
    assert (
        "Soreness after a session is expected" in page.locator("#guidance").inner_text()
    )
    assert page.locator(".diary-drawing").count() == 2
    save_screenshot(page, f"diary-two-days-{device}")
    page.locator("#timeline-section").scroll_into_view_if_needed()
    save_screenshot(page, f"diary-timeline-{device}", full_page=False)
    assert serious_violations(axe, page) == []
    assert undersized_targets(page.evaluate(TARGETS_JS)) == []


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_a_worsening_diary_says_stop_and_talk_to_your_clinician(open_page, device):
    page = open_page("/diary", device)
    seed(page, worsening_diary())
    advice = page.locator("#guidance .advice")
    assert (
        advice.first.locator("h3").inner_text()
        == "STOP Stop and talk to your clinician"
    )
    text = page.locator("#guidance").inner_text()
    assert "7/10, after 2 sessions" in text, text
    assert "before treatment" in text and "4/10" in text
    assert "right temple" in text
    assert "Not a diagnosis." in page.locator("#guidance-section").inner_text()
    assert "right temple" in page.locator(".changes-new").inner_text()
    assert page.locator(".diary-figure svg .diary-new").count() >= 1
    page.locator("#guidance-heading").scroll_into_view_if_needed()
    save_screenshot(page, f"diary-stop-{device}", full_page=False)
    page.locator("#drawings-section").scroll_into_view_if_needed()
    save_screenshot(page, f"diary-drawings-{device}", full_page=False)


def test_export_then_import_into_a_fresh_browser(open_page, tmp_path):
    page = open_page("/diary")
    seed(page, worsening_diary())
    with page.expect_download() as download:
        page.get_by_role("button", name="Export to a file").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert path.name == f"bodymap-diary-{date.today()}.json"
    exported = json.loads(path.read_text())
    assert exported["entries"] == worsening_diary()["entries"]

    fresh = open_page("/diary")  # a new browser context: empty storage
    assert fresh.evaluate(STORED_JS) is None
    fresh.get_by_label("Import from a file").set_input_files(path)
    fresh.get_by_role("status").filter(has_text="Imported 4 entries").wait_for()
    wait_for_report(fresh)
    assert fresh.evaluate(STORED_JS)["entries"] == exported["entries"]
    assert len(fresh.evaluate(ROWS_JS)) == 4
    assert "First needling session." in fresh.evaluate(ROWS_JS)[1][4]


BAD_FILES = [
    ("wrong-version", {"version": 2}, "version 2, but this bodymap reads version 1"),
    ("bad-date", {"date": "2026-02-30T09:00"}, "is not a valid date and time"),
    ("unknown-region", {"region": "right-elbowz"}, "unknown region 'right-elbowz'"),
]


def test_a_bad_file_is_rejected_and_the_diary_is_kept(open_page, tmp_path):
    page = open_page("/diary")
    open_page.expect_status(REPORT, 400)
    seed(page, worsening_diary())
    before = page.evaluate(STORED_JS)
    for name, change, message in BAD_FILES:
        diary = worsening_diary()
        diary["version"] = change.get("version", 1)
        if "date" in change:
            diary["entries"][2]["at"] = change["date"]
        if "region" in change:
            diary["entries"][3]["spots"] = spots(change["region"])
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(diary))
        page.get_by_label("Import from a file").set_input_files(path)
        alert = page.get_by_role("alert")
        alert.wait_for()
        assert message in alert.inner_text()
        assert "Your diary was not changed." in alert.inner_text()
        assert page.evaluate(STORED_JS) == before
        assert len(page.evaluate(ROWS_JS)) == 4
    path = tmp_path / "not-json.json"
    path.write_text("{ not json")
    page.get_by_label("Import from a file").set_input_files(path)
    page.get_by_role("alert").filter(has_text="not valid JSON").wait_for()
    assert page.evaluate(STORED_JS) == before
    save_screenshot(page, "diary-import-rejected", full_page=False)


def test_deleting_the_diary_asks_first(open_page):
    page = open_page("/diary", "phone")
    seed(page, worsening_diary())
    page.get_by_role("button", name="Delete the whole diary").click()
    dialog = page.get_by_role("dialog", name="Delete the whole diary?")
    assert "all 4 entries" in dialog.inner_text()
    save_screenshot(page, "diary-delete-confirm-phone", full_page=False)
    dialog.get_by_role("button", name="Keep my diary").click()
    assert len(page.evaluate(STORED_JS)["entries"]) == 4

    page.get_by_role("button", name="Delete the whole diary").click()
    page.get_by_role("button", name="Delete everything").click()
    page.get_by_role("status").filter(has_text="deleted from this device").wait_for()
    assert page.evaluate(STORED_JS) is None
    assert page.locator("#timeline-section").is_hidden()
    assert page.get_by_role("button", name="Delete the whole diary").is_hidden()
    page.reload()
    assert page.locator("#timeline-section").is_hidden()


def test_the_printed_summary_is_one_page_for_the_clinician(open_page):
    page = open_page("/diary")
    seed(page, worsening_diary())
    page.emulate_media(media="print")
    assert page.locator("#entry").is_hidden()
    assert page.locator("#manage-section").is_hidden()
    assert page.locator("#timeline-section").is_visible()
    assert page.locator("#guidance .advice").first.is_visible()
    assert page.locator("p.print-only").first.is_visible()
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 1
    save_screenshot(page, "diary-print")


def test_an_entry_by_keyboard_alone(open_page):
    page = open_page("/diary#regions=right-temple:3")
    page.locator("#entry-spots li").first.wait_for()
    tab_until(page, "(el) => el.name === 'score'")
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    assert page.evaluate("() => document.activeElement.value") == "5"
    tab_until(page, "(el) => el.id === 'had-session'")
    page.keyboard.press("Space")
    assert page.get_by_label("Which treatment").is_visible()
    # A warning sign's advice shows at once, before saving.
    tab_until(page, "(el) => el.id === 'warning-numbness-or-weakness'")
    page.keyboard.press("Space")
    advice = page.locator("#advice-numbness-or-weakness")
    assert advice.is_visible() and "Do this now:" in advice.inner_text()
    page.keyboard.press("Space")
    assert advice.is_hidden()
    tab_until(page, "(el) => el.id === 'save-entry'")
    page.keyboard.press("Enter")
    page.get_by_role("status").filter(has_text="Saved your entry").wait_for()
    (entry,) = page.evaluate(STORED_JS)["entries"]
    assert entry["score"] == 5
    assert entry["spots"] == [{"region": "right-temple", "intensity": 3}]
    assert entry["session"]["technique"] == "dry-needling"

    # The confirmation opens on its safe choice; Escape keeps the diary.
    tab_until(page, "(el) => el.id === 'delete-diary'")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.textContent") == (
        "Keep my diary"
    )
    page.keyboard.press("Escape")
    assert page.get_by_role("dialog").is_hidden()
    assert len(page.evaluate(STORED_JS)["entries"]) == 1
