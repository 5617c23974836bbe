import { Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSessionUser } from "../../app/require-session";
import { usePageTitle } from "../../app/use-page-title";
import { CalendarFeedSection } from "../calendar/calendar-feed-section";
import { accountPathFor } from "../identity/home-path";
import { SharingLinkSection } from "../sharing/sharing-link-section";
import { ChangePasswordSection } from "./change-password-section";
import { SessionsSection } from "./sessions-section";
import { TwoStepSection } from "./two-step-section";

/** Every kind of user's account: password, two-step verification, where they are signed in. */
export function AccountPage() {
  const { t } = useTranslation();
  const user = useSessionUser();
  usePageTitle(t("account.title"));
  return (
    <Stack maw={720}>
      <Stack gap={4}>
        <Title order={1}>{t("account.title")}</Title>
        <Text>
          {user.displayName} · {user.email}
        </Text>
      </Stack>
      <ChangePasswordSection />
      <TwoStepSection accountPath={accountPathFor(user.kind)} email={user.email} />
      <SessionsSection />
      <CalendarFeedSection />
      {user.kind === "participant" && user.participantId && <SharingLinkSection />}
    </Stack>
  );
}
