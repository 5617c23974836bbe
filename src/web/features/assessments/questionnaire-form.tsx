import {
  Alert,
  Box,
  Button,
  Fieldset,
  Group,
  Kbd,
  NumberInput,
  Progress,
  Radio,
  type RadioProps,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import type { TFunction } from "i18next";
import {
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";
import { useTranslation } from "react-i18next";
import type { AdministrationMode } from "../../../core/assessments/assessments.schema";
import type { AnswerValue } from "../../../core/assessments/instrument";
import {
  localized,
  ordinalOf,
  type Questionnaire,
  type QuestionnaireItem,
} from "../../../core/assessments/questionnaire";
import {
  type AnswerMap,
  type AnswerProblem,
  checkFormAnswers,
  deriveShownLinkIds,
  integerRangeOf,
  isQuestion,
  keepShownAnswers,
  questionsOf,
} from "../../../core/assessments/questionnaire-form.rules";
import type { Language } from "../../i18n";

export interface QuestionnaireFormProps {
  questionnaire: Questionnaire;
  /** The language the questionnaire is given in (question and answer text). */
  language: Language;
  /** `staff`: compact, with digit and Y/N keys; `self`: the participant's own, large touch targets. */
  mode: AdministrationMode;
  /** The answers of the questions shown, by linkId: an option's ordinal, a number, or yes/no. */
  onSubmit: (answers: Record<string, AnswerValue>) => void;
  submitting: boolean;
  initialAnswers?: AnswerMap;
  /** The server's messages by linkId, shown on their questions (the first is focused). */
  serverErrors?: Readonly<Record<string, string>>;
  submitLabel?: string;
}

type Problem =
  | AnswerProblem
  | { linkId: string; kind: "wholeNumber" }
  | { linkId: string; kind: "server"; message: string };

const SUBMIT = "\u0000submit";
const YES_KEYS = ["y", "s"];
const NO_KEYS = ["n"];

/** FHIR `prefix` ("A1", "2.b"): the label a content file gives an item, shown before its text. */
function prefixOf(item: QuestionnaireItem): string | null {
  const prefix = (item as { prefix?: unknown }).prefix;
  return typeof prefix === "string" && prefix.trim() !== "" ? prefix.trim() : null;
}

function problemText(problem: Problem, t: TFunction): string {
  switch (problem.kind) {
    case "required":
      return t("errors.required");
    case "wholeNumber":
      return t("errors.wholeNumber");
    case "server":
      return problem.message;
    default:
      if (problem.min !== null && problem.max !== null)
        return t("errors.range", { min: problem.min, max: problem.max });
      return problem.min !== null
        ? t("errors.atLeast", { min: problem.min })
        : t("errors.atMost", { max: problem.max });
  }
}

/** The answer a staff shortcut key gives on this question: an option's ordinal by digit, yes/no by letter. */
function shortcutAnswer(item: QuestionnaireItem, key: string): AnswerValue | undefined {
  if (item.type === "boolean") {
    if (YES_KEYS.includes(key.toLowerCase())) return true;
    if (NO_KEYS.includes(key.toLowerCase())) return false;
    return undefined;
  }
  if (item.type !== "choice" || !/^[0-9]$/.test(key)) return undefined;
  return item.answerOption?.map(ordinalOf).find((ordinal) => ordinal === Number(key)) ?? undefined;
}

/** Full-width boxed answers at least 48px tall, the whole box a target (participants on phones). */
const TOUCH_RADIO: RadioProps["styles"] = {
  root: {
    border: "1px solid var(--mantine-color-default-border)",
    borderRadius: "var(--mantine-radius-md)",
  },
  body: { alignItems: "center", paddingInlineStart: "var(--mantine-spacing-sm)" },
  labelWrapper: { flex: 1 },
  label: {
    display: "flex",
    alignItems: "center",
    minHeight: 48,
    paddingBlock: 8,
    paddingInline: "var(--mantine-spacing-sm)",
    cursor: "pointer",
  },
};

/**
 * One questionnaire, rendered from its FHIR JSON, for staff entering answers (digit and Y/N keys
 * choose and move on) or for participants (one column, large targets, progress). Questions hidden
 * by enableWhen lose their answers; required questions shown must be answered before submitting.
 */
export function QuestionnaireForm({
  questionnaire,
  language,
  mode,
  onSubmit,
  submitting,
  initialAnswers = {},
  serverErrors,
  submitLabel,
}: QuestionnaireFormProps) {
  const { i18n } = useTranslation("assessments");
  /** The person using the form reads its messages: staff in their own language, participants in the form's. */
  const t = i18n.getFixedT(mode === "self" ? language : i18n.language, "assessments");
  /** Yes/No and "Question n" are part of the questionnaire, in its language. */
  const tContent = i18n.getFixedT(language, "assessments");
  const titleId = useId();
  const self = mode === "self";

  const [answers, setAnswers] = useState<Record<string, AnswerValue>>(() =>
    keepShownAnswers(questionnaire, initialAnswers),
  );
  /** What is typed in a number box that is not yet a number ("-"), kept so nothing typed is lost. */
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Record<string, Problem>>({});
  const [focusRequest, setFocusRequest] = useState<{ target: string } | null>(null);
  const containers = useRef(new Map<string, HTMLElement>());
  const submitRef = useRef<HTMLButtonElement>(null);

  const questions = questionsOf(questionnaire);
  const numbers = new Map(questions.map((q, i) => [q.linkId, i + 1]));
  const shown = deriveShownLinkIds(questionnaire, answers);
  const shownQuestions = questions.filter((q) => shown.has(q.linkId));
  const answeredCount = shownQuestions.filter((q) => answers[q.linkId] !== undefined).length;
  /** The server's messages about no question shown here, so none is lost. */
  const unplaced = Object.values(problems).flatMap((p) =>
    p.kind === "server" && !shownQuestions.some((q) => q.linkId === p.linkId) ? [p.message] : [],
  );

  useEffect(() => {
    if (!focusRequest) return;
    const node =
      focusRequest.target === SUBMIT
        ? submitRef.current
        : (() => {
            const container = containers.current.get(focusRequest.target);
            return (
              container?.querySelector<HTMLElement>("input:checked") ??
              container?.querySelector<HTMLElement>("input") ??
              null
            );
          })();
    node?.focus();
  }, [focusRequest]);

  const serverErrorsKey = JSON.stringify(serverErrors ?? {});
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by content, not by object identity
  useEffect(() => {
    const entries = Object.entries(serverErrors ?? {});
    if (entries.length === 0) return;
    setProblems((previous) => ({
      ...previous,
      ...Object.fromEntries(
        entries.map(([linkId, message]) => [linkId, { linkId, kind: "server", message }]),
      ),
    }));
    const first = questions.find((q) => serverErrors?.[q.linkId] !== undefined);
    if (first) setFocusRequest({ target: first.linkId });
  }, [serverErrorsKey]);

  /** Record an answer (undefined clears it); answers of questions it hides are dropped. */
  function answer(linkId: string, value: AnswerValue | undefined): Record<string, AnswerValue> {
    const next = keepShownAnswers(questionnaire, { ...answers, [linkId]: value });
    setAnswers(next);
    setProblems(({ [linkId]: _, ...rest }) => rest);
    const stillShown = deriveShownLinkIds(questionnaire, next);
    setDrafts((previous) =>
      Object.fromEntries(Object.entries(previous).filter(([id]) => id !== linkId && stillShown.has(id))),
    );
    return next;
  }

  function onShortcut(event: KeyboardEvent<HTMLElement>, item: QuestionnaireItem) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const value = shortcutAnswer(item, event.key);
    if (value === undefined) return;
    event.preventDefault();
    const next = answer(item.linkId, value);
    const nowShown = deriveShownLinkIds(questionnaire, next);
    const order = questions.filter((q) => nowShown.has(q.linkId)).map((q) => q.linkId);
    setFocusRequest({ target: order[order.indexOf(item.linkId) + 1] ?? SUBMIT });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, Problem> = {};
    for (const problem of checkFormAnswers(questionnaire, answers)) found[problem.linkId] = problem;
    for (const [linkId, draft] of Object.entries(drafts))
      if (shown.has(linkId) && draft.trim() !== "") found[linkId] = { linkId, kind: "wholeNumber" };
    setProblems(found);
    const first = questions.find((q) => found[q.linkId]);
    if (first) {
      setFocusRequest({ target: first.linkId });
      return;
    }
    onSubmit(keepShownAnswers(questionnaire, answers));
  }

  function questionLabel(item: QuestionnaireItem): string {
    const text = localized(item.text, item._text, language);
    const prefix = prefixOf(item);
    if (text) return prefix ? `${prefix} ${text}` : text;
    return prefix
      ? tContent("form.questionLabel", { label: prefix })
      : tContent("form.questionNumber", { n: numbers.get(item.linkId) ?? 0 });
  }

  function renderQuestion(item: QuestionnaireItem): ReactNode {
    const problem = problems[item.linkId];
    const error = problem ? problemText(problem, t) : undefined;
    const label = questionLabel(item);
    const required = item.required === true;
    let control: ReactNode;
    if (item.type === "integer") {
      const { min, max } = integerRangeOf(item);
      control = (
        <NumberInput
          label={label}
          required={required}
          error={error}
          size={self ? "lg" : "sm"}
          w={{ base: "100%", sm: 240 }}
          min={min ?? undefined}
          max={max ?? undefined}
          allowDecimal={false}
          hideControls={self}
          allowNegative={min === null || min < 0}
          clampBehavior="none"
          value={drafts[item.linkId] ?? (answers[item.linkId] as number | undefined) ?? ""}
          onChange={(value) => {
            if (typeof value === "number") return void answer(item.linkId, value);
            answer(item.linkId, undefined);
            if (value !== "") setDrafts((previous) => ({ ...previous, [item.linkId]: value }));
          }}
        />
      );
    } else {
      const options =
        item.type === "boolean"
          ? [
              { value: "true", label: tContent("form.yes"), key: t("form.yesKey") },
              { value: "false", label: tContent("form.no"), key: t("form.noKey") },
            ]
          : (item.answerOption ?? []).flatMap((option) => {
              const ordinal = ordinalOf(option);
              if (ordinal === null) return [];
              const coding = option.valueCoding;
              return [
                {
                  value: String(ordinal),
                  label: localized(coding.display, coding._display, language) ?? coding.code,
                  key: String(ordinal),
                },
              ];
            });
      const current = answers[item.linkId];
      const Options = self || item.type === "choice" ? Stack : Group;
      control = (
        <Radio.Group
          label={label}
          required={required}
          error={error}
          size={self ? "md" : "sm"}
          value={current === undefined ? null : String(current)}
          onChange={(value) =>
            answer(item.linkId, item.type === "boolean" ? value === "true" : Number(value))
          }
        >
          <Options gap={self ? "sm" : "xs"} mt="xs">
            {options.map((option) => (
              <Radio
                key={option.value}
                value={option.value}
                required={required}
                aria-invalid={error ? true : undefined}
                styles={self ? TOUCH_RADIO : undefined}
                label={
                  self ? (
                    option.label
                  ) : (
                    <Group gap={6} wrap="nowrap" component="span">
                      <Kbd size="xs" aria-hidden>
                        {option.key}
                      </Kbd>
                      <span>{option.label}</span>
                    </Group>
                  )
                }
              />
            ))}
          </Options>
        </Radio.Group>
      );
    }
    return (
      <Box
        key={item.linkId}
        ref={(node: HTMLDivElement | null) => {
          if (node) containers.current.set(item.linkId, node);
          else containers.current.delete(item.linkId);
        }}
        onKeyDown={
          mode === "staff" && item.type !== "integer" ? (event) => onShortcut(event, item) : undefined
        }
      >
        {control}
      </Box>
    );
  }

  function renderItems(items: readonly QuestionnaireItem[]): ReactNode[] {
    return items
      .filter((item) => shown.has(item.linkId))
      .map((item) => {
        if (isQuestion(item)) return renderQuestion(item);
        const text = localized(item.text, item._text, language);
        if (item.type === "group")
          return (
            <Fieldset key={item.linkId} legend={text} p={{ base: "sm", sm: "md" }}>
              <Stack gap="lg">{renderItems(item.item ?? [])}</Stack>
            </Fieldset>
          );
        return text ? (
          <Text key={item.linkId} style={{ whiteSpace: "pre-line" }}>
            {text}
          </Text>
        ) : null;
      });
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby={titleId}>
      <Stack gap="lg">
        <Title order={2} id={titleId}>
          {localized(questionnaire.title, questionnaire._title, language)}
        </Title>
        {mode === "staff" && <Text size="sm">{t("form.keyboardHint")}</Text>}
        {questions.some((q) => q.required) && <Text size="sm">{t("form.requiredNote")}</Text>}
        {self && (
          <Stack gap={4}>
            <Text fw={600}>
              {t("form.progress", { answered: answeredCount, total: shownQuestions.length })}
            </Text>
            <Progress
              aria-hidden
              value={shownQuestions.length === 0 ? 0 : (answeredCount / shownQuestions.length) * 100}
            />
          </Stack>
        )}
        {unplaced.length > 0 && (
          <Alert color="red" variant="light" role="alert">
            {unplaced.map((message) => (
              <Text key={message} size="sm">
                {message}
              </Text>
            ))}
          </Alert>
        )}
        {renderItems(questionnaire.item)}
        <Group>
          <Button
            type="submit"
            ref={submitRef}
            loading={submitting}
            size={self ? "lg" : "sm"}
            fullWidth={self}
          >
            {submitLabel ?? t("form.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
