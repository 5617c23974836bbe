import { Anchor, List, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AftercarePlan } from "../../../core/aftercare/aftercare-plan-api.schema";
import { formatDate } from "../admin/format";
import type { AftercarePart } from "./part-editors";

/** One part of the plan in plain words, for reading on a phone or in the chart. */
export function PartReading({
  part,
  plan,
  safetyPlanHref,
}: {
  part: AftercarePart;
  plan: AftercarePlan;
  /** Where the participant opens their own safety plan (none in the chart). */
  safetyPlanHref?: string;
}) {
  const { t, i18n } = useTranslation("aftercare");
  const c = plan.content;
  const day = (d: string) => formatDate(d, i18n.language);
  const empty = <Text c="dimmed">{t("reading.empty")}</Text>;
  const join = (...parts: (string | null | undefined)[]) =>
    parts.filter((p) => p && p.trim() !== "").join(" · ");

  switch (part) {
    case "stepDown": {
      const s = c.stepDown;
      if (!s) return empty;
      return (
        <Stack gap={2}>
          <Text fw={600}>{t(`stepDownKinds.${s.kind}`)}</Text>
          {s.kind !== "none" && (
            <>
              {(s.providerName || s.clinicianName) && <Text>{join(s.providerName, s.clinicianName)}</Text>}
              {s.appointmentOn && (
                <Text>
                  {s.appointmentTime
                    ? t("reading.appointmentAt", { date: day(s.appointmentOn), time: s.appointmentTime })
                    : t("reading.appointment", { date: day(s.appointmentOn) })}{" "}
                  ({s.confirmed ? t("reading.confirmed") : t("reading.notConfirmed")})
                </Text>
              )}
              {s.address && <Text>{s.address}</Text>}
              {s.phone && <Anchor href={`tel:${s.phone.replace(/[^0-9+]/g, "")}`}>{s.phone}</Anchor>}
            </>
          )}
        </Stack>
      );
    }
    case "meetings":
      if (c.meetings.length === 0) return empty;
      return (
        <List>
          {c.meetings.map((m, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: positional list
            <List.Item key={i}>
              {join(
                m.name,
                t(`meetingKinds.${m.kind}`),
                m.weekday ? t(`weekdays.${m.weekday}`) : null,
                m.time,
                m.place,
              )}
            </List.Item>
          ))}
        </List>
      );
    case "housing": {
      const h = c.housing;
      if (!h) return empty;
      return (
        <Stack gap={2}>
          <Text fw={600}>{t(`housingKinds.${h.kind}`)}</Text>
          {(h.name || h.address) && <Text>{join(h.name, h.address)}</Text>}
          {h.notes && <Text>{h.notes}</Text>}
        </Stack>
      );
    }
    case "medication": {
      const m = c.medication;
      if (!m || (m.medications === "" && m.prescriberName === "" && !m.nextAppointmentOn)) return empty;
      return (
        <Stack gap={2}>
          {m.medications && <Text>{m.medications}</Text>}
          {m.prescriberName && (
            <Text>{t("reading.prescriber", { name: join(m.prescriberName, m.prescriberPhone) })}</Text>
          )}
          {m.nextAppointmentOn && (
            <Text>{t("reading.nextAppointment", { date: day(m.nextAppointmentOn) })}</Text>
          )}
        </Stack>
      );
    }
    case "supports":
      if (c.supports.length === 0) return empty;
      return (
        <List>
          {c.supports.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: positional list
            <List.Item key={i}>
              {join(p.name, p.relationship, p.sponsor ? t("reading.sponsor") : null)}
              {p.phone && (
                <>
                  {" · "}
                  <Anchor href={`tel:${p.phone.replace(/[^0-9+]/g, "")}`}>{p.phone}</Anchor>
                </>
              )}
            </List.Item>
          ))}
        </List>
      );
    case "crisis": {
      if (!c.includeSafetyPlan) return <Text>{t("reading.safetyPlanNotIncluded")}</Text>;
      const safety = plan.safetyPlan?.content;
      const lists: [string, string[]][] = safety
        ? [
            [t("reading.thingsICanDo"), safety.thingsICanDo],
            [t("reading.peopleToAsk"), safety.peopleToAsk.map((p) => join(p.name, p.phone))],
            [t("reading.professionals"), safety.professionals.map((p) => join(p.name, p.phone))],
          ]
        : [];
      const filled = lists.filter(([, items]) => items.length > 0);
      return (
        <Stack gap="xs">
          <Text>{filled.length > 0 ? t("reading.safetyPlanIncluded") : t("reading.safetyPlanEmpty")}</Text>
          {filled.map(([title, items]) => (
            <Stack key={title} gap={2}>
              <Text fw={600}>{title}</Text>
              <List>
                {items.map((item, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: positional list
                  <List.Item key={i}>{item}</List.Item>
                ))}
              </List>
            </Stack>
          ))}
          {safetyPlanHref && (
            <Anchor component={Link} to={safetyPlanHref}>
              {t("reading.safetyPlanLink")}
            </Anchor>
          )}
        </Stack>
      );
    }
    case "resources":
      if (c.resources.length === 0) return empty;
      return (
        <List>
          {c.resources.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: positional list
            <List.Item key={i}>{join(r.name, r.phone, r.url, r.notes)}</List.Item>
          ))}
        </List>
      );
    default:
      return c.goals ? <Text style={{ whiteSpace: "pre-wrap" }}>{c.goals}</Text> : empty;
  }
}
