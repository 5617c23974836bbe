import { Anchor, Card, List, Text, Title } from "@mantine/core";
import { IconCircleCheck } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { FieldError } from "../../../core/platform/errors";
import { fieldId } from "./plan-fields";

/** Focus the control of a field path, or the nearest enclosing one that is on the page. */
export function focusField(path: string): void {
  const parts = path.split(".");
  for (let n = parts.length; n > 0; n -= 1) {
    const element = document.getElementById(fieldId(parts.slice(0, n).join(".")));
    if (element) {
      element.scrollIntoView?.({ block: "center" });
      element.focus();
      return;
    }
  }
}

/** What signing still needs, live as the plan is written; each item takes the reader to its field. */
export function SigningChecklist({ missing }: { missing: readonly FieldError[] }) {
  const { t } = useTranslation("treatmentPlans");
  return (
    <Card withBorder padding="sm" component="section" aria-labelledby="plan-checklist-title">
      <Title order={2} size="h6" id="plan-checklist-title" mb="xs">
        {t("editor.checklistTitle")}
      </Title>
      {missing.length === 0 ? (
        <Text size="sm">
          <IconCircleCheck
            size={16}
            aria-hidden
            color="var(--mantine-color-green-light-color)"
            style={{ verticalAlign: "text-bottom" }}
          />{" "}
          {t("editor.checklistDone")}
        </Text>
      ) : (
        <List size="sm" spacing={4}>
          {missing.map((item) => (
            <List.Item key={`${item.path}:${item.message}`}>
              <Anchor
                component="button"
                type="button"
                size="sm"
                onClick={() => focusField(item.path)}
                ta="left"
              >
                {item.message}
              </Anchor>
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}
