import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ParticipantRecord } from "../../../../core/participants/participants.schema";
import type { SharedPerson, ShareResult } from "../../../../core/sharing/sharing.schema";
import { useRecordGuardianSignature, useSendFamilyInvitation } from "../../sharing/api/family-invitations";
import { useParticipantFamily } from "../../sharing/api/get-participant-family";
import { useShareForParticipant } from "../../sharing/api/share-with-someone";
import { BlocksSection } from "../../sharing/blocks-section";
import { PeopleList } from "../../sharing/people-list";
import { ShareOutcomeNotice, ShareStepper } from "../../sharing/share-stepper";

/** The chart's Family tab: people the participant shares with, inviting at their request, guardians, the never-share list. */
export function FamilySection({ record }: { record: ParticipantRecord }) {
  const { t } = useTranslation("sharing");
  const participantId = record.id;
  const family = useParticipantFamily(participantId);
  const share = useShareForParticipant(participantId);
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<{ result: ShareResult; name: string } | null>(null);
  if (family.isPending) return <Loader aria-label={t("page.loading")} />;
  if (family.isError) return <Alert color="red">{t("page.unavailable")}</Alert>;
  const data = family.data;
  return (
    <Stack>
      <Title order={2}>{t("staff.title")}</Title>
      <Text>{t("staff.intro")}</Text>
      {data.guardianRequired && <Alert variant="light">{t("page.guardianNote")}</Alert>}
      <div aria-live="polite">
        {outcome && (
          <ShareOutcomeNotice result={outcome.result} name={outcome.name} onClose={() => setOutcome(null)} />
        )}
      </div>
      {open ? (
        <Card withBorder padding="lg">
          <Text mb="sm">{t("staff.inviteIntro")}</Text>
          <ShareStepper
            mode="staff"
            patientName={data.patientName}
            programName={data.programName}
            timeZone={data.timeZone}
            pending={share.isPending}
            onSubmit={(values, signature) =>
              share.mutateAsync({
                ...values,
                untilOn: values.untilKind === "date" ? values.untilOn : null,
                safety: values.safety || "not_sure",
                paperSignatureOnFile: signature === true,
              })
            }
            onDone={(result, values) => {
              setOutcome({ result, name: values.name });
              setOpen(false);
            }}
            onCancel={() => setOpen(false)}
          />
        </Card>
      ) : (
        <Button onClick={() => setOpen(true)} style={{ alignSelf: "flex-start" }}>
          {t("staff.invite")}
        </Button>
      )}
      <PeopleList
        people={data.people}
        empty={t("staff.empty")}
        actions={(person) => <StaffPersonActions participantId={participantId} person={person} />}
      />
      <BlocksSection participantId={participantId} blocks={data.blocks} />
      <Group>
        <Text>{t("staff.scheduleTab")}</Text>
        <Anchor component={Link} to={`/staff/participants/${encodeURIComponent(participantId)}?tab=schedule`}>
          {t("staff.openSchedule")}
        </Anchor>
      </Group>
    </Stack>
  );
}

/** Safety screen and invitation state, and the guardian signature or invitation a person is waiting for. */
function StaffPersonActions({ participantId, person }: { participantId: string; person: SharedPerson }) {
  const { t, i18n } = useTranslation("sharing");
  const guardian = useRecordGuardianSignature(participantId);
  const invite = useSendFamilyInvitation(participantId);
  const [signerName, setSignerName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const screen =
    person.safetyScreen === "safe" ? "safe" : person.safetyScreen === "concern" ? "concern" : "notAsked";
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Badge variant="outline" color={screen === "concern" ? "red" : "gray"}>
          {t("staff.safety")}: {t(`staff.${screen}`)}
        </Badge>
        <Badge variant="outline" color="gray">
          {t("staff.invitation")}:{" "}
          {person.invitationSentAt
            ? t("staff.invitationSentOn", {
                date: new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium" }).format(
                  new Date(person.invitationSentAt),
                ),
              })
            : t("staff.invitationNone")}
        </Badge>
        <Anchor
          component={Link}
          to={`/staff/participants/${encodeURIComponent(participantId)}?tab=consents&consent=${person.consentId}`}
        >
          {t("staff.consentsTab")}
        </Anchor>
      </Group>
      {person.status === "waiting_for_guardian" && (
        <Group align="flex-end">
          <TextInput
            label={t("staff.guardianName")}
            value={signerName}
            error={error}
            onChange={(e) => setSignerName(e.currentTarget.value)}
          />
          <Button
            loading={guardian.isPending}
            onClick={() =>
              guardian.mutate(
                { recipientId: person.recipientId, signerName, locale: "en" },
                { onError: (e) => setError(e.message) },
              )
            }
          >
            {t("staff.guardianSave")}
          </Button>
        </Group>
      )}
      {(person.status === "not_invited" || person.status === "invitation_sent") &&
        person.safetyScreen === "safe" && (
          <Button
            variant="light"
            style={{ alignSelf: "flex-start" }}
            loading={invite.isPending}
            onClick={() =>
              invite.mutate(
                { recipientId: person.recipientId, locale: "en" },
                { onError: (e) => setError(e.message) },
              )
            }
          >
            {person.status === "not_invited" ? t("staff.sendInvitation") : t("staff.resendInvitation")}
          </Button>
        )}
    </Stack>
  );
}
