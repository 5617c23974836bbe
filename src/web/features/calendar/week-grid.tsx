import type { MouseEvent, PointerEvent } from "react";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CalendarEntry, CalendarView } from "../../../core/schedule/calendar.schema";
import { formatDay, formatTime, formatTimeRange } from "../schedule/schedule-format";
import { formatColumnHead } from "./calendar-format";
import {
  type GridHours,
  hourLines,
  isMovable,
  layoutDay,
  movedSlot,
  PIXELS_PER_MINUTE,
  type Slot,
  timeAtOffset,
} from "./calendar-layout";
import { useEntryWords } from "./entry-words";
import "./calendar.css";

type BlockSize = "tall" | "short" | "tiny";

/** How much a block has room for: three lines (kind, title, time), two (kind and time, title), or one. */
const blockSize = (height: number): BlockSize => (height >= 60 ? "tall" : height >= 30 ? "short" : "tiny");

/** How many lines of title fit in a tall block beside its kind and time (15px a line). */
const titleLines = (height: number) => Math.min(4, Math.max(1, Math.floor((height - 6) / 15) - 2));

/** A pointer must travel this far (px) before a press becomes a drag; less is a click. */
const DRAG_THRESHOLD = 4;

interface Drag {
  entry: CalendarEntry;
  pointerId: number;
  x: number;
  y: number;
  /** The day columns' horizontal extents when the drag began. */
  columns: { date: string; left: number; right: number }[];
  moved: boolean;
  preview: Slot | null;
}

export interface WeekGridProps {
  days: readonly string[];
  entries: readonly CalendarEntry[];
  hours: GridHours;
  today: string;
  view: CalendarView;
  /** Sessions whose move is being saved, drawn where they are going. */
  pending: ReadonlySet<string>;
  onOpen: (entry: CalendarEntry) => void;
  /** Book at a clicked empty time; absent when the reader may not book. */
  onSlot?: (date: string, minutes: number) => void;
  /** Drop a dragged appointment on a new time; absent when the reader may not move sessions. */
  onMove?: (entry: CalendarEntry, slot: Slot) => void;
}

/**
 * The week (seven columns) or day (one) as a time grid. Each session is a button placed by its
 * local time, coloured and labelled by kind; a cancelled one is struck through and says so. With
 * a mouse or pen, an appointment can be dragged to another time or day, snapping to quarter hours
 * (the keyboard way is the "Move" form in the session's details). A click on an empty time books.
 */
export function WeekGrid({
  days,
  entries,
  hours,
  today,
  view,
  pending,
  onOpen,
  onSlot,
  onMove,
}: WeekGridProps) {
  const { t, i18n } = useTranslation("calendar");
  const language = i18n.language;
  const words = useEntryWords(view);
  const headId = useId();
  const gridRef = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const dragRef = useRef<Drag | null>(null);
  /** When the last drag ended: the click that follows a drop must not open or book anything. */
  const droppedAt = useRef(Number.NEGATIVE_INFINITY);
  /** The window listeners of the drag under way, to remove when it ends or the grid goes. */
  const stopListening = useRef<(() => void) | null>(null);
  const onMoveRef = useRef(onMove);
  onMoveRef.current = onMove;

  const update = (next: Drag | null) => {
    dragRef.current = next;
    setDrag(next);
  };

  useEffect(() => () => stopListening.current?.(), []);

  /**
   * A drag is followed on the window, not on the block: the block is redrawn (even moved to another
   * day's column) while it is dragged, and the pointer must not be lost when that happens.
   */
  const onPointerDown = (entry: CalendarEntry) => (event: PointerEvent<HTMLButtonElement>) => {
    if (!onMove || !isMovable(entry) || event.button !== 0 || event.pointerType === "touch") return;
    const columns = [...(gridRef.current?.querySelectorAll<HTMLElement>("[data-date]") ?? [])].map((el) => {
      const rect = el.getBoundingClientRect();
      return { date: el.dataset.date ?? "", left: rect.left, right: rect.right };
    });
    stopListening.current?.();
    update({
      entry,
      pointerId: event.pointerId,
      x: event.clientX,
      y: event.clientY,
      columns,
      moved: false,
      preview: null,
    });

    const move = (e: globalThis.PointerEvent) => {
      const current = dragRef.current;
      if (!current || e.pointerId !== current.pointerId) return;
      const dx = e.clientX - current.x;
      const dy = e.clientY - current.y;
      if (!current.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
      e.preventDefault();
      const column = current.columns.find(
        (c) => c.right > c.left && e.clientX >= c.left && e.clientX < c.right,
      );
      const date = column?.date ?? current.preview?.date ?? current.entry.date;
      update({ ...current, moved: true, preview: movedSlot(current.entry, dy / PIXELS_PER_MINUTE, date) });
    };
    const up = (e: globalThis.PointerEvent) => {
      const current = dragRef.current;
      if (!current || e.pointerId !== current.pointerId) return;
      stop();
      update(null);
      if (!current.moved) return;
      droppedAt.current = performance.now();
      if (current.preview) onMoveRef.current?.(current.entry, current.preview);
    };
    const cancel = () => {
      stop();
      update(null);
    };
    const stop = () => {
      window.removeEventListener("pointermove", move);
      window.removeEventListener("pointerup", up);
      window.removeEventListener("pointercancel", cancel);
      stopListening.current = null;
    };
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
    window.addEventListener("pointercancel", cancel);
    stopListening.current = stop;
  };

  /** The click a drop makes lands on the block or the day under it: it is not a click on either. */
  const justDropped = () => performance.now() - droppedAt.current < 500;

  const onBlockClick = (entry: CalendarEntry) => (event: MouseEvent<HTMLButtonElement>) => {
    event.stopPropagation();
    if (justDropped()) return;
    onOpen(entry);
  };

  const onDayClick = (date: string) => (event: MouseEvent<HTMLElement>) => {
    if (!onSlot || event.target !== event.currentTarget || justDropped()) return;
    const rect = event.currentTarget.getBoundingClientRect();
    onSlot(date, timeAtOffset(event.clientY - rect.top, hours));
  };

  /** Where each session is drawn: where it is, or where it is being dragged. */
  const shown = entries.map((entry) =>
    drag?.moved && drag.preview && drag.entry.id === entry.id ? { ...entry, ...drag.preview } : entry,
  );
  const height = (hours.end - hours.start) * PIXELS_PER_MINUTE;

  return (
    <div className="cal-scroll">
      <div
        ref={gridRef}
        className="cal-grid"
        style={{ ["--cal-days" as string]: days.length }}
        data-dragging={drag?.moved || undefined}
      >
        <div className="cal-head">
          <div className="cal-corner" />
          {days.map((date) => {
            const head = formatColumnHead(date, language);
            return (
              <div
                key={date}
                id={`${headId}-${date}`}
                className="cal-day-head"
                data-today={date === today || undefined}
              >
                <div>{head.weekday}</div>
                <div>{head.day}</div>
              </div>
            );
          })}
        </div>
        <div className="cal-body" style={{ height }}>
          <div className="cal-hours" aria-hidden>
            {hourLines(hours).map((m) => (
              <div key={m} className="cal-hour-label" style={{ top: (m - hours.start) * PIXELS_PER_MINUTE }}>
                {m === hours.start ? "" : formatTime(`${String(m / 60).padStart(2, "0")}:00`, language)}
              </div>
            ))}
          </div>
          {days.map((date) => {
            const placed = layoutDay(
              shown.filter((e) => e.date === date),
              hours,
            );
            return (
              // biome-ignore lint/a11y/useKeyWithClickEvents: a click on an empty time is a shortcut; the "Book a session" button is the keyboard way
              <section
                key={date}
                className="cal-day"
                data-date={date}
                data-today={date === today || undefined}
                data-bookable={onSlot ? true : undefined}
                aria-label={formatDay(date, language)}
                onClick={onDayClick(date)}
              >
                {placed.length > 0 && (
                  <ul>
                    {placed.map(({ entry, top, height: blockHeight, lane, lanes }) => {
                      const movable = Boolean(onMove) && isMovable(entry);
                      const dragging = drag?.moved && drag.entry.id === entry.id;
                      const time = formatTimeRange(entry.start, entry.end, language);
                      return (
                        <li
                          key={entry.id}
                          className="cal-slot"
                          style={{
                            top,
                            height: blockHeight,
                            left: `${(lane / lanes) * 100}%`,
                            width: `${100 / lanes}%`,
                          }}
                        >
                          <button
                            type="button"
                            className="cal-block"
                            data-kind={entry.kind}
                            data-size={blockSize(blockHeight)}
                            style={{ ["--cal-title-lines" as string]: titleLines(blockHeight) }}
                            data-cancelled={entry.status === "cancelled" || undefined}
                            data-movable={movable || undefined}
                            data-dragging={dragging || undefined}
                            data-pending={pending.has(entry.id) || undefined}
                            aria-describedby={movable ? `${headId}-move-help` : undefined}
                            onClick={onBlockClick(entry)}
                            onPointerDown={onPointerDown(entry)}
                          >
                            {/* Always kind, title, time (the button's name, in that order); how many lines
                                they take depends on the block's height (calendar.css). */}
                            <span className="cal-block-kind">{words.kind(entry)}</span>
                            <span className="cal-block-title">{words.title(entry)}</span>
                            <span className="cal-block-time">{time}</span>
                          </button>
                        </li>
                      );
                    })}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
        {onMove && (
          <span id={`${headId}-move-help`} hidden>
            {t("grid.moveHelp")}
          </span>
        )}
      </div>
    </div>
  );
}
