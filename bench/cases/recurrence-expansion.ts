import { expandSeries, findSlotOfOccurrence } from "../../src/core/schedule/recurrence.rules";
import {
  type Series,
  type SeriesException,
  seriesSchema,
} from "../../src/core/schedule/track-pattern.schema";
import { type BenchCase, timeFunctions } from "../harness";

/**
 * Group-series expansion: one calendar year of every track of a program with 3 sites (each in its own
 * time zone, two of them with DST) × 6 tracks, with the program's holidays cancelled — what a
 * program-wide calendar or the weekly-hours job expands.
 */
const SITES = ["America/New_York", "America/Chicago", "America/Phoenix"];
const TRACKS: [weekday: number, start: string, end: string][][] = [
  [1, 2, 4].map((d) => [d, "18:00", "21:00"]), // adult evening
  [1, 2, 3, 4].map((d) => [d, "09:00", "12:00"]), // morning dual-diagnosis
  [1, 3, 5].map((d) => [d, "15:30", "18:00"]), // adolescent after-school
  [2, 3, 4].map((d) => [d, "10:00", "13:00"]), // women's track
  [
    [3, "18:00", "20:00"],
    [6, "10:00", "12:00"],
  ], // family
  [
    [6, "09:00", "13:00"],
    [7, "09:00", "12:00"],
  ], // weekend
];
const HOLIDAYS = [
  "2026-01-01",
  "2026-01-19",
  "2026-05-25",
  "2026-07-03",
  "2026-09-07",
  "2026-11-26",
  "2026-12-25",
];

function program(): { series: Series; exceptions: SeriesException[] }[] {
  return SITES.flatMap((timeZone) =>
    TRACKS.map((slots) => {
      const series = seriesSchema.parse({
        timeZone,
        startsOn: "2025-09-01",
        endsOn: null,
        pattern: { slots: slots.map(([weekday, start, end]) => ({ weekday, start, end })) },
      });
      const exceptions = HOLIDAYS.flatMap((date) =>
        slots
          .map(([, start]) => ({ date, start }))
          .filter((on) => findSlotOfOccurrence(series, on) !== null)
          .map((on): SeriesException => ({ kind: "cancelled", on, reason: "Program holiday" })),
      );
      return { series, exceptions };
    }),
  );
}

const recurrenceExpansion: BenchCase = {
  name: "recurrence expansion",
  async run() {
    const tracks = program();
    const occurrences = tracks.reduce(
      (sum, { series, exceptions }) =>
        sum + expandSeries(series, exceptions, "2026-01-01", "2026-12-31").length,
      0,
    );
    const figures = await timeFunctions(
      {
        [`expand one year, ${SITES.length} sites × ${TRACKS.length} tracks`]: async () => {
          for (const { series, exceptions } of tracks)
            expandSeries(series, exceptions, "2026-01-01", "2026-12-31");
        },
        [`expand one week, ${SITES.length} sites × ${TRACKS.length} tracks`]: async () => {
          for (const { series, exceptions } of tracks)
            expandSeries(series, exceptions, "2026-03-02", "2026-03-08");
        },
      },
      100,
    );
    return {
      figures,
      note: `Recurrence: ${tracks.length} tracks (${SITES.join(", ")}), 2026 with ${HOLIDAYS.length} holidays cancelled: ${occurrences.toLocaleString("en")} occurrences a year.`,
    };
  },
};

export default recurrenceExpansion;
