// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Unavailability } from "../../../core/schedule/unavailability.schema";
import { participantScheduleEn } from "../../i18n/participant-schedule.en";
import { apiCalls, renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith, sessionWith } from "../admin/admin-testing";
import type { UnavailabilityDraft } from "./api/add-unavailability";
import { PARTICIPANT, setUpParticipantScheduleDom } from "./participant-schedule-testing";
import { validateUnavailability } from "./unavailability-form";
import { type Audience, UnavailabilitySection } from "./unavailability-section";

beforeAll(setUpParticipantScheduleDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const U = participantScheduleEn.unavailability;
const E = participantScheduleEn.errors;
const PATH = `/api/v1/participants/${PARTICIPANT}/unavailability`;
const WINDOW_ID = "4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a";

const shift: Unavailability = {
  id: WINDOW_ID,
  weekday: 3,
  start: "07:00",
  end: "15:30",
  reason: "work",
  note: "Warehouse shift",
  createdAt: "2026-03-01T12:00:00.000Z",
};

function renderSection(
  windows: Unavailability[],
  routes: Parameters<typeof fakeApiWith>[0] = {},
  options: { audience?: Audience; canChange?: boolean } = {},
) {
  const fetchMock = vi.fn(
    fakeApiWith({
      "GET /api/v1/sessions/current": sessionWith(["schedule.view", "schedule.manage"]),
      [`GET ${PATH}`]: { body: { windows } },
      ...routes,
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(
    <UnavailabilitySection
      participantId={PARTICIPANT}
      audience={options.audience ?? "staff"}
      canChange={options.canChange ?? true}
    />,
  );
  return fetchMock;
}

const writes = (fetchMock: ReturnType<typeof renderSection>) =>
  apiCalls(fetchMock).filter((c) => !c.route.startsWith("GET"));

async function openForm() {
  fireEvent.click(await screen.findByRole("button", { name: U.add }));
  return within(await screen.findByRole("form", { name: U.formTitle }));
}

describe("validateUnavailability", () => {
  it.each([
    [{ start: "", end: "17:00" }, { start: "errors.startRequired" }],
    [{ start: "09:00", end: "" }, { end: "errors.endRequired" }],
    [{ start: "17:00", end: "09:00" }, { end: "errors.endAfterStart" }],
    [{ start: "09:00", end: "09:00" }, { end: "errors.endAfterStart" }],
    [{ start: "09:00", end: "17:00", weekday: 8 }, { weekday: "errors.weekdayRequired" }],
    [{ start: "09:00", end: "17:00", reason: "gym" }, { reason: "errors.reasonChoose" }],
    [{ start: "09:00", end: "17:00", note: "x".repeat(201) }, { note: "errors.noteTooLong" }],
    [{ start: "09:00", end: "17:00" }, {}],
  ] as const)("%o → %o", (change, errors) => {
    const base: UnavailabilityDraft = { weekday: 1, reason: "work", note: "", start: "", end: "" };
    expect(validateUnavailability({ ...base, ...change })).toEqual(errors);
  });
});

describe("UnavailabilitySection", () => {
  it("lists the declared times by day with the reason and note", async () => {
    renderSection([
      shift,
      {
        ...shift,
        id: "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b",
        weekday: 1,
        start: "15:00",
        end: "18:00",
        reason: "childcare",
        note: "",
      },
    ]);
    const list = await screen.findByRole("list", { name: U.staff.title });
    const items = within(list)
      .getAllByRole("listitem")
      .map((li) => li.textContent?.replace(/\s/g, " "));
    expect(items).toEqual([
      expect.stringMatching(/^Monday, 3:00 – 6:00 PMChildcare/),
      expect.stringMatching(/^Wednesday, 7:00 AM – 3:30 PMWork · Warehouse shift/),
    ]);
  });

  it("names each problem on its field and sends nothing until the times make sense", async () => {
    const fetchMock = renderSection([], { [`POST ${PATH}`]: { status: 201, body: shift } });
    const form = await openForm();
    fireEvent.click(form.getByRole("button", { name: U.save }));
    expect(await form.findByText(E.startRequired)).toBeTruthy();
    expect(form.getByText(E.endRequired)).toBeTruthy();

    fireEvent.change(form.getByLabelText(new RegExp(`^${U.fields.start}`)), { target: { value: "17:00" } });
    fireEvent.change(form.getByLabelText(new RegExp(`^${U.fields.end}`)), { target: { value: "09:00" } });
    fireEvent.click(form.getByRole("button", { name: U.save }));
    const endError = await form.findByText(E.endAfterStart);
    expect(form.getByLabelText(new RegExp(`^${U.fields.end}`)).getAttribute("aria-describedby")).toContain(
      endError.id,
    );
    expect(form.queryByText(E.startRequired)).toBeNull();
    expect(writes(fetchMock)).toEqual([]);

    fireEvent.change(form.getByLabelText(new RegExp(`^${U.fields.weekday}`)), { target: { value: "3" } });
    fireEvent.change(form.getByLabelText(new RegExp(`^${U.fields.start}`)), { target: { value: "07:00" } });
    fireEvent.change(form.getByLabelText(new RegExp(`^${U.fields.end}`)), { target: { value: "15:30" } });
    fireEvent.change(form.getByLabelText(U.fields.note), { target: { value: "Warehouse shift" } });
    fireEvent.click(form.getByRole("button", { name: U.save }));
    await waitFor(() =>
      expect(writes(fetchMock)).toEqual([
        {
          route: `POST ${PATH}`,
          body: { weekday: 3, start: "07:00", end: "15:30", reason: "work", note: "Warehouse shift" },
        },
      ]),
    );
  });

  it("shows the server's refusal on the field it names", async () => {
    renderSection([], {
      [`POST ${PATH}`]: {
        status: 400,
        body: {
          error: {
            code: "VALIDATION_FAILED",
            message: "Too many",
            fields: [{ path: "weekday", message: "Declare at most 30 times a week: remove one first." }],
          },
        },
      },
    });
    const form = await openForm();
    fireEvent.change(form.getByLabelText(new RegExp(`^${U.fields.start}`)), { target: { value: "09:00" } });
    fireEvent.change(form.getByLabelText(new RegExp(`^${U.fields.end}`)), { target: { value: "12:00" } });
    fireEvent.click(form.getByRole("button", { name: U.save }));
    expect(await form.findByText("Declare at most 30 times a week: remove one first.")).toBeTruthy();
  });

  it("removes a time only after confirming, and can put it back", async () => {
    const fetchMock = renderSection([shift], {
      [`DELETE ${PATH}/${WINDOW_ID}`]: { status: 204 },
      [`POST ${PATH}`]: { status: 201, body: shift },
    });
    fireEvent.click(await screen.findByRole("button", { name: /^Remove Wednesday, 7:00\sAM\s–\s3:30\sPM$/ }));
    const dialog = within(await screen.findByRole("dialog", { name: U.removeTitle }));
    expect(
      dialog.getByText(/will no longer be kept free: sessions may be booked then\. You can add it again/),
    ).toBeTruthy();
    expect(writes(fetchMock)).toEqual([]);
    fireEvent.click(dialog.getByRole("button", { name: U.removeConfirm }));
    await waitFor(() =>
      expect(writes(fetchMock)).toEqual([{ route: `DELETE ${PATH}/${WINDOW_ID}`, body: undefined }]),
    );

    fireEvent.click(await screen.findByRole("button", { name: U.undo }));
    await waitFor(() =>
      expect(writes(fetchMock)[1]).toEqual({
        route: `POST ${PATH}`,
        body: { weekday: 3, start: "07:00", end: "15:30", reason: "work", note: "Warehouse shift" },
      }),
    );
  });

  it("speaks to the participant in their own words, and offers no changes to readers", async () => {
    renderSection([], {}, { audience: "self" });
    expect(await screen.findByRole("heading", { name: U.self.title })).toBeTruthy();
    expect(await screen.findByText(U.self.empty)).toBeTruthy();
    cleanup();
    renderSection([shift], {}, { canChange: false });
    await screen.findByText("Work · Warehouse shift");
    expect(screen.queryByRole("button", { name: U.add })).toBeNull();
    expect(screen.queryByRole("button", { name: /^Remove/ })).toBeNull();
  });
});
