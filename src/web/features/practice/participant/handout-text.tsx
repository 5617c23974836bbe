import { List, Stack, Text } from "@mantine/core";
import { handoutBlocks } from "./handout-blocks";

/** A handout rendered as plain paragraphs and bulleted lists, at a comfortable reading size. */
export function HandoutText({ text }: { text: string }) {
  return (
    <Stack gap="sm">
      {handoutBlocks(text).map((block, index) =>
        block.kind === "paragraph" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks of a fixed text, never reordered
          <Text key={index} size="md" lh={1.6}>
            {block.text}
          </Text>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks of a fixed text, never reordered
          <List key={index} spacing={4} size="md">
            {block.items.map((item, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: items of a fixed text, never reordered
              <List.Item key={i}>{item}</List.Item>
            ))}
          </List>
        ),
      )}
    </Stack>
  );
}
