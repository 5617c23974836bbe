import { Alert, Button, Card, Loader, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ShareResult } from "../../../core/sharing/sharing.schema";
import { usePageTitle } from "../../app/use-page-title";
import { useMySharing } from "./api/get-my-sharing";
import { useShareWithSomeone } from "./api/share-with-someone";
import { useStopSharing } from "./api/stop-sharing";
import { BlocksSection } from "./blocks-section";
import { PeopleList, StopSharingButton } from "./people-list";
import { ShareOutcomeNotice, ShareStepper } from "./share-stepper";
import { SharedUpdatesSection } from "./shared-updates-section";

/** /me/sharing: the people the participant shares with, sharing with someone new, the never-share list and updates. */
export function SharingPage() {
  const { t } = useTranslation("sharing");
  usePageTitle(t("page.title"));
  const sharing = useMySharing();
  const share = useShareWithSomeone();
  const stop = useStopSharing();
  const [sharingOpen, setSharingOpen] = useState(false);
  const [outcome, setOutcome] = useState<{ result: ShareResult; name: string } | null>(null);
  if (sharing.isPending) return <Loader aria-label={t("page.loading")} />;
  if (sharing.isError)
    return (
      <Alert color="red" role="alert">
        <Stack gap="xs">
          <Text>{t("page.unavailable")}</Text>
          <Button variant="light" onClick={() => void sharing.refetch()} style={{ alignSelf: "flex-start" }}>
            {t("page.retry")}
          </Button>
        </Stack>
      </Alert>
    );
  const data = sharing.data;
  return (
    <Stack maw={720}>
      <Title order={1}>{t("page.title")}</Title>
      <Text>{t("page.intro")}</Text>
      <Text size="sm">{t("page.never")}</Text>
      {data.guardianRequired && <Alert variant="light">{t("page.guardianNote")}</Alert>}
      <div aria-live="polite">
        {outcome && (
          <ShareOutcomeNotice result={outcome.result} name={outcome.name} onClose={() => setOutcome(null)} />
        )}
      </div>
      {sharingOpen ? (
        <Card withBorder padding="lg">
          <ShareStepper
            mode="participant"
            patientName={data.patientName}
            programName={data.programName}
            timeZone={data.timeZone}
            pending={share.isPending}
            onSubmit={(values, signature) =>
              share.mutateAsync({
                ...values,
                untilOn: values.untilKind === "date" ? values.untilOn : null,
                safety: values.safety || "not_sure",
                typedName: typeof signature === "string" ? signature : "",
              })
            }
            onDone={(result, values) => {
              setOutcome({ result, name: values.name });
              setSharingOpen(false);
            }}
            onCancel={() => setSharingOpen(false)}
          />
        </Card>
      ) : (
        <Button onClick={() => setSharingOpen(true)} style={{ alignSelf: "flex-start" }}>
          {t("page.share")}
        </Button>
      )}
      <Card withBorder padding="lg" component="section" aria-labelledby="people-title">
        <Stack>
          <Title order={2} size="h3" id="people-title">
            {t("people.title")}
          </Title>
          <PeopleList
            people={data.people}
            empty={t("people.empty")}
            actions={(person) =>
              person.status !== "revoked" &&
              person.status !== "expired" && (
                <StopSharingButton
                  person={person}
                  pending={stop.isPending}
                  onConfirm={(writtenStatement) =>
                    stop.mutateAsync({ recipientId: person.recipientId, writtenStatement })
                  }
                />
              )
            }
          />
        </Stack>
      </Card>
      <SharedUpdatesSection updates={data.updates} />
      <BlocksSection participantId={null} blocks={data.blocks} />
    </Stack>
  );
}
