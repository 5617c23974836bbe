import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { GroupEntryContent, GroupSharedContent } from "../../../core/notes/note.schema";
import type { GroupNoteScreen } from "../../../core/notes/notes-api.schema";
import { ApiError } from "../../app/api-client";
import { saveGroupNoteEntry } from "./api/group-note-save-entry";
import { saveGroupNoteShared } from "./api/group-note-save-shared";

/** The part of a group note that saves on its own: the shared part, or one participant's entry (their id). */
export const SHARED_PART = "shared";

export type PartStatus =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  /** The server could not be reached or failed: the text stays here and can be sent again. */
  | { kind: "error"; message: string }
  /** Someone else saved this part since it was read: nothing more is sent until the note is reloaded. */
  | { kind: "conflict"; message: string }
  /** The note is no longer a draft (signed elsewhere): nothing can be saved. */
  | { kind: "locked"; message: string };

export const GROUP_NOTE_AUTOSAVE_MS = 1200;

/** Which status speaks for the whole note: the most urgent of its parts. */
const URGENCY: PartStatus["kind"][] = ["conflict", "locked", "error", "saving", "pending", "saved", "idle"];

export function overallStatus(statuses: readonly PartStatus[]): PartStatus {
  let worst: PartStatus = { kind: "idle" };
  let latestSaved: string | null = null;
  for (const status of statuses) {
    if (URGENCY.indexOf(status.kind) < URGENCY.indexOf(worst.kind)) worst = status;
    if (status.kind === "saved" && (latestSaved === null || status.at > latestSaved)) latestSaved = status.at;
  }
  return worst.kind === "saved" && latestSaved !== null ? { kind: "saved", at: latestSaved } : worst;
}

type Content = GroupSharedContent | GroupEntryContent;

interface Options {
  trackId: string;
  occurrenceKey: string;
  screen: GroupNoteScreen;
  delayMs?: number;
}

/**
 * Autosave of a group-note draft, part by part: each change waits for a pause in typing, then the
 * part is sent with the revision last read (optimistic locking). Saves go one at a time in the order
 * they were made, and the first entry written before the shared part creates the note with the
 * shared part as it stands. A conflict stops that part (the user's text stays on screen) until the
 * note is reloaded; a failure keeps the text and `retry` sends it again; `flush` saves everything now
 * (before the check and signing) and says whether the server has it all.
 */
export function useGroupNoteAutosave({ trackId, occurrenceKey, screen, delayMs }: Options) {
  const delay = delayMs ?? GROUP_NOTE_AUTOSAVE_MS;
  const [statuses, setStatuses] = useState<Record<string, PartStatus>>({});
  const [noteId, setNoteId] = useState<string | null>(screen.note?.id ?? null);
  const noteIdRef = useRef<string | null>(screen.note?.id ?? null);
  const noteRevisionRef = useRef<number | null>(screen.note?.revision ?? null);
  const entryRevisionsRef = useRef(new Map<string, number | null>());
  const sharedRef = useRef<GroupSharedContent | null>(null);
  const unsavedRef = useRef(new Map<string, Content>());
  const changeCountsRef = useRef(new Map<string, number>());
  const timersRef = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const stoppedRef = useRef(new Set<string>());
  const chainRef = useRef<Promise<unknown>>(Promise.resolve());

  /** Take the server's state as read (on open and after a reload): revisions, nothing unsaved. */
  const adopt = useCallback((read: GroupNoteScreen) => {
    for (const timer of timersRef.current.values()) clearTimeout(timer);
    timersRef.current.clear();
    unsavedRef.current.clear();
    stoppedRef.current.clear();
    kindsRef.current.clear();
    noteIdRef.current = read.note?.id ?? null;
    noteRevisionRef.current = read.note?.revision ?? null;
    setNoteId(noteIdRef.current);
    entryRevisionsRef.current = new Map(read.roster.map((r) => [r.participantId, r.entry?.revision ?? null]));
    sharedRef.current = read.note?.shared ?? null;
    setStatuses({});
  }, []);

  const adoptedRef = useRef(false);
  if (!adoptedRef.current) {
    adoptedRef.current = true;
    entryRevisionsRef.current = new Map(
      screen.roster.map((r) => [r.participantId, r.entry?.revision ?? null]),
    );
    sharedRef.current = screen.note?.shared ?? null;
  }

  const kindsRef = useRef(new Map<string, PartStatus["kind"]>());
  const setStatus = useCallback((part: string, status: PartStatus) => {
    kindsRef.current.set(part, status.kind);
    setStatuses((current) => ({ ...current, [part]: status }));
  }, []);

  const failed = useCallback(
    (part: string, error: unknown) => {
      if (!(error instanceof ApiError)) {
        setStatus(part, { kind: "error", message: String(error) });
      } else if (error.code === "NOTE_EDIT_CONFLICT") {
        stoppedRef.current.add(part);
        setStatus(part, { kind: "conflict", message: error.message });
      } else if (error.status === 409) {
        stoppedRef.current.add(part);
        setStatus(part, { kind: "locked", message: error.message });
      } else {
        const field = error.fields[0];
        setStatus(part, { kind: "error", message: field ? field.message : error.message });
      }
    },
    [setStatus],
  );

  /** Send one part now (called in the queue); true when the server has its latest text. */
  const sendPart = useCallback(
    async (part: string, force = false): Promise<boolean> => {
      if (stoppedRef.current.has(part)) return false;
      const content =
        unsavedRef.current.get(part) ?? (part === SHARED_PART && force ? sharedRef.current : undefined);
      if (content === undefined || content === null) return true;
      const sentAt = changeCountsRef.current.get(part) ?? 0;
      setStatus(part, { kind: "saving" });
      try {
        let savedAt: string;
        if (part === SHARED_PART) {
          const saved = await saveGroupNoteShared({
            trackId,
            occurrenceKey,
            revision: noteRevisionRef.current,
            shared: content as GroupSharedContent,
          });
          noteRevisionRef.current = saved.revision;
          if (noteIdRef.current !== saved.id) {
            noteIdRef.current = saved.id;
            setNoteId(saved.id);
          }
          savedAt = saved.updatedAt;
        } else {
          const id = noteIdRef.current;
          if (id === null) return false;
          const saved = await saveGroupNoteEntry({
            noteId: id,
            participantId: part,
            revision: entryRevisionsRef.current.get(part) ?? null,
            content: content as GroupEntryContent,
          });
          entryRevisionsRef.current.set(part, saved.revision);
          savedAt = saved.updatedAt;
        }
        if ((changeCountsRef.current.get(part) ?? 0) === sentAt) {
          unsavedRef.current.delete(part);
          setStatus(part, { kind: "saved", at: savedAt });
          return true;
        }
        setStatus(part, { kind: "pending" });
        return false;
      } catch (error) {
        failed(part, error);
        return false;
      }
    },
    [trackId, occurrenceKey, setStatus, failed],
  );

  /** Queue a part's save after any save under way; entries wait for the note to exist. */
  const enqueue = useCallback(
    (part: string): Promise<boolean> => {
      const run = async () => {
        if (part !== SHARED_PART && noteIdRef.current === null) {
          await sendPart(SHARED_PART, true);
          if (noteIdRef.current === null) return false;
        }
        return sendPart(part, part === SHARED_PART && noteIdRef.current === null);
      };
      const next = chainRef.current.then(run, run);
      chainRef.current = next.catch(() => false);
      return next;
    },
    [sendPart],
  );

  const schedule = useCallback(
    (part: string) => {
      const existing = timersRef.current.get(part);
      if (existing !== undefined) clearTimeout(existing);
      timersRef.current.set(
        part,
        setTimeout(() => {
          timersRef.current.delete(part);
          void enqueue(part).then((done) => {
            // Typed on while it was saving: save the newer text a moment later.
            if (!done && unsavedRef.current.has(part) && kindsRef.current.get(part) === "pending") {
              schedule(part);
            }
          });
        }, delay),
      );
    },
    [delay, enqueue],
  );

  const change = useCallback(
    (part: string, content: Content) => {
      unsavedRef.current.set(part, content);
      if (part === SHARED_PART) sharedRef.current = content as GroupSharedContent;
      changeCountsRef.current.set(part, (changeCountsRef.current.get(part) ?? 0) + 1);
      if (stoppedRef.current.has(part)) return;
      setStatus(part, { kind: "pending" });
      schedule(part);
    },
    [schedule, setStatus],
  );

  /** The shared part as the note would be created with, before anything is typed (module pre-filled). */
  const setInitialShared = useCallback((shared: GroupSharedContent) => {
    if (sharedRef.current === null) sharedRef.current = shared;
  }, []);

  /** Save every part now, the shared part first; true when the server has everything and the note exists. */
  const flush = useCallback(async (): Promise<boolean> => {
    for (const timer of timersRef.current.values()) clearTimeout(timer);
    timersRef.current.clear();
    const parts = [...unsavedRef.current.keys()].sort((a, b) =>
      a === SHARED_PART ? -1 : b === SHARED_PART ? 1 : 0,
    );
    if (parts.length === 0 && noteIdRef.current === null) parts.push(SHARED_PART);
    const results = await Promise.all(parts.map((part) => enqueue(part)));
    return results.every(Boolean) && unsavedRef.current.size === 0 && noteIdRef.current !== null;
  }, [enqueue]);

  /** Send again what failed (not conflicts: those need a reload). */
  const retry = useCallback(() => {
    for (const part of unsavedRef.current.keys()) {
      if (!stoppedRef.current.has(part)) void enqueue(part);
    }
  }, [enqueue]);

  // Leaving the page: what still waits for the pause is sent now.
  useEffect(
    () => () => {
      const waiting = [...timersRef.current.keys()];
      for (const timer of timersRef.current.values()) clearTimeout(timer);
      timersRef.current.clear();
      for (const part of waiting) void enqueue(part);
    },
    [enqueue],
  );

  const unsaved = Object.values(statuses).some((s) => s.kind !== "saved" && s.kind !== "idle");
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);

  const overall = useMemo(() => overallStatus(Object.values(statuses)), [statuses]);
  const statusOf = useCallback((part: string): PartStatus => statuses[part] ?? { kind: "idle" }, [statuses]);

  return {
    noteId,
    overall,
    statusOf,
    change,
    flush,
    retry,
    adopt,
    setInitialShared,
    /** The note's revision as last saved (what signing sends). */
    noteRevision: () => noteRevisionRef.current,
    /** The note's id as of now (a save just made may have created it). */
    currentNoteId: () => noteIdRef.current,
  };
}
