import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import {
  type AdmissionInput,
  admissionInputSchema,
  checkAdmission,
  MAX_ADMISSION_CARE_TEAM,
  type PossibleDuplicate,
  possibleDuplicateSchema,
} from "../../../core/admissions/admission.schema";
import { REQUIRED_OFFERED_LEVEL } from "../../../core/admissions/admission-settings.schema";
import type { LeadDetail } from "../../../core/admissions/leads.schema";
import { LOCALES } from "../../../core/identity/identity.schema";
import { ApiError } from "../../app/api-client";
import { withFieldsetFocus } from "../admissions/choice-fieldset";
import { focusFirstError, showServerFieldErrors } from "../identity/form-errors";
import { useSiteStaff } from "../participants/api/get-site-staff";
import { levelLabel } from "../participants/level-label";
import { AdmissionCareTeam, type CareTeamRow } from "./admission-care-team";
import { useAdmitLead } from "./api/admit-lead";
import { useAdmissionSettings } from "./api/get-admission-settings";
import { DiagnosisPicker, type PickedDiagnosis } from "./diagnosis-picker";
import { useIntakeErrorText, useRequestErrorText } from "./intake-errors";

export interface AdmissionValues {
  legalGivenName: string;
  legalFamilyName: string;
  preferredName: string;
  pronouns: string;
  bornOn: string;
  preferredLanguage: string;
  phone: string;
  email: string;
  address: string;
  emergencyContactName: string;
  emergencyContactPhone: string;
  insurancePayer: string;
  insuranceMemberId: string;
  admittedOn: string;
  levelOfCare: string;
  primaryCounselorId: string;
  careTeam: CareTeamRow[];
  diagnoses: PickedDiagnosis[];
}
const ADMISSION_FIELDS = [
  "legalGivenName",
  "legalFamilyName",
  "preferredName",
  "pronouns",
  "bornOn",
  "preferredLanguage",
  "phone",
  "email",
  "address",
  "emergencyContactName",
  "emergencyContactPhone",
  "insurancePayer",
  "insuranceMemberId",
  "admittedOn",
  "levelOfCare",
  "primaryCounselorId",
  "careTeam",
  "diagnoses",
] as const;

/** The server names a care-team row's field ("careTeam.1.userId"); the form shows it on the section. */
const CARE_TEAM_PATHS = Object.fromEntries(
  Array.from({ length: MAX_ADMISSION_CARE_TEAM }, (_, i) =>
    ["userId", "role"].map((field) => [`careTeam.${i}.${field}`, "careTeam"]),
  ).flat(),
);

/** A calendar date (YYYY-MM-DD) in the device's time zone. */
export function localDate(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

export const toAdmissionInput = (
  values: AdmissionValues,
  confirmNotDuplicate: boolean,
  readmitParticipantId: string | null = null,
) => ({
  ...values,
  preferredLanguage: values.preferredLanguage as AdmissionInput["preferredLanguage"],
  trackId: null,
  diagnoses: values.diagnoses.map((d) => ({ code: d.code, primary: d.primary })),
  confirmNotDuplicate,
  readmitParticipantId,
});

const TEXT_KEYS: Record<string, string> = {
  legalGivenName: "errors.legalGivenNameRequired",
  legalFamilyName: "errors.legalFamilyNameRequired",
  bornOn: "errors.dateInvalid",
  admittedOn: "errors.dateInvalid",
  primaryCounselorId: "errors.counselorRequired",
  levelOfCare: "errors.levelRequired",
  email: "errors.emailInvalid",
};

/** The server's schema and checks: dictionary keys where we have them, else the check's own message. */
export function validateAdmission(
  values: AdmissionValues,
  context: { today: string; firstContactOn: string; levels: readonly string[] },
): Record<string, string> {
  const parsed = admissionInputSchema.safeParse(toAdmissionInput(values, false));
  const errors: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "");
      if (errors[field]) continue;
      if (field === "diagnoses") errors.diagnoses = "errors.diagnosesRequired";
      else if (field === "careTeam") errors.careTeam = "errors.careTeamIncomplete";
      else {
        const blank =
          typeof values[field as keyof AdmissionValues] === "string" &&
          values[field as keyof AdmissionValues] === "";
        errors[field] =
          TEXT_KEYS[field] &&
          (blank || field.endsWith("On") || field === "email" || field === "primaryCounselorId")
            ? (TEXT_KEYS[field] as string)
            : "errors.tooLong";
      }
    }
    return errors;
  }
  for (const problem of checkAdmission(parsed.data, context)) {
    const field = problem.path.split(".")[0] ?? "";
    if (errors[field]) continue;
    if (field === "careTeam") errors.careTeam = "errors.careTeamRepeated";
    else if (field === "diagnoses" && problem.path === "diagnoses")
      errors.diagnoses = problem.message.includes("substance-use")
        ? "errors.primarySubstanceUse"
        : "errors.primaryRequired";
    else if (problem.message.includes("future")) errors[field] = "errors.futureDate";
    else errors[field] = problem.message;
  }
  return errors;
}

/** Admit in one sitting: the person, the episode, the care team and the diagnoses. */
export function AdmissionForm({ lead }: { lead: LeadDetail }) {
  const { t } = useTranslation("intake");
  const { t: tRoot } = useTranslation();
  const errorText = useIntakeErrorText();
  const requestErrorText = useRequestErrorText();
  const navigate = useNavigate();
  const staff = useSiteStaff(lead.site.id);
  const admit = useAdmitLead();
  const [formError, setFormError] = useState<unknown>(null);
  const [duplicate, setDuplicate] = useState<{ message: string; matches: PossibleDuplicate[] } | null>(null);
  const [confirmNotDuplicate, setConfirmNotDuplicate] = useState(false);
  const [readmit, setReadmit] = useState<PossibleDuplicate | null>(null);
  const [today] = useState(() => localDate(new Date()));
  const provided = lead.screening?.providedLevel;
  // Until the program's settings arrive, only intensive outpatient, which every program offers.
  const offered = useAdmissionSettings().data?.offeredLevels ?? [REQUIRED_OFFERED_LEVEL];
  const levels = provided && !offered.includes(provided) ? [provided, ...offered] : offered;
  const [given = "", ...family] = lead.personName.trim().split(/\s+/);
  const form = useForm<AdmissionValues>({
    mode: "controlled",
    name: `admission-${lead.id}`,
    initialValues: {
      legalGivenName: given,
      legalFamilyName: family.join(" "),
      preferredName: "",
      pronouns: "",
      bornOn: "",
      preferredLanguage: "en",
      phone: lead.phone,
      email: lead.email,
      address: "",
      emergencyContactName: "",
      emergencyContactPhone: "",
      insurancePayer: "",
      insuranceMemberId: "",
      admittedOn: today,
      levelOfCare: provided ?? "2.1",
      primaryCounselorId: "",
      careTeam: [],
      diagnoses: [],
    },
    validate: (values) =>
      // The screening's level stays visible in the list, but only a level offered here can be chosen.
      validateAdmission(values, {
        today,
        firstContactOn: localDate(new Date(lead.createdAt)),
        levels: offered,
      }),
  });
  const focusable = withFieldsetFocus(form);
  const counselors = (staff.data?.staff ?? []).filter((s) => s.roles.includes("counselor"));
  const others = (staff.data?.staff ?? []).filter((s) => !s.roles.includes("counselor"));

  const submit = form.onSubmit(
    (values) => {
      setFormError(null);
      // mutateAsync, not mutate with callbacks: a successful admission updates the lead in the cache,
      // which replaces this form, and per-call callbacks do not run once their component is gone.
      admit
        .mutateAsync({
          id: lead.id,
          ...admissionInputSchema.parse(
            toAdmissionInput(values, confirmNotDuplicate, readmit?.participantId ?? null),
          ),
        })
        .then(
          (result) => {
            notifications.show({
              color: "green",
              message: t(readmit ? "admission.readmitted" : "admission.admitted", {
                name: `${values.legalGivenName} ${values.legalFamilyName}`.trim(),
              }),
            });
            const placement = result.trackPlacement;
            if (placement?.status === "waitlisted") {
              notifications.show({
                color: "yellow",
                title: t("admission.waitlistedTitle"),
                message: [
                  t("admission.waitlisted", { position: placement.waitlistPosition ?? 1 }),
                  placement.note ?? "",
                ]
                  .join(" ")
                  .trim(),
              });
            }
            // 42 CFR 2.22: the Patient Notice is due at admission; prompt, never block.
            notifications.show({
              color: "blue",
              autoClose: false,
              message: t("privacy:admission.prompt", {
                name: `${values.legalGivenName} ${values.legalFamilyName}`.trim(),
              }),
            });
            void navigate(`/staff/participants/${result.participantId}?tab=consents`);
          },
          (error: unknown) => {
            if (error instanceof ApiError && error.code === "ADMISSIONS_POSSIBLE_DUPLICATE") {
              const matches = possibleDuplicateSchema.array().safeParse(error.detail.duplicates);
              setDuplicate({ message: error.message, matches: matches.success ? matches.data : [] });
              setConfirmNotDuplicate(false);
              setReadmit(null);
              return;
            }
            if (!showServerFieldErrors(focusable, error, ADMISSION_FIELDS, { rename: CARE_TEAM_PATHS }))
              setFormError(error);
          },
        );
    },
    (errors) => focusFirstError(focusable, ADMISSION_FIELDS, errors),
  );
  const input = (field: Exclude<(typeof ADMISSION_FIELDS)[number], "diagnoses" | "careTeam">) => ({
    ...form.getInputProps(field),
    error: errorText(form.errors[field]),
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t("admission.title")}>
      <Stack gap="md">
        {formError ? (
          <Alert color="red" variant="light" role="alert">
            {requestErrorText(formError)}
          </Alert>
        ) : null}
        <Fieldset legend={t("admission.personTitle")}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t("admission.legalGivenName")}
              required
              autoComplete="off"
              {...input("legalGivenName")}
            />
            <TextInput
              label={t("admission.legalFamilyName")}
              required
              autoComplete="off"
              {...input("legalFamilyName")}
            />
            <TextInput label={t("admission.preferredName")} autoComplete="off" {...input("preferredName")} />
            <TextInput label={t("admission.pronouns")} autoComplete="off" {...input("pronouns")} />
            <TextInput type="date" label={t("admission.bornOn")} required {...input("bornOn")} />
            <NativeSelect
              label={t("admission.preferredLanguage")}
              data={LOCALES.map((l) => ({ value: l, label: t(`admission.languages.${l}`) }))}
              {...input("preferredLanguage")}
            />
            <TextInput type="tel" label={t("admission.phone")} autoComplete="off" {...input("phone")} />
            <TextInput
              type="email"
              label={t("admission.email")}
              spellCheck={false}
              autoComplete="off"
              {...input("email")}
            />
            <TextInput label={t("admission.address")} autoComplete="off" {...input("address")} />
            <TextInput
              label={t("admission.emergencyContactName")}
              autoComplete="off"
              {...input("emergencyContactName")}
            />
            <TextInput
              type="tel"
              label={t("admission.emergencyContactPhone")}
              autoComplete="off"
              {...input("emergencyContactPhone")}
            />
            <TextInput
              label={t("admission.insurancePayer")}
              autoComplete="off"
              {...input("insurancePayer")}
            />
            <TextInput
              label={t("admission.insuranceMemberId")}
              autoComplete="off"
              {...input("insuranceMemberId")}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t("admission.episodeTitle")}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput type="date" label={t("admission.admittedOn")} required {...input("admittedOn")} />
            <NativeSelect
              label={t("admission.levelOfCare")}
              required
              data={levels.map((code) => ({ value: code, label: levelLabel(code, tRoot) }))}
              {...input("levelOfCare")}
            />
            <NativeSelect
              label={t("admission.primaryCounselor")}
              required
              data={[
                { value: "", label: t("admission.chooseCounselor") },
                ...counselors.map((s) => ({ value: s.id, label: s.displayName })),
                ...(others.length > 0
                  ? [
                      {
                        group: t("admission.otherStaff"),
                        items: others.map((s) => ({ value: s.id, label: s.displayName })),
                      },
                    ]
                  : []),
              ]}
              {...input("primaryCounselorId")}
            />
          </SimpleGrid>
        </Fieldset>
        <AdmissionCareTeam
          value={form.values.careTeam}
          onChange={(next) => {
            form.setFieldValue("careTeam", next);
            form.clearFieldError("careTeam");
          }}
          staff={staff.data?.staff ?? []}
          primaryCounselorId={form.values.primaryCounselorId}
          dataPath={`admission-${lead.id}-careTeam`}
          error={errorText(form.errors.careTeam)}
        />
        <DiagnosisPicker
          name={`diagnoses-${lead.id}`}
          dataPath={`admission-${lead.id}-diagnoses`}
          value={form.values.diagnoses}
          onChange={(next) => {
            form.setFieldValue("diagnoses", next);
            form.clearFieldError("diagnoses");
          }}
          error={errorText(form.errors.diagnoses)}
        />
        {readmit ? (
          <Alert color="blue" variant="light" role="status" title={t("admission.readmitTitle")}>
            <Stack gap="sm" align="flex-start">
              {t("admission.readmitBody", { name: readmit.name })}
              <Button variant="default" size="xs" onClick={() => setReadmit(null)}>
                {t("admission.readmitCancel")}
              </Button>
            </Stack>
          </Alert>
        ) : (
          duplicate !== null && (
            <Alert color="orange" variant="light" role="alert" title={t("admission.duplicateTitle")}>
              <Stack gap="sm">
                {duplicate.message}
                {duplicate.matches.length > 0 && (
                  <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
                    {duplicate.matches.map((match) => (
                      <DuplicateMatch
                        key={match.participantId}
                        match={match}
                        onReadmit={() => {
                          setReadmit(match);
                          setConfirmNotDuplicate(false);
                        }}
                      />
                    ))}
                  </Stack>
                )}
                <Checkbox
                  label={t("admission.confirmNotDuplicate")}
                  checked={confirmNotDuplicate}
                  onChange={(e) => setConfirmNotDuplicate(e.currentTarget.checked)}
                />
              </Stack>
            </Alert>
          )
        )}
        <Group>
          <Button type="submit" loading={admit.isPending}>
            {readmit ? t("admission.readmitSubmit", { name: readmit.name }) : t("admission.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** One person already in Bridgeway: in the program now (open their record) or readmittable. */
function DuplicateMatch({ match, onReadmit }: { match: PossibleDuplicate; onReadmit: () => void }) {
  const { t } = useTranslation("intake");
  return (
    <Paper component="li" withBorder p="sm" radius="sm">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <div>
          <Text fw={600}>{match.name}</Text>
          <Text size="sm">{t("admission.match.facts", { bornOn: match.bornOn, site: match.siteName })}</Text>
          <Text size="sm">
            {match.openSince
              ? t("admission.match.inProgram", { since: match.openSince })
              : match.lastDischargedOn
                ? t("admission.match.discharged", { on: match.lastDischargedOn, count: match.episodes })
                : t("admission.match.noEpisode")}
          </Text>
        </div>
        {match.openSince ? (
          <Anchor component={Link} to={`/staff/participants/${match.participantId}`}>
            {t("admission.openRecord")}
          </Anchor>
        ) : match.sameSite ? (
          <Button variant="light" size="xs" onClick={onReadmit}>
            {t("admission.match.readmit", { name: match.name })}
          </Button>
        ) : (
          <Text size="sm" c="dimmed">
            {t("admission.match.otherSite")}
          </Text>
        )}
      </Group>
    </Paper>
  );
}
