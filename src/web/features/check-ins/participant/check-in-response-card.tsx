import { Button, Card, Group, List, Stack, Text, Title } from "@mantine/core";
import { IconChevronRight, IconCircleCheck, IconRefresh } from "@tabler/icons-react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CheckInResult } from "../../../../core/check-ins/check-in.schema";
import { CrisisCard } from "../../../app/crisis";

const PLAN_PATHS = { recovery: "/me/recovery-plan", safety: "/me/safety-plan" } as const;

/**
 * What the person reads once their check-in is in: "Sent", crisis help first when an answer calls for
 * it, then warm words for what they told us, the part of their own plan to open, skills to try, and
 * the way to check in again later.
 */
export function CheckInResponseCard({ result, onAgain }: { result: CheckInResult; onAgain: () => void }) {
  const { t } = useTranslation("checkIns");
  const heading = useRef<HTMLHeadingElement>(null);
  const { response, checkIn, streak } = result;
  // The form is gone: start reading here (focusing the heading also scrolls it into view).
  useEffect(() => heading.current?.focus(), []);
  const plan = response.planSection;
  return (
    <Stack>
      <Group gap="xs" role="status">
        <IconCircleCheck size={24} aria-hidden color="var(--mantine-color-teal-7)" />
        <Text fw={700} size="lg">
          {t("response.sent")}
        </Text>
      </Group>
      <Title order={2} ref={heading} tabIndex={-1}>
        {t(`response.kinds.${response.kind}.title`)}
      </Title>
      {response.crisis && <CrisisCard />}
      <Text>{t(`response.kinds.${response.kind}.body`)}</Text>
      {response.kind === "steady" && checkIn.wentWell !== "" && (
        <Text fs="italic">{t("response.wentWell", { text: checkIn.wentWell })}</Text>
      )}
      {plan && (
        <Card withBorder padding="md">
          <Stack gap="sm">
            {plan.items.length > 0 && (
              <>
                <Text fw={600}>{t(`response.fromPlan.${plan.plan}`)}</Text>
                <List spacing={4}>
                  {plan.items.map((item) => (
                    <List.Item key={item}>{item}</List.Item>
                  ))}
                </List>
              </>
            )}
            <Button
              component={Link}
              to={`${PLAN_PATHS[plan.plan]}#${encodeURIComponent(plan.section)}`}
              size="lg"
              variant="light"
              fullWidth
              rightSection={<IconChevronRight size={20} aria-hidden />}
            >
              {t(`response.openPlan.${plan.plan}`)}
            </Button>
          </Stack>
        </Card>
      )}
      {response.skills.length > 0 && (
        <Stack gap={4}>
          <Text fw={600}>{t("response.skills")}</Text>
          <List spacing={4}>
            {response.skills.map((skill) => (
              <List.Item key={skill.key}>{skill.name}</List.Item>
            ))}
          </List>
        </Stack>
      )}
      {response.counselorTold && <Text fw={600}>{t("response.counselorTold")}</Text>}
      {streak > 0 && <Text>{t("response.streak", { count: streak })}</Text>}
      <Card withBorder padding="md" component="section" aria-labelledby="check-in-again-title">
        <Title order={2} size="h4" id="check-in-again-title">
          {t("response.againTitle")}
        </Title>
        <Text mt={4}>{t("response.againBody")}</Text>
        <Button
          mt="sm"
          size="lg"
          variant="default"
          fullWidth
          onClick={onAgain}
          leftSection={<IconRefresh size={20} aria-hidden />}
        >
          {t("response.again")}
        </Button>
      </Card>
    </Stack>
  );
}
