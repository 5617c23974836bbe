// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { en } from "../../i18n/en";
import { apiCalls, fakeApi, renderWithProviders, setUpDom } from "../../test-support/render-with-providers";
import { InquiryPage } from "./inquiry-page";

beforeAll(setUpDom);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const I = en.getHelp.inquiry;
const NORTH = { id: "5d0c1a7e-3b1f-4c6a-9e2d-8f7b6a5c4d31", name: "Northside Clinic" };
const RIVER = { id: "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", name: "Riverside Clinic" };

function renderInquiry(
  routes: Parameters<typeof fakeApi>[0] = {},
  { path = "/get-help/inquiry", sites = [NORTH, RIVER] } = {},
) {
  const fetchMock = vi.fn(fakeApi({ "GET /api/v1/public/sites": { body: { sites } }, ...routes }));
  vi.stubGlobal("fetch", fetchMock);
  renderWithProviders(
    <Routes>
      <Route path="/get-help/inquiry" element={<InquiryPage />} />
    </Routes>,
    path,
  );
  return fetchMock;
}

const posts = (fetchMock: Parameters<typeof apiCalls>[0]) =>
  apiCalls(fetchMock).filter((c) => c.route.startsWith("POST"));

async function chooseSite(name: string) {
  await screen.findByRole("option", { name });
  fireEvent.change(screen.getByLabelText(/^Location/), {
    target: { value: name === NORTH.name ? NORTH.id : RIVER.id },
  });
}
const choose = (group: string, option: string) =>
  fireEvent.click(
    within(screen.getByRole("group", { name: new RegExp(group) })).getByRole("radio", { name: option }),
  );
const type = (label: RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
const send = () => fireEvent.click(screen.getByRole("button", { name: I.submit }));

async function fillForMe() {
  await chooseSite(RIVER.name);
  choose(I.forWhom, I.forWhomOptions.self);
  type(/^Your name/, "  Ana ");
  choose(I.contactMethod, I.contactMethods.text);
  type(/^Phone number/, "(555) 123-4567");
}

describe("InquiryPage", () => {
  it("requires a phone number when asked to call or text, and sends nothing", async () => {
    const fetchMock = renderInquiry();
    await chooseSite(NORTH.name);
    choose(I.forWhom, I.forWhomOptions.self);
    type(/^Your name/, "Ana");
    choose(I.contactMethod, I.contactMethods.phone);
    send();
    expect(await screen.findByText(I.phoneRequired)).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText(/^Phone number/));
    expect(screen.queryByRole("textbox", { name: /^Email/ })).toBeNull();
    expect(posts(fetchMock)).toEqual([]);
  });

  it("asks a loved one for their own name, focusing the first problem and keeping what was typed", async () => {
    const fetchMock = renderInquiry();
    await screen.findByRole("option", { name: RIVER.name });
    choose(I.forWhom, I.forWhomOptions.loved_one);
    type(/^Their name/, "Luis");
    choose(I.contactMethod, I.contactMethods.email);
    fireEvent.change(screen.getByRole("textbox", { name: /^Email/ }), {
      target: { value: "maria@example.org" },
    });
    send();
    expect(await screen.findByText(I.locationRequired)).toBeTruthy();
    expect(screen.getByText(I.contactNameRequired)).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText(/^Location/));
    expect((screen.getByLabelText(/^Their name/) as HTMLInputElement).value).toBe("Luis");
    expect((screen.getByRole("textbox", { name: /^Email/ }) as HTMLInputElement).value).toBe(
      "maria@example.org",
    );
    expect(posts(fetchMock)).toEqual([]);
  });

  it("shows every problem at once, even before a way to reach the person is chosen", async () => {
    const fetchMock = renderInquiry();
    await chooseSite(NORTH.name);
    choose(I.forWhom, I.forWhomOptions.loved_one);
    send();
    expect(await screen.findByText(I.nameRequired)).toBeTruthy();
    expect(screen.getByText(I.contactNameRequired)).toBeTruthy();
    expect(screen.getByText(I.contactMethodRequired)).toBeTruthy();
    expect(screen.queryByText(I.emailRequired)).toBeNull();
    expect(document.activeElement).toBe(screen.getByLabelText(/^Their name/));
    expect(posts(fetchMock)).toEqual([]);
  });

  it("says who the help is for and how to reach them before anything else", async () => {
    const fetchMock = renderInquiry();
    await chooseSite(NORTH.name);
    send();
    expect(await screen.findByText(I.forWhomRequired)).toBeTruthy();
    expect(screen.getByText(I.contactMethodRequired)).toBeTruthy();
    const forWhom = screen.getByRole("group", { name: new RegExp(I.forWhom) });
    expect(document.activeElement).toBe(within(forWhom).getByRole("radio", { name: I.forWhomOptions.self }));
    expect(posts(fetchMock)).toEqual([]);
  });

  it("posts exactly the form, with the carried self-check result and the empty honeypot, then shows the reference", async () => {
    const fetchMock = renderInquiry(
      {
        "POST /api/v1/inquiries": { status: 201, body: { reference: "INQ-7KQ2-M4", contactWithinHours: 24 } },
      },
      { path: "/get-help/inquiry?result=iop_may_fit" },
    );
    expect(await screen.findByText(en.getHelp.selfCheck.outcomes.iop_may_fit.title)).toBeTruthy();
    await fillForMe();
    type(/^What are you looking for/, "Evening groups, if you have them.");
    fireEvent.change(screen.getByLabelText(/^Best time/), { target: { value: "evening" } });
    send();
    expect((await screen.findByRole("status")).textContent).toContain("Your reference: INQ-7KQ2-M4");
    expect(screen.getByText("INQ-7KQ2-M4").style.whiteSpace).toBe("nowrap");
    expect(screen.getByText("We will contact you within 24 business hours.")).toBeTruthy();
    expect(screen.getByText(I.nextCall)).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe(I.sentTitle);
    expect(posts(fetchMock)).toEqual([
      {
        route: "POST /api/v1/inquiries",
        body: {
          siteId: RIVER.id,
          forWhom: "self",
          name: "Ana",
          contactName: "",
          contactMethod: "text",
          phone: "(555) 123-4567",
          email: "",
          bestTime: "evening",
          lookingFor: "Evening groups, if you have them.",
          selfCheckOutcome: "iop_may_fit",
          website: "",
        },
      },
    ]);
    const [, init] = fetchMock.mock.calls.find(([, i]) => (i as RequestInit | undefined)?.method === "POST")!;
    expect((init as RequestInit).headers).toMatchObject({ "x-bridgeway-request": "1" });
  });

  it("ignores an unknown result in the address and lets the person leave the result out", async () => {
    const fetchMock = renderInquiry(
      { "POST /api/v1/inquiries": { status: 201, body: { reference: "INQ-1", contactWithinHours: 1 } } },
      { path: "/get-help/inquiry?result=admit_now" },
    );
    await fillForMe();
    expect(screen.queryByText(I.selfCheckResult)).toBeNull();
    send();
    expect(await screen.findByText("We will contact you within 1 business hour.")).toBeTruthy();
    expect(posts(fetchMock)[0]?.body).toMatchObject({ selfCheckOutcome: null });
  });

  it("shows the server's field error on its field and keeps everything typed", async () => {
    renderInquiry({
      "POST /api/v1/inquiries": {
        status: 400,
        body: {
          error: {
            code: "VALIDATION_FAILED",
            message: "Check the highlighted fields.",
            fields: [{ path: "phone", message: "This number cannot receive text messages." }],
          },
        },
      },
    });
    await fillForMe();
    send();
    const message = await screen.findByText("This number cannot receive text messages.");
    const phone = screen.getByLabelText(/^Phone number/) as HTMLInputElement;
    expect(phone.getAttribute("aria-describedby")).toContain(message.id);
    expect(phone.value).toBe("(555) 123-4567");
    expect(document.activeElement).toBe(phone);
    expect((screen.getByLabelText(/^Your name/) as HTMLInputElement).value).toBe("  Ana ");
  });

  it("asks to wait a minute when too many were sent, keeping the form", async () => {
    renderInquiry({
      "POST /api/v1/inquiries": {
        status: 429,
        body: { error: { code: "RATE_LIMITED", message: "Too many requests." } },
      },
    });
    await fillForMe();
    send();
    expect((await screen.findByRole("alert")).textContent).toBe(I.rateLimited);
    expect((screen.getByLabelText(/^Phone number/) as HTMLInputElement).value).toBe("(555) 123-4567");
    expect((screen.getByLabelText(/^Location/) as HTMLSelectElement).value).toBe(RIVER.id);
  });

  it("preselects the only location", async () => {
    renderInquiry({}, { sites: [NORTH] });
    await waitFor(() =>
      expect((screen.getByLabelText(/^Location/) as HTMLSelectElement).value).toBe(NORTH.id),
    );
  });

  it("hides a honeypot named website from people, off-screen rather than not displayed", async () => {
    renderInquiry();
    await screen.findByRole("option", { name: NORTH.name });
    const honeypot = document.querySelector<HTMLInputElement>('input[name="website"]')!;
    expect(honeypot.tabIndex).toBe(-1);
    expect(honeypot.getAttribute("autocomplete")).toBe("off");
    const wrapper = honeypot.closest('[aria-hidden="true"]') as HTMLElement;
    expect(wrapper.style.position).toBe("absolute");
    expect(wrapper.style.left).toBe("-10000px");
    expect(wrapper.style.display).not.toBe("none");
    expect(screen.queryByRole("textbox", { name: I.website })).toBeNull();
  });

  it("keeps the privacy note and the crisis line on the page", async () => {
    renderInquiry();
    expect(await screen.findByText(I.privacyBody)).toBeTruthy();
    expect(screen.getByRole("link", { name: en.crisis.call988 }).getAttribute("href")).toBe("tel:988");
  });
});
