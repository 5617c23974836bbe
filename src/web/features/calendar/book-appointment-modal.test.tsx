// @vitest-environment jsdom
import { notifications } from "@mantine/notifications";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { apiCalls, renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith } from "../admin/admin-testing";
import { BookAppointmentModal } from "./book-appointment-modal";
import {
  anAppointment,
  COLLEAGUE,
  conflictBody,
  ME,
  RILEY,
  ROOM_ID,
  SITE,
  SITE_ID,
  setUpCalendarDom,
} from "./calendar-testing";

beforeAll(setUpCalendarDom);
afterEach(() => {
  cleanup();
  notifications.clean();
  vi.unstubAllGlobals();
});

const MOTHER = "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f";

type Reply = { status?: number; body?: unknown };

function renderBooking(book: (body: unknown) => Reply) {
  const onClose = vi.fn();
  const fetchMock = vi.fn(
    fakeApiWith({
      [`GET /api/v1/sites/${SITE_ID}/staff`]: {
        body: {
          staff: [
            { id: ME, displayName: "Dana Director", roles: ["clinical_director"] },
            { id: COLLEAGUE, displayName: "Casey Counselor", roles: ["counselor"] },
          ],
        },
      },
      [`GET /api/v1/sites/${SITE_ID}/rooms`]: {
        body: { rooms: [{ id: ROOM_ID, siteId: SITE_ID, name: "Room 2", active: true }] },
      },
      [`GET /api/v1/participants/${RILEY}/family-members`]: {
        body: { members: [{ userId: MOTHER, name: "Maria Stone", relationship: "mother" }] },
      },
      "POST /api/v1/appointments": (_url, body) => book(body),
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(
    <BookAppointmentModal
      initial={{ staffId: ME, roomId: ROOM_ID, date: "2026-11-24", start: "10:00", end: "11:00" }}
      participant={{ id: RILEY, name: "Riley Stone", siteId: SITE_ID, siteName: "Riverside" }}
      site={SITE}
      sites={[SITE]}
      onClose={onClose}
    />,
  );
  return { fetchMock, onClose };
}

const posts = (fetchMock: ReturnType<typeof vi.fn>) =>
  apiCalls(fetchMock).filter((c) => c.route === "POST /api/v1/appointments");

/** What an input's error says (Mantine points aria-describedby at it), spaces made plain. */
function errorOf(label: string | RegExp): string {
  const input = screen.getByLabelText(label, { selector: "input, select" });
  const ids = (input.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean);
  return ids
    .map((id) => document.getElementById(id))
    .filter((node) => node?.id.endsWith("error"))
    .map((node) => node?.textContent ?? "")
    .join(" ")
    .replace(/\s/g, " ");
}

const dialog = async () =>
  within(await screen.findByRole("dialog", { name: "Book an individual or family session" }));

async function ready() {
  const modal = await dialog();
  await waitFor(() => expect((screen.getByLabelText("Room") as HTMLSelectElement).value).toBe(ROOM_ID));
  await waitFor(() =>
    expect((screen.getByLabelText(/^Staff member/, { selector: "input" }) as HTMLInputElement).value).toBe(
      "Dana Director",
    ),
  );
  return modal;
}

describe("booking a session", () => {
  it("names the end when it is before the start, and sends nothing", async () => {
    const { fetchMock } = renderBooking(() => ({ status: 201 }));
    const modal = await ready();
    fireEvent.change(screen.getByLabelText("End"), { target: { value: "09:30" } });
    fireEvent.click(modal.getByRole("button", { name: "Book" }));
    await waitFor(() => expect(errorOf("End")).toBe("The session must end after it starts."));
    expect(errorOf("Start")).toBe("");
    expect(posts(fetchMock)).toEqual([]);
  });

  it("shows each clash under the field to change, in plain words, keeping everything typed", async () => {
    const { fetchMock } = renderBooking(() => ({
      status: 409,
      body: conflictBody([
        {
          field: "staffId",
          source: "staff",
          message: "Dana Director has Adult evening group 10:00–13:00 on Tue 24 Nov",
        },
        {
          field: "roomId",
          source: "room",
          message: "Room 2 is booked for an individual session 09:30–10:30 on Tue 24 Nov",
        },
        {
          field: "start",
          source: "unavailability",
          message: "Riley is unavailable (work) 07:00–15:30 on Tue 24 Nov",
          overridable: true,
        },
      ]),
    }));
    const modal = await ready();
    fireEvent.click(modal.getByRole("button", { name: "Book" }));
    await waitFor(() =>
      expect(errorOf(/^Staff member/)).toBe(
        "Dana Director has Adult evening group 10:00–13:00 on Tue 24 Nov",
      ),
    );
    expect(errorOf("Room")).toBe("Room 2 is booked for an individual session 09:30–10:30 on Tue 24 Nov");
    expect(errorOf("Start")).toBe("Riley is unavailable (work) 07:00–15:30 on Tue 24 Nov");
    expect(errorOf(/^Participant/)).toBe("");
    expect(modal.getByText("This time clashes with other sessions: nothing was booked.")).toBeTruthy();
    // Not only the participant's own time: there is nothing to book over.
    expect(modal.queryByRole("button", { name: "Book anyway" })).toBeNull();
    expect((screen.getByLabelText("Start") as HTMLInputElement).value).toBe("10:00");
    expect((screen.getByLabelText("Date") as HTMLInputElement).value).toBe("2026-11-24");
    expect(posts(fetchMock)).toHaveLength(1);
  });

  it("offers to book anyway only over the participant's declared unavailability, after a second yes", async () => {
    const { fetchMock, onClose } = renderBooking((body) =>
      (body as { allowUnavailability: boolean }).allowUnavailability
        ? { status: 201, body: { appointments: [anAppointment()] } }
        : {
            status: 409,
            body: conflictBody([
              {
                field: "start",
                source: "unavailability",
                message: "Riley is unavailable (work) 07:00–15:30 on Tue 24 Nov",
                overridable: true,
              },
            ]),
          },
    );
    const modal = await ready();
    fireEvent.click(modal.getByRole("button", { name: "Book" }));
    await waitFor(() =>
      expect(errorOf("Start")).toBe("Riley is unavailable (work) 07:00–15:30 on Tue 24 Nov"),
    );
    expect(modal.getByText("The participant said they cannot come at this time.")).toBeTruthy();
    fireEvent.click(modal.getByRole("button", { name: "Book anyway" }));
    expect(posts(fetchMock)).toHaveLength(1);
    fireEvent.click(modal.getByRole("button", { name: "Yes, book anyway" }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(
      posts(fetchMock).map((c) => (c.body as { allowUnavailability: boolean }).allowUnavailability),
    ).toEqual([false, true]);
    expect(posts(fetchMock)[1]?.body).toMatchObject({
      participantId: RILEY,
      kind: "individual",
      staffId: ME,
      roomId: ROOM_ID,
      date: "2026-11-24",
      start: "10:00",
      end: "11:00",
      recurrence: null,
    });
  });

  it("says on the start field, in its own words, that the time does not exist when the clocks go forward", async () => {
    renderBooking(() => ({
      status: 400,
      body: {
        error: {
          code: "VALIDATION_FAILED",
          message: "Check the highlighted fields.",
          fields: [
            {
              path: "start",
              message:
                "02:30 does not exist on 2027-03-14 in America/New_York: the clocks go forward from 02:00 to 03:00. Choose another time.",
            },
          ],
        },
      },
    }));
    const modal = await ready();
    fireEvent.change(screen.getByLabelText("Date"), { target: { value: "2027-03-14" } });
    fireEvent.change(screen.getByLabelText("Start"), { target: { value: "02:30" } });
    fireEvent.change(screen.getByLabelText("End"), { target: { value: "03:30" } });
    fireEvent.click(modal.getByRole("button", { name: "Book" }));
    await waitFor(() =>
      expect(errorOf("Start")).toBe(
        "2:30 AM does not exist on Sunday, March 14: the clocks go forward from 2:00 AM to 3:00 AM. Choose another time.",
      ),
    );
  });

  it("books a family session with a linked family member and another named by hand, every 2 weeks", async () => {
    const { fetchMock, onClose } = renderBooking(() => ({
      status: 201,
      body: {
        appointments: [
          anAppointment({ kind: "family" }),
          anAppointment({ kind: "family", date: "2026-12-08" }),
        ],
      },
    }));
    const modal = await ready();
    fireEvent.click(modal.getByRole("radio", { name: "Family session" }));
    fireEvent.click(modal.getByRole("button", { name: "Book" }));
    expect(
      await modal.findByText("A family session needs at least one family member: tick or add who attends."),
    ).toBeTruthy();
    fireEvent.click(await modal.findByRole("checkbox", { name: "Maria Stone (mother)" }));
    fireEvent.click(modal.getByRole("button", { name: "Add a family member" }));
    fireEvent.change(modal.getByLabelText("Name"), { target: { value: "Jo Stone" } });
    fireEvent.change(modal.getByLabelText("Relationship"), { target: { value: "brother" } });
    fireEvent.change(modal.getByLabelText("Repeats"), { target: { value: "2" } });
    fireEvent.change(modal.getByLabelText("Number of sessions"), { target: { value: "2" } });
    fireEvent.click(modal.getByRole("button", { name: "Book" }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(posts(fetchMock)[0]?.body).toMatchObject({
      kind: "family",
      familyAttendees: [
        { userId: MOTHER, name: "Maria Stone", relationship: "mother" },
        { userId: null, name: "Jo Stone", relationship: "brother" },
      ],
      recurrence: { everyWeeks: 2, count: 2 },
    });
  });
});
