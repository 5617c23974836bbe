import { Alert, Button, Card, Group, Stack, Text, Textarea, Title } from "@mantine/core";
import { IconCircleCheck } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  EXERCISE_ANSWER_MAX,
  type FamilyModuleKey,
  type ModuleProgress,
} from "../../../core/family-learning/family-learning.schema";
import type { FamilyModuleContent } from "../../../core/family-learning/module-content";
import { ApiError } from "../../app/api-client";
import { useSaveModuleProgress } from "./api/save-module-progress";

type Outcome = "saved" | "savedDone" | "savedNotDone" | null;

/**
 * The module's practice question: a private answer, saved on demand, and "Mark as done". A failed
 * save keeps what was typed and says so; the server's field message is shown under the answer.
 */
export function ModuleExercise({
  moduleKey,
  content,
  progress,
}: {
  moduleKey: FamilyModuleKey;
  content: FamilyModuleContent;
  progress: ModuleProgress;
}) {
  const { t } = useTranslation("familyLearning");
  const save = useSaveModuleProgress(moduleKey);
  const [answer, setAnswer] = useState(progress.exerciseAnswer);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const tooLong = answer.length > EXERCISE_ANSWER_MAX;
  const serverError =
    save.error instanceof ApiError
      ? save.error.fields.find((f) => f.path === "exerciseAnswer")?.message
      : undefined;
  const answerError = tooLong
    ? t("module.answerTooLong", { max: EXERCISE_ANSWER_MAX.toLocaleString() })
    : (serverError ?? null);

  const submit = (completed: boolean, next: Outcome) => {
    if (tooLong) return;
    setOutcome(null);
    save.mutate({ exerciseAnswer: answer, completed }, { onSuccess: () => setOutcome(next) });
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="exercise-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="exercise-title">
          {t("module.exerciseTitle")}
        </Title>
        <Text fw={500}>{content.exercise.prompt}</Text>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            submit(progress.completed, "saved");
          }}
        >
          <Stack gap="sm">
            <Textarea
              label={t("module.answerLabel")}
              description={content.exercise.hint}
              autosize
              minRows={4}
              value={answer}
              onChange={(event) => setAnswer(event.currentTarget.value)}
              error={answerError}
              inputWrapperOrder={["label", "description", "input", "error"]}
            />
            <Text size="xs" c={tooLong ? "red.8" : "dimmed"} aria-live="polite">
              {t("module.answerCount", {
                length: answer.length.toLocaleString(),
                max: EXERCISE_ANSWER_MAX.toLocaleString(),
              })}
            </Text>
            {progress.completed && (
              <Group gap="xs" className="fl-screen-only">
                <IconCircleCheck size={18} color="var(--mantine-color-teal-7)" aria-hidden />
                <Text size="sm">{t("module.isDone")}</Text>
              </Group>
            )}
            <Group className="fl-screen-only">
              <Button
                type="submit"
                variant={progress.completed ? "filled" : "default"}
                loading={save.isPending}
              >
                {t("module.save")}
              </Button>
              {progress.completed ? (
                <Button
                  variant="subtle"
                  onClick={() => submit(false, "savedNotDone")}
                  disabled={save.isPending}
                >
                  {t("module.markNotDone")}
                </Button>
              ) : (
                <Button onClick={() => submit(true, "savedDone")} disabled={save.isPending}>
                  {t("module.markDone")}
                </Button>
              )}
            </Group>
            <div aria-live="polite">
              {outcome && !save.isPending && (
                <Text size="sm" c="teal.8" className="fl-screen-only">
                  {t(`module.${outcome}`)}
                </Text>
              )}
            </div>
            {save.isError && !serverError && (
              <Alert color="red" variant="light" role="alert" className="fl-screen-only">
                {t("module.saveError")}
              </Alert>
            )}
          </Stack>
        </form>
      </Stack>
    </Card>
  );
}
