// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import i18n from "i18next";
import { Route, Routes } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { MESSAGE_BODY_MAX, type ThreadSummary } from "../../../core/messages/messages.schema";
import { messagesEn } from "../../i18n/messages.en";
import { messagesEs } from "../../i18n/messages.es";
import { apiCalls, renderWithProviders } from "../../test-support/render-with-providers";
import { fakeApiWith, sessionWith, setUpAdminDom } from "../admin/admin-testing";
import { Composer } from "./composer";
import { MessagesPage } from "./participant/messages-page";
import { UnreadMessagesCard } from "./participant/unread-messages-card";
import { MessageParticipantButton } from "./staff/message-participant-button";

const THREAD_ID = "5d3c1b2a-4e6f-4a8b-9c0d-1e2f3a4b5c6d";
const PARTICIPANT_ID = "2b0d7c52-8a0b-4d55-9f3e-6a1c2e9b7d40";

beforeAll(async () => {
  await setUpAdminDom();
  // jsdom lacks `document.fonts`, which growing text areas listen to.
  if (!("fonts" in document))
    Object.defineProperty(document, "fonts", {
      configurable: true,
      value: { addEventListener: () => {}, removeEventListener: () => {} },
    });
  i18n.addResourceBundle("en", "messages", messagesEn, true, true);
  i18n.addResourceBundle("es", "messages", messagesEs, true, true);
});
afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  await i18n.changeLanguage("en");
});

const aThread = (overrides: Partial<ThreadSummary> = {}): ThreadSummary => ({
  id: THREAD_ID,
  subject: "Missing Thursday",
  participant: { id: PARTICIPANT_ID, name: "Casey Rivers" },
  createdAt: "2026-03-02T15:00:00.000Z",
  lastMessageAt: "2026-03-02T16:00:00.000Z",
  lastMessage: { preview: "See you Monday.", authorKind: "staff", authorName: "Jordan Counselor" },
  unread: 2,
  family: null,
  ...overrides,
});

const box = () => screen.getByRole("textbox", { name: messagesEn.composer.label });
const sendButton = () => screen.getByRole("button", { name: messagesEn.composer.send });

describe("Composer", () => {
  it("counts characters, refuses over the limit with the numbers, and keeps the text", async () => {
    const send = vi.fn().mockResolvedValue(undefined);
    renderWithProviders(<Composer send={send} />);
    fireEvent.change(box(), { target: { value: "a".repeat(MESSAGE_BODY_MAX) } });
    expect(screen.getByText("4,000 of 4,000 characters")).toBeTruthy();
    expect((sendButton() as HTMLButtonElement).disabled).toBe(false);
    fireEvent.change(box(), { target: { value: "a".repeat(MESSAGE_BODY_MAX + 12) } });
    expect(
      screen.getByText(
        "This message has 4,012 characters; the limit is 4,000. Shorten it or send it in two parts.",
      ),
    ).toBeTruthy();
    expect((sendButton() as HTMLButtonElement).disabled).toBe(true);
    fireEvent.keyDown(box(), { key: "Enter", ctrlKey: true });
    expect(send).not.toHaveBeenCalled();
    expect((box() as HTMLTextAreaElement).value).toHaveLength(MESSAGE_BODY_MAX + 12);
  });

  it("sends with Ctrl+Enter, keeps the text and its key on a failure, and clears once sent", async () => {
    const send = vi.fn().mockRejectedValueOnce(new TypeError("offline")).mockResolvedValueOnce(undefined);
    renderWithProviders(<Composer send={send} />);
    fireEvent.change(box(), { target: { value: "Running late tonight" } });
    await act(async () => {
      fireEvent.keyDown(box(), { key: "Enter", ctrlKey: true });
    });
    expect(await screen.findByText(messagesEn.composer.failed)).toBeTruthy();
    expect((box() as HTMLTextAreaElement).value).toBe("Running late tonight");
    await act(async () => {
      fireEvent.keyDown(box(), { key: "Enter", metaKey: true });
    });
    await waitFor(() => expect((box() as HTMLTextAreaElement).value).toBe(""));
    expect(send).toHaveBeenCalledTimes(2);
    const [first, second] = send.mock.calls.map((c) => c[0]);
    expect(second).toEqual(first);
    expect(first.body).toBe("Running late tonight");
    expect(screen.getByText(messagesEn.composer.sent)).toBeTruthy();
  });

  it("says an empty message cannot be sent, without calling the server", () => {
    const send = vi.fn();
    renderWithProviders(<Composer send={send} />);
    fireEvent.change(box(), { target: { value: "   " } });
    fireEvent.click(sendButton());
    expect(screen.getByText(messagesEn.composer.empty)).toBeTruthy();
    expect(send).not.toHaveBeenCalled();
  });
});

describe("unread badges", () => {
  it("marks unread conversations in words on the participant's list, with the emergency notice", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(
        fakeApiWith({
          "GET /api/v1/me/message-threads": {
            body: {
              threads: [
                aThread(),
                aThread({
                  id: "7e1d2c3b-4a5f-4b6c-8d7e-9f0a1b2c3d4e",
                  subject: "Rides",
                  unread: 0,
                  lastMessage: { preview: "Thanks!", authorKind: "participant", authorName: "Casey Rivers" },
                }),
              ],
              total: 2,
              page: 1,
              pageSize: 20,
            },
          },
        }),
      ),
    );
    renderWithProviders(<MessagesPage />, "/me/messages");
    expect(await screen.findByText("2 new")).toBeTruthy();
    expect(screen.getAllByText(/new$/)).toHaveLength(1);
    expect(screen.getByText("Jordan Counselor: See you Monday.")).toBeTruthy();
    expect(screen.getByText("You: Thanks!")).toBeTruthy();
    // At the top (compact, with 988) and in full below the list.
    expect(screen.getAllByText(messagesEn.notice.title)).toHaveLength(2);
    expect(screen.getAllByRole("link", { name: "Call 988" })).toHaveLength(2);
    expect(screen.getByText(messagesEn.notice.body)).toBeTruthy();
  });

  it("shows the unread count on the Today card, in Spanish too", async () => {
    const fetchMock = vi.fn(fakeApiWith({ "GET /api/v1/me/messages/unread": { body: { unread: 3 } } }));
    vi.stubGlobal("fetch", fetchMock);
    await i18n.changeLanguage("es");
    renderWithProviders(<UnreadMessagesCard />);
    expect(await screen.findByText("Tiene 3 mensajes nuevos de su equipo de atención.")).toBeTruthy();
    expect(screen.getByRole("link", { name: messagesEs.card.open }).getAttribute("href")).toBe(
      "/me/messages",
    );
    expect(apiCalls(fetchMock).map((c) => c.route)).toEqual(["GET /api/v1/me/messages/unread"]);
  });

  it("says there is nothing new when the count is zero", async () => {
    vi.stubGlobal("fetch", vi.fn(fakeApiWith({ "GET /api/v1/me/messages/unread": { body: { unread: 0 } } })));
    renderWithProviders(<UnreadMessagesCard />);
    expect(await screen.findByText(messagesEn.card.none)).toBeTruthy();
  });
});

describe("Message from the chart", () => {
  const sent = { message: {}, thread: aThread({ unread: 0 }), replayed: false };

  it("lists recent conversations and starts a new one, then opens it", async () => {
    const fetchMock = vi.fn(
      fakeApiWith({
        "GET /api/v1/sessions/current": sessionWith(["clinical.view", "clinical.write"]),
        [`GET /api/v1/participants/${PARTICIPANT_ID}/message-threads`]: {
          body: { threads: [aThread()], total: 1, page: 1, pageSize: 5 },
        },
        [`POST /api/v1/participants/${PARTICIPANT_ID}/message-threads`]: { status: 201, body: sent },
      }),
    );
    vi.stubGlobal("fetch", fetchMock);
    renderWithProviders(
      <Routes>
        <Route
          path="/staff/participants/:id"
          element={<MessageParticipantButton participantId={PARTICIPANT_ID} name="Casey Rivers" />}
        />
        <Route path="/staff/messages/:threadId" element={<h1>Opened conversation</h1>} />
      </Routes>,
      `/staff/participants/${PARTICIPANT_ID}`,
    );
    fireEvent.click(await screen.findByRole("button", { name: messagesEn.start.button }));
    expect(await screen.findByRole("link", { name: "Missing Thursday" })).toBeTruthy();
    fireEvent.change(screen.getByRole("textbox", { name: /^Subject/ }), {
      target: { value: "Your schedule" },
    });
    fireEvent.change(box(), { target: { value: "Group moves to Wednesday." } });
    fireEvent.click(sendButton());
    expect(await screen.findByRole("heading", { name: "Opened conversation" })).toBeTruthy();
    const post = apiCalls(fetchMock).find((c) => c.route.startsWith("POST"));
    expect(post?.body).toMatchObject({ subject: "Your schedule", body: "Group moves to Wednesday." });
    expect(post?.body.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("is not offered without clinical.write", async () => {
    const fetchMock = vi.fn(
      fakeApiWith({ "GET /api/v1/sessions/current": sessionWith(["participants.view"]) }),
    );
    vi.stubGlobal("fetch", fetchMock);
    const { queryClient } = renderWithProviders(
      <MessageParticipantButton participantId={PARTICIPANT_ID} name="Casey Rivers" />,
    );
    await waitFor(() =>
      expect(queryClient.getQueryData(["admin", "my-permissions"])).toEqual(["participants.view"]),
    );
    expect(screen.queryByRole("button", { name: messagesEn.start.button })).toBeNull();
  });
});
