import { Anchor, Stack, Text, Title } from "@mantine/core";
import { IconChevronLeft } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { FamilyThreadDetail } from "../../../../core/messages/family-messages.schema";
import { usePageTitle } from "../../../app/use-page-title";
import { AccessEnded } from "../../family/access-ended";
import { useThread } from "../api/get-thread";
import { Conversation } from "../conversation";
import { NotForEmergencies } from "../not-for-emergencies";
import { MessageConfidentiality } from "./message-confidentiality";

/**
 * One of a family member's conversations with the care team, on their phone. Every load asks the
 * server again (a logged disclosure); once the consent no longer allows messages, the page says access
 * has ended and shows nothing of the conversation.
 */
export function FamilyThreadPage() {
  const { t } = useTranslation("messages");
  const { threadId = "" } = useParams();
  usePageTitle(t("family.title"));
  const thread = useThread<FamilyThreadDetail>("family", threadId);
  const first = thread.isError ? undefined : thread.data?.pages[0];
  return (
    <Stack>
      <Anchor component={Link} to="/family/messages" size="lg">
        <IconChevronLeft size={18} aria-hidden style={{ verticalAlign: "middle" }} /> {t("thread.back")}
      </Anchor>
      <NotForEmergencies compact />
      <Conversation
        side="family"
        threadId={threadId}
        forbidden={
          <Stack>
            <Title order={1}>{t("family.endedTitle")}</Title>
            <AccessEnded />
          </Stack>
        }
        header={(subject, name) => (
          <Stack gap={4}>
            <Title order={1}>{subject}</Title>
            <Text>{t("family.aboutPerson", { name })}</Text>
          </Stack>
        )}
      />
      {first && <MessageConfidentiality notice={first} />}
      <NotForEmergencies />
    </Stack>
  );
}
