import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  Modal,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type AlumniEventInput, alumniEventInputSchema } from "../../../../core/alumni/alumni.schema";
import { usePageTitle } from "../../../app/use-page-title";
import { useSites } from "../../admin/api/get-sites";
import {
  useAlumniEvents,
  useAlumniInbox,
  useAlumniRoster,
  useAlumniThread,
  useCancelAlumniEvent,
  useSaveAlumniEvent,
  useStaffAlumniReply,
  useStaffOptOut,
} from "../api/staff-alumni";

/** The alumni program for staff with alumni.manage: events and groups, the roster, the coordinator inbox. */
export function AlumniStaffPage() {
  const { t } = useTranslation("alumni");
  usePageTitle(t("staff.title"));
  const sites = useSites();
  const [chosen, setChosen] = useState<string | null>(null);
  const siteId = chosen ?? sites.data?.sites[0]?.id ?? "";
  const site = sites.data?.sites.find((s) => s.id === siteId);
  return (
    <Stack>
      <Title order={1}>{t("staff.title")}</Title>
      {sites.isError && <Alert color="red">{t("staff.loadError")}</Alert>}
      {(sites.data?.sites.length ?? 0) > 1 && (
        <Select
          label={t("staff.site")}
          data={sites.data!.sites.map((s) => ({ value: s.id, label: s.name }))}
          value={siteId}
          onChange={setChosen}
          allowDeselect={false}
          maw={360}
        />
      )}
      {site && (
        <>
          <EventsSection siteId={site.id} timeZone={site.timeZone} />
          <RosterSection siteId={site.id} />
          <InboxSection siteId={site.id} />
        </>
      )}
    </Stack>
  );
}

const toIso = (local: string) => (local ? new Date(local).toISOString() : "");

function EventsSection({ siteId, timeZone }: { siteId: string; timeZone: string }) {
  const { t, i18n } = useTranslation("alumni");
  const events = useAlumniEvents(siteId);
  const save = useSaveAlumniEvent();
  const cancel = useCancelAlumniEvent();
  const [form, setForm] = useState({
    title: "",
    description: "",
    kind: "event",
    starts: "",
    ends: "",
    location: "",
    onlineUrl: "",
    capacity: "" as number | string,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [cancelling, setCancelling] = useState<string | null>(null);
  const format = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  });
  const set = (key: keyof typeof form) => (value: string | number) =>
    setForm((f) => ({ ...f, [key]: value }));

  const submit = () => {
    const input = {
      siteId,
      title: form.title,
      description: form.description,
      kind: form.kind,
      startsAt: toIso(form.starts),
      endsAt: toIso(form.ends),
      timeZone,
      location: form.location,
      onlineUrl: form.onlineUrl.trim() === "" ? null : form.onlineUrl.trim(),
      capacity: form.capacity === "" ? null : Number(form.capacity),
    };
    const parsed = alumniEventInputSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setErrors({});
    save.mutate({ id: null, input: parsed.data as AlumniEventInput });
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="alumni-staff-events">
      <Title order={2} size="h3" id="alumni-staff-events">
        {t("staff.eventsTitle")}
      </Title>
      {events.isPending ? (
        <Loader size="sm" role="status" aria-label={t("staff.eventsTitle")} />
      ) : events.isError ? (
        <Alert color="red">{t("staff.loadError")}</Alert>
      ) : events.data.events.length === 0 ? (
        <Text mt="xs">{t("staff.noEvents")}</Text>
      ) : (
        <Stack component="ul" p={0} m={0} mt="sm" style={{ listStyle: "none" }}>
          {events.data.events.map((e) => (
            <Group component="li" key={e.id} justify="space-between">
              <Stack gap={0}>
                <Text fw={600}>{e.title}</Text>
                <Text size="sm">
                  {format.format(new Date(e.startsAt))} · {t("staff.going", { count: e.going })}
                  {e.capacity !== null ? ` / ${e.capacity}` : ""}
                </Text>
              </Stack>
              {e.cancelledAt ? (
                <Badge color="gray">{t("staff.cancelled")}</Badge>
              ) : (
                <Button size="xs" color="red" variant="light" onClick={() => setCancelling(e.id)}>
                  {t("staff.cancelEvent")}
                </Button>
              )}
            </Group>
          ))}
        </Stack>
      )}
      <Modal opened={cancelling !== null} onClose={() => setCancelling(null)} title={t("staff.cancelEvent")}>
        <Text>{t("staff.cancelConfirm")}</Text>
        {cancel.isError && <Alert color="red">{cancel.error.message}</Alert>}
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setCancelling(null)}>
            {t("staff.close")}
          </Button>
          <Button
            color="red"
            loading={cancel.isPending}
            onClick={() => cancel.mutate(cancelling!, { onSuccess: () => setCancelling(null) })}
          >
            {t("staff.cancelEvent")}
          </Button>
        </Group>
      </Modal>
      <Title order={3} size="h4" mt="lg">
        {t("staff.newEvent")}
      </Title>
      <Stack
        component="form"
        gap="xs"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <TextInput
          label={t("staff.eventTitle")}
          value={form.title}
          onChange={(e) => set("title")(e.currentTarget.value)}
          error={errors.title}
        />
        <Select
          label={t("staff.kind")}
          data={[
            { value: "event", label: t("events.event") },
            { value: "group", label: t("events.group") },
          ]}
          value={form.kind}
          onChange={(v) => set("kind")(v ?? "event")}
          allowDeselect={false}
        />
        <Group grow>
          <TextInput
            type="datetime-local"
            label={t("staff.starts")}
            value={form.starts}
            onChange={(e) => set("starts")(e.currentTarget.value)}
            error={errors.startsAt}
          />
          <TextInput
            type="datetime-local"
            label={t("staff.ends")}
            value={form.ends}
            onChange={(e) => set("ends")(e.currentTarget.value)}
            error={errors.endsAt}
          />
        </Group>
        <TextInput
          label={t("staff.location")}
          value={form.location}
          onChange={(e) => set("location")(e.currentTarget.value)}
          error={errors.location}
        />
        <TextInput
          label={t("staff.onlineUrl")}
          value={form.onlineUrl}
          onChange={(e) => set("onlineUrl")(e.currentTarget.value)}
          error={errors.onlineUrl}
        />
        <NumberInput
          label={t("staff.capacity")}
          min={1}
          allowDecimal={false}
          value={form.capacity}
          onChange={set("capacity")}
          error={errors.capacity}
        />
        <Textarea
          label={t("staff.description")}
          value={form.description}
          onChange={(e) => set("description")(e.currentTarget.value)}
          error={errors.description}
        />
        {save.isError && <Alert color="red">{save.error.message}</Alert>}
        <Button type="submit" loading={save.isPending}>
          {t("staff.save")}
        </Button>
      </Stack>
    </Card>
  );
}

function RosterSection({ siteId }: { siteId: string }) {
  const { t } = useTranslation("alumni");
  const roster = useAlumniRoster(siteId);
  const optOut = useStaffOptOut(siteId);
  const [target, setTarget] = useState<{ id: string; name: string } | null>(null);
  const [alsoFollowUps, setAlsoFollowUps] = useState(false);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="alumni-staff-roster">
      <Title order={2} size="h3" id="alumni-staff-roster">
        {t("staff.rosterTitle")}
      </Title>
      {roster.isPending ? (
        <Loader size="sm" role="status" aria-label={t("staff.rosterTitle")} />
      ) : roster.isError ? (
        <Alert color="red">{t("staff.loadError")}</Alert>
      ) : roster.data.members.length === 0 ? (
        <Text mt="xs">{t("staff.noMembers")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("staff.name")}</Table.Th>
                <Table.Th>{t("staff.status")}</Table.Th>
                <Table.Th>{t("staff.joined")}</Table.Th>
                <Table.Th>{t("staff.lastCheckIn")}</Table.Th>
                <Table.Th>{t("staff.flags")}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t("staff.actions")}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {roster.data.members.map((m) => (
                <Table.Tr key={m.participantId}>
                  <Table.Td>{m.name}</Table.Td>
                  <Table.Td>{t(`status.${m.status}`)}</Table.Td>
                  <Table.Td>{m.joinedOn}</Table.Td>
                  <Table.Td>{m.lastCheckInWeek ?? t("staff.none")}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {m.lastFlags.map((f) => (
                        <Badge key={f} color={f === "use_resumed" ? "red" : "orange"} variant="light">
                          {t(`flags.${f}`)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {m.status === "active" && (
                      <Button
                        size="xs"
                        variant="subtle"
                        onClick={() => setTarget({ id: m.participantId, name: m.name })}
                      >
                        {t("staff.optOut")}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={target !== null} onClose={() => setTarget(null)} title={t("staff.optOutTitle")}>
        <Text fw={600}>{target?.name}</Text>
        <Text mt="xs">{t("staff.optOutBody")}</Text>
        <Checkbox
          mt="md"
          label={t("leave.alsoFollowUps")}
          checked={alsoFollowUps}
          onChange={(e) => setAlsoFollowUps(e.currentTarget.checked)}
        />
        {optOut.isError && <Alert color="red">{optOut.error.message}</Alert>}
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setTarget(null)}>
            {t("staff.close")}
          </Button>
          <Button
            color="red"
            loading={optOut.isPending}
            onClick={() =>
              optOut.mutate(
                { participantId: target!.id, alsoFollowUps },
                { onSuccess: () => setTarget(null) },
              )
            }
          >
            {t("staff.optOut")}
          </Button>
        </Group>
      </Modal>
    </Card>
  );
}

function InboxSection({ siteId }: { siteId: string }) {
  const { t } = useTranslation("alumni");
  const inbox = useAlumniInbox(siteId);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="alumni-staff-inbox">
      <Title order={2} size="h3" id="alumni-staff-inbox">
        {t("staff.inboxTitle")}
      </Title>
      {inbox.isPending ? (
        <Loader size="sm" role="status" aria-label={t("staff.inboxTitle")} />
      ) : inbox.isError ? (
        <Alert color="red">{t("staff.loadError")}</Alert>
      ) : inbox.data.threads.length === 0 ? (
        <Text mt="xs">{t("staff.noThreads")}</Text>
      ) : (
        <Stack component="ul" p={0} m={0} mt="sm" style={{ listStyle: "none" }}>
          {inbox.data.threads.map((th) => (
            <Group component="li" key={th.id} justify="space-between">
              <Text>
                {th.participant.name} — {th.subject}
              </Text>
              <Group gap="xs">
                {th.unread > 0 && <Badge color="red">{th.unread}</Badge>}
                <Button size="xs" variant="light" onClick={() => setOpen(th.id)}>
                  {t("staff.open")}
                </Button>
              </Group>
            </Group>
          ))}
        </Stack>
      )}
      {open && <StaffThread threadId={open} onClose={() => setOpen(null)} />}
    </Card>
  );
}

function StaffThread({ threadId, onClose }: { threadId: string; onClose: () => void }) {
  const { t } = useTranslation("alumni");
  const thread = useAlumniThread(threadId);
  const reply = useStaffAlumniReply(threadId);
  const [body, setBody] = useState("");
  return (
    <Modal opened onClose={onClose} title={thread.data?.thread.subject ?? t("staff.inboxTitle")} size="lg">
      {thread.isPending ? (
        <Loader size="sm" role="status" aria-label={t("staff.inboxTitle")} />
      ) : thread.isError ? (
        <Alert color="red">{thread.error.message}</Alert>
      ) : (
        <Stack>
          {thread.data.messages.map((m) => (
            <Card key={m.id} withBorder padding="xs">
              <Text size="sm" fw={600}>
                {m.author.name}
              </Text>
              <Text style={{ whiteSpace: "pre-wrap" }}>{m.body}</Text>
            </Card>
          ))}
          <Textarea
            label={t("messages.reply")}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            rows={3}
          />
          {reply.isError && <Alert color="red">{reply.error.message}</Alert>}
          <Button
            loading={reply.isPending}
            onClick={() =>
              reply.mutate({ body, idempotencyKey: crypto.randomUUID() }, { onSuccess: () => setBody("") })
            }
          >
            {t("messages.send")}
          </Button>
        </Stack>
      )}
    </Modal>
  );
}
