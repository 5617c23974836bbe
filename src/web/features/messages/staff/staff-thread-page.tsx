import { Anchor, Button, Group, Stack, Text, Title } from "@mantine/core";
import { IconChevronLeft, IconUser } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { usePageTitle } from "../../../app/use-page-title";
import { useThread } from "../api/get-thread";
import { Conversation } from "../conversation";

/** A conversation with a participant, from the staff side: read, reply, open the chart. */
export function StaffThreadPage() {
  const { t } = useTranslation("messages");
  const { threadId = "" } = useParams();
  const location = useLocation();
  const back = (location.state as { from?: string } | null)?.from ?? "/staff/messages";
  usePageTitle(t("staff.title"));
  const summary = useThread("staff", threadId).data?.pages[0]?.thread;
  const participantId = summary?.participant.id;
  const family = summary?.family;
  return (
    <Stack maw={800}>
      <Anchor component={Link} to={back}>
        <IconChevronLeft size={16} aria-hidden style={{ verticalAlign: "middle" }} /> {t("staff.back")}
      </Anchor>
      <Conversation
        side="staff"
        threadId={threadId}
        header={(subject, name) => (
          <Group justify="space-between" align="flex-start">
            <Stack gap={4}>
              <Title order={1}>{subject}</Title>
              <Text>
                {family
                  ? t("family.staffLabel", {
                      name: family.name,
                      relationship: family.relationship,
                      participant: name,
                    })
                  : t("staff.participantLabel", { name })}
              </Text>
            </Stack>
            {participantId && (
              <Button
                component={Link}
                to={`/staff/participants/${participantId}`}
                variant="default"
                leftSection={<IconUser size={16} aria-hidden />}
              >
                {t("staff.openChart")}
              </Button>
            )}
          </Group>
        )}
      />
    </Stack>
  );
}
