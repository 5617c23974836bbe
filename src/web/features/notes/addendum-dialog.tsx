import { Radio, Stack, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { addendumInputSchema } from "../../../core/notes/note.schema";
import { ApiError } from "../../app/api-client";
import {
  SignDialog,
  type SignProof,
  type SignProofWords,
  useSignProof,
} from "../treatment-plans/sign-proof-fields";

type Field = "reason" | "body" | "password" | "code" | "form";
const ON_A_FIELD: readonly Field[] = ["reason", "body", "password", "code"];

/** On a group note: whether the addendum concerns one participant's entry or the shared part. */
export type AddendumConcerns = "entry" | "shared";

/**
 * Where the dialog's words live: a dictionary namespace whose `addendum` group holds title, intro,
 * reason, reasonHint, reasonRequired, body, bodyRequired and submit (and, for a group note,
 * concerns, concernsEntry and concernsShared); the keys of the words that differ between
 * dictionaries; and the group holding the password-or-code labels.
 */
export interface AddendumDialogWords {
  ns: string;
  passwordRequired: string;
  codeFormat: string;
  cancel: string;
  added: string;
  proof: SignProofWords;
}

/**
 * Add a signed addendum to a signed note: why (a correction, later information), what, and, when
 * `concerns` is given (a group note), whether it is about one participant's entry or the session as
 * a whole; confirmed with the password or an authenticator code. The signed note never changes.
 * A problem with a field shows on that field; anything else above the form.
 */
export function AddendumDialog({
  words,
  concerns,
  pending,
  add,
  errorText,
  onClose,
}: {
  words: AddendumDialogWords;
  /** Offer the choice between this participant's entry and the shared part (a group note). */
  concerns?: boolean;
  pending: boolean;
  add: (
    input: { reason: string; body: string } & SignProof,
    concerns: AddendumConcerns | null,
  ) => Promise<unknown>;
  /** The words above the form for a failure that is not about one field. */
  errorText: (error: unknown) => string;
  onClose: () => void;
}) {
  const { t } = useTranslation(words.ns);
  const [about, setAbout] = useState<AddendumConcerns>("entry");
  const [reason, setReason] = useState("");
  const [body, setBody] = useState("");
  const proof = useSignProof();
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    const parsed = addendumInputSchema.safeParse({ reason, body });
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        if (issue.path[0] === "reason") found.reason = t("addendum.reasonRequired");
        if (issue.path[0] === "body") found.body = t("addendum.bodyRequired");
      }
    const problem = proof.problem();
    if (problem === "password") found.password = t(words.passwordRequired);
    if (problem === "code") found.code = t(words.codeFormat);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      await add({ reason: reason.trim(), body: body.trim(), ...proof.proof() }, concerns ? about : null);
      notifications.show({ color: "green", message: t(words.added) });
      onClose();
    } catch (error) {
      const next: Partial<Record<Field, string>> = {};
      for (const field of error instanceof ApiError ? error.fields : []) {
        const name = ON_A_FIELD.find((known) => known === field.path) ?? "form";
        next[name] ??= field.message;
      }
      if (Object.keys(next).length === 0) next.form = errorText(error);
      setErrors(next);
    }
  };

  return (
    <SignDialog
      title={t("addendum.title")}
      formLabel={t("addendum.title")}
      size="lg"
      intro={t("addendum.intro")}
      formError={errors.form}
      onSubmit={(e) => void submit(e)}
      onClose={onClose}
      proof={proof}
      proofWords={words.proof}
      labelId="addendum-method-label"
      errors={errors}
      onMethodChange={() => setErrors(({ password: _p, code: _c, ...rest }) => rest)}
      cancelLabel={t(words.cancel)}
      submitLabel={t("addendum.submit")}
      pending={pending}
    >
      {concerns && (
        <Radio.Group
          label={t("addendum.concerns")}
          value={about}
          onChange={(value) => setAbout(value as AddendumConcerns)}
        >
          <Stack gap={6} mt={4}>
            <Radio value="entry" label={t("addendum.concernsEntry")} />
            <Radio value="shared" label={t("addendum.concernsShared")} />
          </Stack>
        </Radio.Group>
      )}
      <TextInput
        label={t("addendum.reason")}
        description={t("addendum.reasonHint")}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errors.reason}
        maxLength={300}
        required
        data-autofocus
      />
      <Textarea
        label={t("addendum.body")}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
        error={errors.body}
        autosize
        minRows={4}
        maxLength={6000}
        required
      />
    </SignDialog>
  );
}
