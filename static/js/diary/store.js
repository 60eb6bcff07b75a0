// The diary in this browser's own storage (localStorage), and its file form.
//
// Nothing here talks to the server: the page sends a copy without the notes
// when it asks for guidance, and the server checks every entry then.

export const FORMAT = "bodymap-diary";
export const VERSION = 1;
export const MAX_NOTES = 2000;
export const KEY = "bodymap-diary";

export function emptyDiary() {
  return { format: FORMAT, version: VERSION, entries: [] };
}

// Return the stored diary, an empty one, or null when storage is unavailable
// (some private-browsing modes) or holds something that is not a diary.
export function load() {
  let text;
  try {
    text = window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
  if (text === null) return emptyDiary();
  try {
    const diary = JSON.parse(text);
    if (diary && diary.format === FORMAT && Array.isArray(diary.entries)) return diary;
  } catch {
    // Fall through: not JSON.
  }
  return null;
}

export function save(diary) {
  window.localStorage.setItem(KEY, JSON.stringify(diary));
}

export function remove() {
  window.localStorage.removeItem(KEY);
}

export function dayOf(entry) {
  return entry.at.slice(0, 10);
}

// Return a new diary with ``entry`` added, replacing any entry on the same day.
export function withEntry(diary, entry) {
  const entries = diary.entries.filter((other) => dayOf(other) !== dayOf(entry));
  entries.push(entry);
  entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return { format: FORMAT, version: VERSION, entries };
}

// The imported diary (already checked by the server) in stored form.
export function fromImport(imported) {
  const entries = [...imported.entries].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return { format: FORMAT, version: VERSION, entries };
}

// What the server needs for guidance and drawings: everything but the notes.
export function forServer(diary) {
  return {
    format: diary.format,
    version: diary.version,
    entries: diary.entries.map((entry) => {
      const copy = { ...entry };
      delete copy.notes;
      return copy;
    }),
  };
}

export function toFile(diary, now) {
  const file = { format: FORMAT, version: VERSION, exported: now, entries: diary.entries };
  return JSON.stringify(file, null, 2);
}

export class FileError extends Error {}

// Read a file's text as a diary. The server checks the entries themselves;
// here only what never leaves the device: that it is JSON, and the notes.
export function fromFile(text) {
  let diary;
  try {
    diary = JSON.parse(text);
  } catch {
    throw new FileError("This is not a diary file: it is not valid JSON.");
  }
  if (!diary || typeof diary !== "object" || diary.format !== FORMAT) {
    throw new FileError(
      'This is not a bodymap diary: the file should start with {"format": "bodymap-diary", ...}.',
    );
  }
  if (Array.isArray(diary.entries)) {
    diary.entries.forEach((entry, index) => {
      const notes = entry && entry.notes;
      if (notes !== undefined && (typeof notes !== "string" || notes.length > MAX_NOTES)) {
        throw new FileError(
          `Entry ${index + 1}: notes must be text of at most ${MAX_NOTES} characters.`,
        );
      }
    });
  }
  return diary;
}
