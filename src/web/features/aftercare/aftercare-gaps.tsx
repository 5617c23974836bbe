import { Badge, List, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { AftercarePlan } from "../../../core/aftercare/aftercare-plan-api.schema";

/** What the plan still lacks, in the reader's language: what blocks signing first, then advice. */
export function AftercareGaps({
  gaps,
  title,
  headingOrder,
}: {
  gaps: AftercarePlan["gaps"];
  title: string;
  headingOrder: 2 | 3 | 4;
}) {
  const { t } = useTranslation("aftercare");
  const all = [
    ...gaps.blocking.map((g) => ({ ...g, blocking: true })),
    ...gaps.advisory.map((g) => ({ ...g, blocking: false })),
  ];
  return (
    <Stack gap="xs">
      <Title order={headingOrder} size="h4">
        {title}
      </Title>
      {all.length === 0 ? (
        <Text>{t("gaps.none")}</Text>
      ) : (
        <List spacing={4}>
          {all.map((gap) => (
            <List.Item key={gap.code}>
              {t(`gaps.${gap.code}`)}{" "}
              {gap.blocking && (
                <Badge color="red" variant="light">
                  {t("gaps.required")}
                </Badge>
              )}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
