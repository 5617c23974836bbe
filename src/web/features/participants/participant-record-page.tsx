import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  List,
  Skeleton,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { IconAlertTriangle, IconEye, IconMail, IconUsers } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { ParticipantRecord } from "../../../core/participants/participants.schema";
import { ApiError } from "../../app/api-client";
import { usePageTitle } from "../../app/use-page-title";
import { useHasPermission } from "../admin/api/get-my-permissions";
import { formatDateTime } from "../admin/format";
import { EmptyState, LoadError } from "../admin/page-states";
import { MessageParticipantButton } from "../messages/staff/message-participant-button";
import { ageOn, localToday } from "./age";
import { participantQuery, useParticipant } from "./api/get-participant";
import { BreakGlassPanel } from "./break-glass-panel";
import { CareTeamModal } from "./care-team-modal";
import { ContactSection } from "./contact-section";
import { DiagnosesSection } from "./diagnoses-section";
import { InviteParticipantModal } from "./invite-participant-modal";
import { LevelOfCareSection } from "./level-of-care-section";
import { RecordFacts } from "./record-facts";
import { RecordSection } from "./record-section";
import { RecordTabs } from "./record-tabs";

/** While access was opened with break-the-glass: say so on every view, with the end time. */
function BreakGlassBanner({ participantId, until }: { participantId: string; until: string }) {
  const { t, i18n } = useTranslation("admin");
  const queryClient = useQueryClient();
  useEffect(() => {
    // When the grant ends, ask again: the server then answers 403 and the page offers the panel.
    const wait = Math.max(0, new Date(until).getTime() - Date.now());
    const timer = setTimeout(
      () => void queryClient.invalidateQueries({ queryKey: participantQuery(participantId).queryKey }),
      Math.min(wait + 1000, 2_147_000_000),
    );
    return () => clearTimeout(timer);
  }, [until, participantId, queryClient]);
  return (
    <Alert color="orange" variant="filled" icon={<IconAlertTriangle aria-hidden />} role="status">
      {t("record.breakGlassBanner", { until: formatDateTime(until, i18n.language) })}
    </Alert>
  );
}

function RecordView({ record }: { record: ParticipantRecord }) {
  const { t } = useTranslation("admin");
  const legalName = `${record.givenName} ${record.familyName}`;
  const name = record.preferredName ? `${record.preferredName} ${record.familyName}` : legalName;
  usePageTitle(name);
  const canManageTeam = useHasPermission("care_team.manage");
  const canInvite = useHasPermission("users.manage");
  const canSeeAccessLog = useHasPermission("access_log.view");
  const [dialog, setDialog] = useState<"careTeam" | "invite" | null>(null);
  const age = ageOn(record.bornOn, localToday(new Date()));

  return (
    <Stack maw={1100}>
      {record.access.purpose === "break_the_glass" && record.access.breakGlassUntil && (
        <BreakGlassBanner participantId={record.id} until={record.access.breakGlassUntil} />
      )}
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs" align="baseline">
            <Title order={1}>{name}</Title>
            {record.pronouns && (
              <Text size="lg" c="dimmed">
                <VisuallyHidden>{t("record.pronounsLabel", { pronouns: record.pronouns })}</VisuallyHidden>
                <span aria-hidden>({record.pronouns})</span>
              </Text>
            )}
          </Group>
          {record.preferredName && <Text>{t("record.legalName", { name: legalName })}</Text>}
          <Text>
            {t("record.summary", {
              age,
              site: record.site.name,
              language: t(`languages.${record.preferredLanguage}`),
            })}
          </Text>
        </Stack>
        <Group gap="xs">
          <MessageParticipantButton participantId={record.id} name={name} />
          {canSeeAccessLog && (
            <Button
              component={Link}
              to={`/staff/participants/${record.id}/access-log`}
              variant="default"
              leftSection={<IconEye size={16} aria-hidden />}
            >
              {t("record.accessLogLink")}
            </Button>
          )}
          {canInvite && (
            <Button leftSection={<IconMail size={16} aria-hidden />} onClick={() => setDialog("invite")}>
              {t("record.invite.open")}
            </Button>
          )}
        </Group>
      </Group>

      <Card withBorder padding="md" component="section" aria-label={t("record.facts.label")}>
        <RecordFacts record={record} />
      </Card>

      <RecordTabs
        record={record}
        overview={
          <Stack>
            <LevelOfCareSection record={record} />
            <DiagnosesSection diagnoses={record.diagnoses} />
            <ContactSection contact={record.contact} />
            <RecordSection
              title={t("record.careTeam.title")}
              id="care-team"
              action={
                canManageTeam && (
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<IconUsers size={16} aria-hidden />}
                    onClick={() => setDialog("careTeam")}
                  >
                    {t("record.careTeam.edit")}
                  </Button>
                )
              }
            >
              {record.careTeam.length === 0 ? (
                <EmptyState>{t("record.careTeam.empty")}</EmptyState>
              ) : (
                <List>
                  {record.careTeam.map((m) => (
                    <List.Item key={m.userId}>
                      <Text span fw={600}>
                        {m.displayName}
                      </Text>
                      {" — "}
                      {t(`careTeamRoles.${m.role}`, { defaultValue: m.role })}
                    </List.Item>
                  ))}
                </List>
              )}
            </RecordSection>
          </Stack>
        }
      />

      {dialog === "careTeam" && <CareTeamModal record={record} onClose={() => setDialog(null)} />}
      {dialog === "invite" && (
        <InviteParticipantModal
          participantId={record.id}
          name={name}
          locale={record.preferredLanguage}
          onClose={() => setDialog(null)}
        />
      )}
    </Stack>
  );
}

function NotFound() {
  const { t } = useTranslation("admin");
  usePageTitle(t("record.notFoundTitle"));
  return (
    <Stack align="flex-start">
      <Title order={1}>{t("record.notFoundTitle")}</Title>
      <Text>{t("record.notFoundBody")}</Text>
      <Anchor component={Link} to="/staff/participants">
        {t("record.backToList")}
      </Anchor>
    </Stack>
  );
}

/** One participant's record; break-the-glass when outside the care team; not found otherwise. */
export function ParticipantRecordPage() {
  const { t } = useTranslation("admin");
  const { id = "" } = useParams();
  const record = useParticipant(id);
  const error = record.error;
  if (record.isPending)
    return (
      <Stack maw={1100} role="status">
        <VisuallyHidden>{t("states.loading")}</VisuallyHidden>
        <Skeleton h={40} w="50%" />
        <Skeleton h={160} />
        <Skeleton h={120} />
      </Stack>
    );
  if (error instanceof ApiError && error.code === "ACCESS_BREAK_GLASS_AVAILABLE")
    return <BreakGlassPanel participantId={id} />;
  if (error instanceof ApiError && error.status === 404) return <NotFound />;
  if (record.isError) return <LoadError error={error} onRetry={() => void record.refetch()} />;
  return <RecordView record={record.data} />;
}
