import { Anchor, List, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { sectionShape, sectionsOf } from "../../../core/personal-plans/personal-plan.rules";
import type { PersonalPlanKind, PlanContact } from "../../../core/personal-plans/personal-plan.schema";
import type { OnCallLine } from "./api/get-on-call-line";
import { CrisisLines, telOf } from "./crisis-lines";

type Section = readonly unknown[];

/**
 * A plan to read: every section in order, numbers as tap-to-call links. Used for an earlier version,
 * the saved copy offline, and the printed page. `headingLevel` is the sections' level on the page.
 */
export function PlanReading({
  kind,
  content,
  onCall,
  headingLevel = 2,
  idPrefix = "",
}: {
  kind: PersonalPlanKind;
  content: object;
  /** The safety plan always lists the crisis lines; undefined for the recovery plan. */
  onCall?: OnCallLine | null;
  headingLevel?: 2 | 3 | 4;
  /** Keeps ids unique when a reading sits on a page that has the editor's anchors too. */
  idPrefix?: string;
}) {
  const { t } = useTranslation("personalPlans");
  const values = content as Record<string, Section>;
  return (
    <Stack gap="md">
      {sectionsOf(kind).map((section) => {
        const items = values[section] ?? [];
        const shape = sectionShape(section);
        return (
          <Stack gap={4} key={section} component="section" aria-labelledby={`${idPrefix}read-${section}`}>
            <Title order={headingLevel} size="h4" id={`${idPrefix}read-${section}`}>
              {t(`sections.${kind}.${section}`)}
            </Title>
            {items.length === 0 ? (
              <Text c="dimmed">{t("editor.empty")}</Text>
            ) : shape === "lines" ? (
              <List>
                {(items as string[]).map((line, i) => (
                  // Lines may repeat; their place is their identity in a read-only list.
                  // biome-ignore lint/suspicious/noArrayIndexKey: read-only list
                  <List.Item key={i}>{line}</List.Item>
                ))}
              </List>
            ) : shape === "contacts" ? (
              <List>
                {(items as PlanContact[]).map((c, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: read-only list
                  <List.Item key={i}>
                    <Text span fw={600}>
                      {c.name}
                    </Text>
                    {c.phone && (
                      <>
                        {" — "}
                        <Anchor href={telOf(c.phone)} aria-label={t("editor.call", { name: c.name })}>
                          {c.phone}
                        </Anchor>
                      </>
                    )}
                    {c.note && <Text size="sm">{c.note}</Text>}
                  </List.Item>
                ))}
              </List>
            ) : (
              <List>
                {(items as { situation: string; responses: string[] }[]).map((s, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: read-only list
                  <List.Item key={i}>
                    <Text fw={600}>{s.situation}</Text>
                    <List withPadding>
                      {s.responses.map((r, j) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: read-only list
                        <List.Item key={j}>{r}</List.Item>
                      ))}
                    </List>
                  </List.Item>
                ))}
              </List>
            )}
            {kind === "safety" && section === "professionals" && onCall !== undefined && (
              <CrisisLines onCall={onCall} headingLevel={(headingLevel + 1) as 3 | 4 | 5} />
            )}
          </Stack>
        );
      })}
    </Stack>
  );
}
