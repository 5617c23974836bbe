import { Anchor, Title, Typography } from "@mantine/core";
import type { ComponentProps } from "react";
import Markdown, { type Components } from "react-markdown";

type HeadingProps = ComponentProps<"h1"> & { node?: unknown };

/** A markdown heading one level down: the page's own h1 is the site name, so "#" becomes h2. */
function heading(order: 2 | 3 | 4 | 5 | 6) {
  return function Heading({ node: _node, children, id }: HeadingProps) {
    return (
      <Title order={order} id={id}>
        {children}
      </Title>
    );
  };
}

const COMPONENTS: Components = {
  h1: heading(2),
  h2: heading(3),
  h3: heading(4),
  h4: heading(5),
  h5: heading(6),
  h6: heading(6),
  // Links open in the same tab, like any other link on the site.
  a: ({ node: _node, href, children }) => <Anchor href={href}>{children}</Anchor>,
};

/**
 * A site's program page as staff wrote it. Raw HTML is never rendered: react-markdown shows it as text,
 * and unsafe link targets (javascript:) are dropped by its URL filter. Used by the public page and the
 * staff editor's preview, so both show the same thing.
 */
export function ProgramPageMarkdown({ markdown }: { markdown: string }) {
  return (
    <Typography>
      <Markdown components={COMPONENTS}>{markdown}</Markdown>
    </Typography>
  );
}
