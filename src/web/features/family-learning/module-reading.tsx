import { List, Stack, Text, Title } from "@mantine/core";
import type { FamilyModuleContent } from "../../../core/family-learning/module-content";

/** A module's sections as headings, paragraphs and short lists, for reading on a phone or on paper. */
export function ModuleReading({ content }: { content: FamilyModuleContent }) {
  return (
    <Stack gap="lg">
      {content.sections.map((section) => (
        <Stack key={section.heading} gap="xs" component="section">
          <Title order={2} size="h3">
            {section.heading}
          </Title>
          {section.paragraphs.map((paragraph) => (
            <Text key={paragraph} style={{ lineHeight: 1.6 }}>
              {paragraph}
            </Text>
          ))}
          {section.points && (
            <List spacing="xs" style={{ lineHeight: 1.5 }}>
              {section.points.map((point) => (
                <List.Item key={point}>{point}</List.Item>
              ))}
            </List>
          )}
        </Stack>
      ))}
    </Stack>
  );
}
