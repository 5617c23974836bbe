import { Table, VisuallyHidden } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * A table that scrolls sideways on a phone rather than squeezing its columns. The scrolling box is
 * a named region that takes keyboard focus, so it can be scrolled without a pointer (WCAG 2.1.1).
 */
export function ScrollRegionTable({
  label,
  minWidth,
  children,
}: {
  label: string;
  minWidth: number;
  children: ReactNode;
}) {
  return (
    <Table.ScrollContainer minWidth={minWidth} type="native" tabIndex={0} role="region" aria-label={label}>
      <Table striped highlightOnHover verticalSpacing="xs" captionSide="top">
        <Table.Caption>
          <VisuallyHidden>{label}</VisuallyHidden>
        </Table.Caption>
        {children}
      </Table>
    </Table.ScrollContainer>
  );
}
