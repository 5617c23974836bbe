import { Badge, Button, Card, Group, Modal, Stack, Text, Textarea, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { SharedPerson } from "../../../core/sharing/sharing.schema";

const day = (iso: string, language: string) =>
  new Intl.DateTimeFormat(language, { dateStyle: "medium" }).format(new Date(iso));

/** Each person: relationship, what they can see, since and until when, status; actions from the caller. */
export function PeopleList(props: {
  people: readonly SharedPerson[];
  empty: string;
  actions?: (person: SharedPerson) => React.ReactNode;
}) {
  const { t, i18n } = useTranslation("sharing");
  if (props.people.length === 0) return <Text>{props.empty}</Text>;
  return (
    <Stack component="ul" p={0} style={{ listStyle: "none" }}>
      {props.people.map((person) => (
        <Card key={person.recipientId} component="li" withBorder padding="md">
          <Stack gap={6}>
            <Group justify="space-between" wrap="wrap">
              <Title order={3} size="h4">
                {person.name}
              </Title>
              <Badge variant="light" color={person.status === "active" ? "teal" : "gray"}>
                {t(`status.${person.status}`)}
              </Badge>
            </Group>
            <Text size="sm">
              {t("people.relationship")}: {person.relationship}
            </Text>
            <Text size="sm">
              {t("people.sees")}: {person.scopes.map((s) => t(`scopes.${s}.label`)).join(", ")}
            </Text>
            <Text size="sm">
              {t("people.since", { date: day(person.since, i18n.language) })} ·{" "}
              {person.untilEndOfTreatment
                ? t("people.untilEnd")
                : person.untilOn
                  ? t("people.until", { date: day(`${person.untilOn}T12:00:00Z`, i18n.language) })
                  : ""}
            </Text>
            {person.revokedAt && (
              <Text size="sm">{t("people.revokedOn", { date: day(person.revokedAt, i18n.language) })}</Text>
            )}
            {props.actions?.(person)}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

/** "Stop sharing": a confirmation with the written statement, prefilled and editable. */
export function StopSharingButton(props: {
  person: SharedPerson;
  pending: boolean;
  onConfirm: (statement: string) => Promise<unknown>;
}) {
  const { t } = useTranslation("sharing");
  const [open, setOpen] = useState(false);
  const [statement, setStatement] = useState("");
  const [error, setError] = useState<string | null>(null);
  const draft = props.person.status === "waiting_for_guardian" || props.person.status === "safety_concern";
  return (
    <>
      <Button
        variant="light"
        color="red"
        style={{ alignSelf: "flex-start" }}
        onClick={() => {
          setStatement(t("stop.prefill", { name: props.person.name }));
          setError(null);
          setOpen(true);
        }}
      >
        {draft ? t("people.withdraw") : t("people.stop")}
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={t("stop.title", { name: props.person.name })}
      >
        <Stack>
          <Text>{t("stop.intro")}</Text>
          <Textarea
            label={t("stop.statement")}
            autosize
            minRows={3}
            value={statement}
            error={error}
            onChange={(e) => setStatement(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t("stop.cancel")}
            </Button>
            <Button
              color="red"
              loading={props.pending}
              onClick={() => {
                if (statement.trim() === "") return setError(t("stop.statement"));
                props.onConfirm(statement).then(
                  () => setOpen(false),
                  (e: Error) => setError(e.message),
                );
              }}
            >
              {t("stop.confirm")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
