import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { MyAlumniEvent } from "../../../../core/alumni/alumni.schema";
import { useRsvpAlumniEvent } from "../api/rsvp-alumni-event";

function when(event: MyAlumniEvent, language: string) {
  const format = new Intl.DateTimeFormat(language, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: event.timeZone,
  });
  return { start: format.format(new Date(event.startsAt)), end: format.format(new Date(event.endsAt)) };
}

/** Upcoming alumni events and groups with the participant's own answer. */
export function AlumniEventsCard({ events }: { events: MyAlumniEvent[] }) {
  const { t, i18n } = useTranslation("alumni");
  const rsvp = useRsvpAlumniEvent();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="alumni-events-title">
      <Title order={2} size="h3" id="alumni-events-title">
        {t("events.title")}
      </Title>
      {rsvp.isError && (
        <Alert color="red" mt="sm" title={t("events.error")}>
          {rsvp.error.message}
        </Alert>
      )}
      {events.length === 0 ? (
        <Text mt="xs">{t("events.empty")}</Text>
      ) : (
        <Stack component="ul" p={0} m={0} mt="sm" style={{ listStyle: "none" }} gap="md">
          {events.map((event) => {
            const full = event.capacity !== null && event.going >= event.capacity && event.myRsvp !== "going";
            return (
              <Stack component="li" key={event.id} gap={4}>
                <Group gap="xs">
                  <Title order={3} size="h4">
                    {event.title}
                  </Title>
                  <Badge variant="light">{t(`events.${event.kind}`)}</Badge>
                  {full && <Badge color="gray">{t("events.full")}</Badge>}
                </Group>
                <Text size="sm">{t("events.when", when(event, i18n.language))}</Text>
                {event.location && <Text size="sm">{event.location}</Text>}
                {event.description && <Text size="sm">{event.description}</Text>}
                {event.onlineUrl && (
                  <Anchor href={event.onlineUrl} target="_blank" rel="noopener noreferrer">
                    {t("events.online")}
                  </Anchor>
                )}
                {event.capacity !== null && (
                  <Text size="sm" c="dimmed">
                    {t("events.places", { going: event.going, capacity: event.capacity })}
                  </Text>
                )}
                <Group gap="xs">
                  <Button
                    size="sm"
                    variant={event.myRsvp === "going" ? "filled" : "light"}
                    aria-pressed={event.myRsvp === "going"}
                    disabled={full}
                    onClick={() => rsvp.mutate({ eventId: event.id, status: "going" })}
                  >
                    {t("events.going")}
                  </Button>
                  <Button
                    size="sm"
                    variant={event.myRsvp === "not_going" ? "filled" : "light"}
                    color="gray"
                    aria-pressed={event.myRsvp === "not_going"}
                    onClick={() => rsvp.mutate({ eventId: event.id, status: "not_going" })}
                  >
                    {t("events.notGoing")}
                  </Button>
                </Group>
              </Stack>
            );
          })}
        </Stack>
      )}
    </Card>
  );
}
