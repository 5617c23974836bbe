import { Anchor, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { IconMessage, IconPhone } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePageTitle } from "../../app/use-page-title";
import { learnPath, useFamilyContent } from "./family-content";

/** Crisis lines, helplines and family support groups, with tap-to-call (and text for 988). */
export function FamilyResourcesPage() {
  const { t } = useTranslation("familyLearning");
  usePageTitle(t("resources.title"));
  const { resources } = useFamilyContent();
  return (
    <Stack>
      <Title order={1}>{t("resources.title")}</Title>
      <Text>{t("resources.intro")}</Text>
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
        {resources.map((resource) => (
          <Card
            key={resource.key}
            component="li"
            withBorder
            padding="md"
            aria-labelledby={`resource-${resource.key}`}
          >
            <Stack gap="xs">
              <Title order={2} size="h4" id={`resource-${resource.key}`}>
                {resource.name}
              </Title>
              <Text size="sm">{resource.description}</Text>
              {resource.phone ? (
                <Group gap="sm">
                  <Button
                    component="a"
                    href={`tel:${resource.phone.dial}`}
                    leftSection={<IconPhone size={18} aria-hidden />}
                    color={
                      resource.key === "crisis-988" || resource.key === "emergency-911" ? "red" : undefined
                    }
                  >
                    {t("resources.call", { number: resource.phone.display })}
                  </Button>
                  {resource.phone.text && (
                    <Button
                      component="a"
                      href={`sms:${resource.phone.dial}`}
                      variant="outline"
                      color="red"
                      leftSection={<IconMessage size={18} aria-hidden />}
                    >
                      {t("resources.text", { number: resource.phone.display })}
                    </Button>
                  )}
                </Group>
              ) : (
                resource.key !== "naloxone" && (
                  <Text size="sm" c="dimmed">
                    {t("resources.noPhone")}
                  </Text>
                )
              )}
            </Stack>
          </Card>
        ))}
      </Stack>
      <Anchor component={Link} to={learnPath()}>
        {t("resources.learnMore")}
      </Anchor>
    </Stack>
  );
}
