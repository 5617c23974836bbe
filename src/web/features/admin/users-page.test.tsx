// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { AdminUser } from "../../../core/identity/accounts.schema";
import { adminEn } from "../../i18n/admin.en";
import { renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith, setUpAdminDom } from "./admin-testing";
import { UsersPage } from "./users-page";

beforeAll(setUpAdminDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const SITE = {
  id: "5d7f6c2a-1b3e-4c8d-9e0f-1a2b3c4d5e6f",
  name: "Eastside",
  timeZone: "America/Chicago",
  staffCount: 4,
  currentParticipants: 30,
};

function user(n: number, change: Partial<AdminUser> = {}): AdminUser {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    email: `person${n}@example.org`,
    displayName: `Person ${n}`,
    kind: "staff",
    roles: ["counselor"],
    siteIds: [SITE.id],
    requiresCosign: false,
    status: "active",
    mfaEnabled: true,
    lastSignInAt: null,
    createdAt: "2026-01-05T15:00:00.000Z",
    ...change,
  };
}

/** 60 staff; the server pages them by the query's page and pageSize. */
function renderUsers(extra: Parameters<typeof fakeApiWith>[0] = {}) {
  const all = Array.from({ length: 60 }, (_, i) => user(i + 1));
  const fetchMock = vi.fn(
    fakeApiWith({
      "GET /api/v1/sites": { body: { sites: [SITE] } },
      "GET /api/v1/users": (url) => {
        const page = Number(url.searchParams.get("page") ?? 1);
        const pageSize = Number(url.searchParams.get("pageSize") ?? 25);
        return {
          body: {
            users: all.slice((page - 1) * pageSize, page * pageSize),
            total: all.length,
            page,
            pageSize,
          },
        };
      },
      ...extra,
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(<UsersPage />, "/staff/admin/users");
  return fetchMock;
}

const posts = (fetchMock: ReturnType<typeof renderUsers>) =>
  fetchMock.mock.calls.filter(([, init]) => init?.method && init.method !== "GET");

/** Open a Mantine multi-select from the keyboard and choose one option. */
async function pick(combobox: HTMLElement, option: string) {
  fireEvent.focus(combobox);
  fireEvent.click(combobox);
  fireEvent.keyDown(combobox, { key: "ArrowDown" });
  const options = await screen.findAllByRole("option", { name: option, hidden: true });
  const choice = options.find((o) => o.hasAttribute("data-combobox-option"));
  if (!choice) throw new Error(`No "${option}" in the dropdown`);
  fireEvent.click(choice);
}

describe("UsersPage", () => {
  it("shows the total and moves to the next page on request", async () => {
    const fetchMock = renderUsers();
    expect(await screen.findByText("Person 1")).toBeTruthy();
    expect(screen.getByText("1–25 of 60")).toBeTruthy();
    expect(screen.getByText("Page 1 of 3")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Next" }));
    expect(await screen.findByText("Person 26")).toBeTruthy();
    expect(screen.getByText("26–50 of 60")).toBeTruthy();
    expect(screen.queryByText("Person 1")).toBeNull();
    const last = String(fetchMock.mock.calls.at(-1)?.[0]);
    expect(new URL(last, "http://localhost").searchParams.get("page")).toBe("2");
  });

  it("names every missing field of an invitation and sends nothing", async () => {
    const fetchMock = renderUsers();
    fireEvent.click(await screen.findByRole("button", { name: adminEn.users.invite.open }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.change(within(dialog).getByLabelText(/Email/), { target: { value: "not-an-address" } });
    fireEvent.click(within(dialog).getByRole("button", { name: adminEn.users.invite.submit }));

    expect(await within(dialog).findByText(adminEn.errors.nameRequired)).toBeTruthy();
    expect(within(dialog).getByText(adminEn.errors.emailInvalid)).toBeTruthy();
    expect(within(dialog).getByText(adminEn.errors.rolesRequired)).toBeTruthy();
    expect(within(dialog).getByText(adminEn.errors.sitesRequired)).toBeTruthy();
    expect(posts(fetchMock)).toEqual([]);
  });

  it("sends a complete invitation and puts the server's field errors on the field", async () => {
    let attempt = 0;
    const fetchMock = renderUsers({
      "POST /api/v1/invitations": () =>
        ++attempt === 1
          ? {
              status: 400,
              body: {
                error: {
                  code: "VALIDATION_FAILED",
                  message: "Some fields are not valid.",
                  fields: [{ path: "email", message: "This address cannot be used here." }],
                },
              },
            }
          : { body: { userId: user(99).id, expiresAt: "2026-03-10T00:00:00.000Z", emailQueued: true } },
    });
    fireEvent.click(await screen.findByRole("button", { name: adminEn.users.invite.open }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.change(within(dialog).getByLabelText(/Full name/), { target: { value: "Alex Kim" } });
    fireEvent.change(within(dialog).getByLabelText(/Email/), { target: { value: "alex@example.org" } });
    await pick(within(dialog).getByRole("combobox", { name: /Roles/ }), "Counselor / therapist");
    await pick(within(dialog).getByRole("combobox", { name: /Sites/ }), "Eastside");
    fireEvent.click(within(dialog).getByRole("button", { name: adminEn.users.invite.submit }));

    const message = await within(dialog).findByText("This address cannot be used here.");
    expect(within(dialog).getByLabelText(/Email/).getAttribute("aria-describedby")).toContain(message.id);

    fireEvent.click(within(dialog).getByRole("button", { name: adminEn.users.invite.submit }));
    expect(await screen.findByText("Invitation sent to alex@example.org.")).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(JSON.parse(String(posts(fetchMock).at(-1)?.[1]?.body))).toEqual({
      kind: "staff",
      displayName: "Alex Kim",
      email: "alex@example.org",
      roles: ["counselor"],
      siteIds: [SITE.id],
      requiresCosign: false,
      locale: "en",
    });
  });

  it("deactivates only after a confirmation that explains the consequences", async () => {
    const fetchMock = renderUsers({
      "POST /api/v1/users/00000000-0000-4000-8000-000000000002/deactivate": {
        body: user(2, { status: "deactivated" }),
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Actions for Person 2" }));
    fireEvent.click(await screen.findByRole("menuitem", { name: adminEn.users.actions.deactivate }));

    const dialog = await screen.findByRole("dialog", { name: "Deactivate Person 2?" });
    expect(within(dialog).getByText(adminEn.users.deactivate.sessions)).toBeTruthy();
    expect(within(dialog).getByText(adminEn.users.deactivate.records)).toBeTruthy();
    expect(posts(fetchMock)).toEqual([]);

    fireEvent.click(within(dialog).getByRole("button", { name: adminEn.users.deactivate.confirm }));
    expect(await screen.findByText("Person 2 was deactivated.")).toBeTruthy();
    const [post] = posts(fetchMock);
    expect(post?.[0]).toBe("/api/v1/users/00000000-0000-4000-8000-000000000002/deactivate");
    expect(new Headers(post?.[1]?.headers).get("x-bridgeway-request")).toBe("1");
  });

  it("says plainly when the person has no access", async () => {
    renderUsers({
      "GET /api/v1/users": { status: 403, body: { error: { code: "AUTH_FORBIDDEN", message: "No." } } },
    });
    expect(await screen.findByText(adminEn.states.noAccessTitle)).toBeTruthy();
  });
});
