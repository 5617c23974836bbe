import { Group, Skeleton, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { usePageTitle } from "../../app/use-page-title";
import { LoadError } from "../admin/page-states";
import { useResponseRates } from "./api/get-response-rates";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `/staff/follow-ups` (alumni.manage): follow-up response rates per wave, by due date. */
export function ResponseRatesPage() {
  const { t, i18n } = useTranslation("followUps");
  usePageTitle(t("rates.title"));
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const filter = { from: DATE.test(from) ? from : null, to: DATE.test(to) ? to : null };
  const rates = useResponseRates(filter);
  const percent = new Intl.NumberFormat(i18n.language, { style: "percent", maximumFractionDigits: 0 });
  return (
    <Stack>
      <Title order={1}>{t("rates.title")}</Title>
      <Text>{t("rates.intro")}</Text>
      <Group>
        <TextInput
          type="date"
          label={t("rates.from")}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t("rates.to")}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
      </Group>
      {rates.isPending && <Skeleton h={160} />}
      {rates.isError && (
        <LoadError error={rates.error} title={t("rates.loadError")} onRetry={() => void rates.refetch()} />
      )}
      {rates.data && (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Caption>{t("rates.caption")}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("rates.wave")}</Table.Th>
                <Table.Th scope="col">{t("rates.sent")}</Table.Th>
                <Table.Th scope="col">{t("rates.completed")}</Table.Th>
                <Table.Th scope="col">{t("rates.awaiting")}</Table.Th>
                <Table.Th scope="col">{t("rates.expired")}</Table.Th>
                <Table.Th scope="col">{t("rates.cancelled")}</Table.Th>
                <Table.Th scope="col">{t("rates.scheduled")}</Table.Th>
                <Table.Th scope="col">{t("rates.rate")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rates.data.waves.map((w) => (
                <Table.Tr key={w.wave}>
                  <Table.Th scope="row">{t("rates.waveName", { wave: w.wave })}</Table.Th>
                  <Table.Td>{w.sent}</Table.Td>
                  <Table.Td>{w.completed}</Table.Td>
                  <Table.Td>{w.awaiting}</Table.Td>
                  <Table.Td>{w.expired}</Table.Td>
                  <Table.Td>{w.cancelled}</Table.Td>
                  <Table.Td>{w.scheduled}</Table.Td>
                  <Table.Td>{w.rate === null ? t("rates.noRate") : percent.format(w.rate)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
