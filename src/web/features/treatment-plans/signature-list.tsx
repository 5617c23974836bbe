import { List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Signature } from "../../../core/treatment-plans/plan-api.schema";
import { formatDateTime } from "../admin/format";

/** Who signed, as what, when, how they confirmed it, and on which device. */
export function SignatureList({
  signatures,
  labelId,
}: {
  signatures: readonly Signature[];
  labelId: string;
}) {
  const { t, i18n } = useTranslation("treatmentPlans");
  if (signatures.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t("signatures.none")}
      </Text>
    );
  return (
    <List size="sm" aria-labelledby={labelId}>
      {signatures.map((s) => (
        <List.Item key={`${s.role}:${s.signer.id}:${s.signedAt}`}>
          {t("signatures.entry", {
            role: t(`roles.${s.role}`),
            name: s.signer.displayName,
            when: formatDateTime(s.signedAt, i18n.language),
          })}
          {" · "}
          {t("signatures.method", { method: t(`methods.${s.method}`, { name: s.typedName ?? "" }) })}
          {s.device && ` · ${t("signatures.device", { device: s.device })}`}
        </List.Item>
      ))}
    </List>
  );
}
