import { Anchor, Stack, Title } from "@mantine/core";
import { IconChevronLeft } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { usePageTitle } from "../../../app/use-page-title";
import { Conversation } from "../conversation";
import { NotForEmergencies } from "../not-for-emergencies";

/** One of the participant's conversations, read and answered on their phone. */
export function MyThreadPage() {
  const { t } = useTranslation("messages");
  const { threadId = "" } = useParams();
  usePageTitle(t("list.title"));
  return (
    <Stack>
      <Anchor component={Link} to="/me/messages" size="lg">
        <IconChevronLeft size={18} aria-hidden style={{ verticalAlign: "middle" }} /> {t("thread.back")}
      </Anchor>
      <NotForEmergencies compact />
      <Conversation side="me" threadId={threadId} header={(subject) => <Title order={1}>{subject}</Title>} />
      <NotForEmergencies />
    </Stack>
  );
}
