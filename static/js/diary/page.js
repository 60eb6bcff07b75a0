// The diary page: today's entry, the guidance, the timeline, the first and
// latest drawings, and the diary file (print, export, import, delete).
//
// The diary stays in this browser (store.js). To advise and draw, the page
// sends a copy without notes to the server, which answers and forgets it.

import * as store from "./store.js";
import { drawChart, fillTable, longDate } from "./chart.js";
import { fragmentOf, spotsFromFragment } from "./drawing.js";
import { figures, requestReport, showDrawings, showGuidance, text } from "./report.js";

const root = document.getElementById("diary");
const reportUrl = root.dataset.reportUrl;
const techniqueNames = JSON.parse(root.dataset.techniques);
const names = { technique: (id) => techniqueNames[id] || id };
const $ = (id) => document.getElementById(id);
const status = $("diary-status");
const form = $("entry-form");
let diary = store.load();
let draftSpots = spotsFromFragment(location.hash);

function announce(text) {
  status.textContent = "";
  // A fresh node so screen readers announce a repeated message too.
  window.setTimeout(() => {
    status.textContent = text;
  }, 30);
}

function pad(number) {
  return String(number).padStart(2, "0");
}

function nowLocal() {
  const now = new Date();
  return {
    date: `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`,
    time: `${pad(now.getHours())}:${pad(now.getMinutes())}`,
  };
}

// --- confirmation dialog -----------------------------------------------
function confirmAction({ title, text, yes, no }) {
  const dialog = $("confirm");
  $("confirm-title").textContent = title;
  $("confirm-text").textContent = text;
  $("confirm-yes").textContent = yes;
  $("confirm-no").textContent = no;
  dialog.returnValue = "";
  dialog.showModal();
  $("confirm-no").focus();
  return new Promise((resolve) => {
    dialog.addEventListener("close", () => resolve(dialog.returnValue === "yes"), { once: true });
  });
}

function showEntries(entries) {
  const has = entries.length > 0;
  ["guidance-section", "timeline-section", "drawings-section"].forEach((id) => {
    $(id).hidden = !has;
  });
  $("manage-section").hidden = false;
  $("delete-diary").hidden = !has;
  $("export-diary").hidden = !has;
  $("print-diary").hidden = !has;
  if (!has) return;
  drawChart($("chart"), entries);
  fillTable($("score-table"), entries, names);
}

async function refresh() {
  showEntries(diary.entries);
  if (!diary.entries.length) return null;
  try {
    const report = await requestReport(reportUrl, diary);
    showGuidance($("guidance"), report);
    showDrawings($("drawings"), $("changes"), report);
    return report;
  } catch (error) {
    $("guidance").textContent = `Guidance is not available right now: ${error.message}`;
    return null;
  }
}

// --- today's entry --------------------------------------------------------
function entryDate() {
  return `${$("entry-date").value}T${$("entry-time").value}`;
}

function updateReplaceNote() {
  const note = $("replace-note");
  const day = $("entry-date").value;
  const existing = diary.entries.find((entry) => store.dayOf(entry) === day);
  note.hidden = !existing;
  if (existing)
    note.textContent = `You already have an entry for this day (pain ${existing.score}/10). Saving replaces it.`;
}

async function showDraft() {
  const hasDrawing = draftSpots.length > 0;
  $("entry-drawing-empty").hidden = hasDrawing;
  $("entry-drawing").hidden = !hasDrawing;
  $("redraw-link").href = `${$("draw-link").pathname}#${fragmentOf(draftSpots)}`;
  if (!hasDrawing) return;
  const draft = { at: entryDate(), score: 0, spots: draftSpots };
  const list = $("entry-spots");
  list.textContent = "";
  try {
    const report = await requestReport(reportUrl, {
      format: store.FORMAT,
      version: store.VERSION,
      entries: [draft],
    });
    const drawing = report.drawings[0];
    drawing.regions.forEach((region) =>
      list.appendChild(text("li", `${region.name}: ${region.intensity_name}`)),
    );
    const holder = $("entry-figures");
    holder.textContent = "";
    holder.appendChild(figures(drawing));
  } catch (error) {
    list.appendChild(text("li", `${draftSpots.length} places marked. ${error.message}`));
  }
}

function readEntry() {
  const chosen = form.querySelector("input[name='score']:checked");
  const error = $("score-error");
  error.hidden = Boolean(chosen);
  $("score-field").toggleAttribute("aria-invalid", !chosen);
  if (!chosen) {
    form.querySelector("input[name='score']").focus();
    announce(error.textContent);
    return null;
  }
  const entry = { at: entryDate(), score: Number(chosen.value), spots: draftSpots };
  if ($("had-session").checked) {
    const soreness = form.querySelector("input[name='soreness']:checked");
    entry.session = {
      technique: $("technique").value,
      soreness: soreness ? Number(soreness.value) : 0,
    };
  }
  const warnings = [...form.querySelectorAll("input[name='warning']:checked")].map(
    (box) => box.value,
  );
  if (warnings.length) entry.warnings = warnings;
  const notes = $("notes").value.trim();
  if (notes) entry.notes = notes;
  return entry;
}

function resetForm(keepDraft = false) {
  form.reset();
  const now = nowLocal();
  $("entry-date").value = now.date;
  $("entry-date").max = now.date;
  $("entry-time").value = now.time;
  $("session-details").hidden = true;
  form.querySelectorAll(".warning-advice").forEach((advice) => {
    advice.hidden = true;
  });
  if (!keepDraft) {
    draftSpots = [];
    history.replaceState(null, "", location.pathname);
  }
  showDraft();
  updateReplaceNote();
}

async function onSave(event) {
  event.preventDefault();
  if (!$("entry-date").value || !$("entry-time").value) {
    announce("Give the date and time of this entry.");
    $("entry-date").focus();
    return;
  }
  const entry = readEntry();
  if (!entry) return;
  const replacing = diary.entries.some((other) => store.dayOf(other) === store.dayOf(entry));
  if (
    replacing &&
    !(await confirmAction({
      title: "Replace this day's entry?",
      text: `You already have an entry for ${longDate(entry.at)}. Saving replaces it.`,
      yes: "Replace it",
      no: "Keep the old entry",
    }))
  ) {
    announce("Nothing saved.");
    return;
  }
  const next = store.withEntry(diary, entry);
  try {
    await requestReport(reportUrl, next);
  } catch (error) {
    announce(`Not saved: ${error.message}`);
    return;
  }
  store.save(next);
  diary = next;
  resetForm();
  await refresh();
  announce(
    `Saved your entry for ${longDate(entry.at)}. Your diary has ${diary.entries.length} ${diary.entries.length === 1 ? "entry" : "entries"}.`,
  );
  $("guidance-heading").scrollIntoView({ block: "start" });
}

// --- the diary file ---------------------------------------------------------
function exportDiary() {
  const now = nowLocal();
  const blob = new Blob([store.toFile(diary, `${now.date}T${now.time}`)], {
    type: "application/json",
  });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = `bodymap-diary-${now.date}.json`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  announce(`Exported ${diary.entries.length} entries to ${link.download}.`);
}

async function importDiary(event) {
  const input = event.target;
  const file = input.files[0];
  const problem = $("import-error");
  problem.hidden = true;
  if (!file) return;
  const fail = (message) => {
    problem.textContent = `Import failed: ${message} Your diary was not changed.`;
    problem.hidden = false;
    input.value = "";
  };
  let imported;
  try {
    imported = store.fromFile(await file.text());
    await requestReport(reportUrl, imported);
  } catch (error) {
    fail(error.message);
    return;
  }
  const count = imported.entries.length;
  if (
    diary.entries.length &&
    !(await confirmAction({
      title: "Replace your diary?",
      text: `The file has ${count} entries. Importing replaces the ${diary.entries.length} entries on this device.`,
      yes: "Replace with the file",
      no: "Keep my diary",
    }))
  ) {
    input.value = "";
    announce("Import cancelled. Your diary was not changed.");
    return;
  }
  diary = store.fromImport(imported);
  store.save(diary);
  input.value = "";
  updateReplaceNote();
  await refresh();
  announce(`Imported ${count} ${count === 1 ? "entry" : "entries"} from ${file.name}.`);
}

async function deleteDiary() {
  const count = diary.entries.length;
  const sure = await confirmAction({
    title: "Delete the whole diary?",
    text: `This deletes all ${count} entries from this device. It cannot be undone: export the diary first if you want a copy.`,
    yes: "Delete everything",
    no: "Keep my diary",
  });
  if (!sure) {
    announce("Nothing deleted.");
    return;
  }
  store.remove();
  diary = store.emptyDiary();
  updateReplaceNote();
  await refresh();
  announce("Your diary was deleted from this device.");
  $("entry-heading").focus();
}

function start() {
  if (diary === null) {
    announce("");
    status.textContent =
      "This browser does not let the page keep a diary (its storage is off or holds something else). Try a normal, non-private window.";
    return;
  }
  $("entry").hidden = false;
  $("entry-heading").tabIndex = -1;
  resetForm(true);
  $("had-session").addEventListener("change", (event) => {
    $("session-details").hidden = !event.target.checked;
  });
  // A warning sign's advice shows as soon as it is ticked: it may not wait.
  form.querySelectorAll("input[name='warning']").forEach((box) => {
    box.addEventListener("change", () => {
      const advice = $(`advice-${box.value}`);
      advice.hidden = !box.checked;
      if (box.checked) announce(advice.textContent);
    });
  });
  $("entry-date").addEventListener("change", () => {
    updateReplaceNote();
  });
  form.addEventListener("submit", onSave);
  // Back from the map with a new drawing, without reloading the page.
  window.addEventListener("hashchange", () => {
    const spots = spotsFromFragment(location.hash);
    if (!spots.length) return;
    draftSpots = spots;
    showDraft();
  });
  let width = $("chart").clientWidth;
  window.addEventListener("resize", () => {
    if (Math.abs($("chart").clientWidth - width) < 40 || !diary.entries.length) return;
    width = $("chart").clientWidth;
    drawChart($("chart"), diary.entries);
  });
  $("export-diary").addEventListener("click", exportDiary);
  $("import-file").addEventListener("change", importDiary);
  $("delete-diary").addEventListener("click", deleteDiary);
  $("print-diary").addEventListener("click", () => window.print());
  // Another tab saved, imported or deleted: show the diary as it is now.
  window.addEventListener("storage", (event) => {
    if (event.key !== null && event.key !== store.KEY) return;
    const latest = store.load();
    if (latest === null) return;
    diary = latest;
    updateReplaceNote();
    refresh();
  });
  $("printed-on").textContent = new Date().toLocaleDateString(undefined, {
    day: "numeric",
    month: "long",
    year: "numeric",
  });
  refresh();
}

start();
