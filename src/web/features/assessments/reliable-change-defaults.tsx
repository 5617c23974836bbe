import { Badge, Group, Stack, Table, Text, Title } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { ClinicalCutoff } from "../../../core/assessments/reliable-change";
import type { ReliableChangeInstrumentSettings } from "../../../core/assessments/reliable-change-settings.schema";
import { ScrollTable } from "../admin/page-states";

/** A number in the reader's language, with at most `digits` decimals. */
export const formatNumber = (value: number, language: string, digits = 3) =>
  new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value);

function UnverifiedBadge({ verified }: { verified: boolean }) {
  const { t } = useTranslation("assessments");
  if (verified) return null;
  return (
    <Badge color="orange" variant="light" style={{ flexShrink: 0 }}>
      {t("reliableChange.unverified")}
    </Badge>
  );
}

function cutoffText(cutoff: ClinicalCutoff | null, t: TFunction, language: string) {
  return cutoff === null
    ? t("reliableChange.noCutoff")
    : `${formatNumber(cutoff.value, language)} (${t(`reliableChange.methods.${cutoff.method}`)})`;
}

/** The shipped default: each value with its source and verified mark, and the minimum change it gives. */
export function DefaultValues({
  instrument,
  title,
}: {
  instrument: ReliableChangeInstrumentSettings;
  title: string;
}) {
  const { t, i18n } = useTranslation("assessments");
  const language = i18n.language;
  const d = instrument.default;
  const values = d.status === "available" ? d.parameters : d.known;
  const rows: { key: string; label: string; value: string; source: string; verified: boolean | null }[] = [];
  if (values.reliability !== undefined)
    rows.push({
      key: "reliability",
      label: t("reliableChange.rows.reliability"),
      value: `${formatNumber(values.reliability, language)} (${t(`reliableChange.kinds.${values.reliabilityKind ?? "test_retest"}`)})`,
      source: values.reliabilitySource ?? "",
      verified: values.reliabilityVerified ?? false,
    });
  if (values.sd !== undefined)
    rows.push({
      key: "sd",
      label: t("reliableChange.rows.sd"),
      value: formatNumber(values.sd, language),
      source: values.sdSource ?? "",
      verified: values.sdVerified ?? false,
    });
  if (values.cutoff !== undefined)
    rows.push({
      key: "cutoff",
      label: t("reliableChange.rows.cutoff"),
      value: cutoffText(values.cutoff, t, language),
      source: values.cutoff?.source ?? "",
      verified: values.cutoff?.verified ?? null,
    });
  if (d.status === "available")
    rows.push({
      key: "minimum",
      label: t("reliableChange.rows.minimum"),
      value: t("reliableChange.points", { points: formatNumber(d.minimum.points, language) }),
      source: t("reliableChange.threshold", { threshold: formatNumber(d.minimum.threshold, language, 2) }),
      verified: null,
    });
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t("reliableChange.defaults")}
      </Title>
      {d.status === "not_applicable" && <Text size="sm">{d.reason}</Text>}
      {rows.length > 0 && (
        <ScrollTable label={t("reliableChange.defaultsTable", { title })} minWidth={640}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("reliableChange.columns.value")}</Table.Th>
              <Table.Th scope="col">{t("reliableChange.columns.default")}</Table.Th>
              <Table.Th scope="col">{t("reliableChange.columns.source")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key}>
                <Table.Th scope="row" fw={500}>
                  {row.label}
                </Table.Th>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{row.value}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <Text size="sm">{row.source}</Text>
                    {row.verified !== null && <UnverifiedBadge verified={row.verified} />}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </Stack>
  );
}
