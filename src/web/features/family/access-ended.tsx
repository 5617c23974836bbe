import { Alert, Anchor, Group, Stack, Text } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** Shown under the page's "no access now" heading, with no data, when the server says this family member may not see the person's information now. */
export function AccessEnded() {
  const { t } = useTranslation("family");
  return (
    <Alert
      color="gray"
      variant="light"
      icon={<IconLock aria-hidden />}
      role="status"
      data-testid="family-access-ended"
    >
      <Stack gap="sm">
        <Text>{t("ended.body")}</Text>
        <Group gap="md">
          <Anchor component={Link} to="/family/learn">
            {t("home.learnLink")}
          </Anchor>
          <Anchor component={Link} to="/family/resources">
            {t("home.resourcesLink")}
          </Anchor>
        </Group>
      </Stack>
    </Alert>
  );
}
