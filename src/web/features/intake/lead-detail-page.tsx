import {
  Alert,
  Anchor,
  Badge,
  Card,
  Divider,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Timeline,
  Title,
} from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { LeadDetail } from "../../../core/admissions/leads.schema";
import { usePageTitle } from "../../app/use-page-title";
import { formatDate, formatDateTime } from "../admin/format";
import { LoadError, TableSkeleton } from "../admin/page-states";
import { useLead } from "./api/get-lead";
import { FollowUpSection } from "./follow-up-section";
import { LeadSections } from "./lead-sections";
import { StageSection } from "./stage-section";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0} style={{ whiteSpace: "pre-wrap" }}>
        {children || "—"}
      </Text>
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function ContactAndRequest({ lead }: { lead: LeadDetail }) {
  const { t, i18n } = useTranslation("intake");
  return (
    <SimpleGrid cols={{ base: 1, md: lead.kind === "referral" ? 3 : 2 }} spacing="md">
      <Section id="lead-contact" title={t("lead.contact.title")}>
        <Stack gap="xs" component="dl" m={0}>
          <Fact label={t("lead.contact.forWhom")}>{t(`forWhom.${lead.forWhom}`)}</Fact>
          {lead.contactName && <Fact label={t("lead.contact.contactName")}>{lead.contactName}</Fact>}
          <Fact label={t("lead.contact.contactMethod")}>{t(`contactMethods.${lead.contactMethod}`)}</Fact>
          <Fact label={t("lead.contact.phone")}>
            {lead.phone && <Anchor href={`tel:${lead.phone}`}>{lead.phone}</Anchor>}
          </Fact>
          <Fact label={t("lead.contact.email")}>
            {lead.email && <Anchor href={`mailto:${lead.email}`}>{lead.email}</Anchor>}
          </Fact>
          <Fact label={t("lead.contact.bestTime")}>{t(`bestTimes.${lead.bestTime}`)}</Fact>
          <Fact label={t("lead.contact.site")}>{lead.site.name}</Fact>
        </Stack>
      </Section>
      <Section id="lead-request" title={t("lead.request.title")}>
        <Stack gap="xs" component="dl" m={0}>
          <Fact label={t("lead.request.lookingFor")}>{lead.lookingFor || t("lead.request.nothing")}</Fact>
          <Fact label={t("lead.request.selfCheck")}>
            {t(`selfCheck.${lead.selfCheckOutcome ?? "none"}`, { defaultValue: lead.selfCheckOutcome ?? "" })}
          </Fact>
        </Stack>
      </Section>
      {lead.kind === "referral" && (
        <Section id="lead-handoff" title={t("lead.handoff.title")}>
          <Stack gap="xs" component="dl" m={0}>
            <Fact label={t("lead.handoff.source")}>
              {lead.referralSource ? t(`sources.${lead.referralSource}`) : ""}
            </Fact>
            <Fact label={t("lead.handoff.organisation")}>{lead.referringOrganisation}</Fact>
            <Fact label={t("lead.handoff.contact")}>{lead.referringContact}</Fact>
            <Fact label={t("lead.handoff.lastLevel")}>{lead.lastLevelOfCare}</Fact>
            <Fact label={t("lead.handoff.discharged")}>
              {lead.lastDischargedOn ? formatDate(lead.lastDischargedOn, i18n.language) : ""}
            </Fact>
            <Fact label={t("lead.handoff.summary")}>{lead.handoffSummary}</Fact>
          </Stack>
        </Section>
      )}
    </SimpleGrid>
  );
}

function History({ lead }: { lead: LeadDetail }) {
  const { t, i18n } = useTranslation("intake");
  return (
    <Section id="lead-history" title={t("lead.history.title")}>
      <Timeline bulletSize={14} lineWidth={2} active={lead.history.length}>
        {lead.history.map((entry) => (
          <Timeline.Item
            key={`${entry.at}-${entry.to}`}
            title={
              entry.from
                ? t("lead.history.moved", { from: t(`stages.${entry.from}`), to: t(`stages.${entry.to}`) })
                : t("lead.history.created", { stage: t(`stages.${entry.to}`) })
            }
          >
            <Text size="xs" c="dimmed">
              <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.language)}</time>
              {entry.by ? ` · ${t("lead.history.by", { name: entry.by })}` : ""}
            </Text>
            {entry.note && (
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                {entry.note}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
    </Section>
  );
}

/** One lead: contact, request, handoff, stage moves, follow-up, history, screening and admission. */
export function LeadDetailPage() {
  const { id = "" } = useParams();
  const { t, i18n } = useTranslation("intake");
  const lead = useLead(id);
  usePageTitle(lead.data?.personName ?? t("pipeline.title"));

  return (
    <Stack maw={1200}>
      <Anchor component={Link} to=".." relative="path" size="sm">
        {t("lead.back")}
      </Anchor>
      {lead.isPending && <TableSkeleton rows={6} />}
      {lead.isError && <LoadError error={lead.error} onRetry={() => void lead.refetch()} />}
      {lead.data && (
        <>
          <Stack gap={4}>
            <Group gap="sm" align="center">
              <Title order={1}>{lead.data.personName}</Title>
              <Badge variant="light">{t(`stages.${lead.data.stage}`)}</Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {t("lead.reference", { reference: lead.data.reference })} ·{" "}
              {lead.data.kind === "referral" && lead.data.referralSource
                ? t("pipeline.card.referralFrom", { source: t(`sources.${lead.data.referralSource}`) })
                : t(`kinds.${lead.data.kind}`)}{" "}
              · {t("lead.received", { date: formatDateTime(lead.data.createdAt, i18n.language) })}
            </Text>
            {lead.data.daysToAdmission !== null && (
              <Text size="sm">
                {t("lead.timeToAdmission")}: {t("common.days", { count: lead.data.daysToAdmission })}
              </Text>
            )}
          </Stack>
          {(lead.data.notAdmittedReason || lead.data.referredTo) && (
            <Alert variant="light" color="gray">
              {lead.data.notAdmittedReason &&
                `${t("lead.closed.reason")}: ${t(`notAdmittedReasons.${lead.data.notAdmittedReason}`)}`}
              {lead.data.referredTo && `${t("lead.closed.referredTo")}: ${lead.data.referredTo}`}
            </Alert>
          )}
          <ContactAndRequest lead={lead.data} />
          <Card withBorder>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
              <StageSection key={`${lead.data.id}-${lead.data.stage}`} lead={lead.data} />
              <FollowUpSection key={`${lead.data.id}-${lead.data.stageChangedAt}`} lead={lead.data} />
            </SimpleGrid>
          </Card>
          <LeadSections lead={lead.data} />
          <Divider />
          <History lead={lead.data} />
        </>
      )}
    </Stack>
  );
}
