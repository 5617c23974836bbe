import { AddendumDialog } from "./addendum-dialog";
import { type NoteSignProof, useNoteRequestErrorText } from "./session-note-sign-modal";

/**
 * Add to a signed note: why (a correction, later information) and what, signed on writing with the
 * password or an authenticator code. The signed note itself never changes. Used for session notes
 * and counseling notes.
 */
export function NoteAddendumModal({
  pending,
  add,
  onClose,
}: {
  pending: boolean;
  add: (input: { reason: string; body: string } & NoteSignProof) => Promise<unknown>;
  onClose: () => void;
}) {
  const errorText = useNoteRequestErrorText();
  return (
    <AddendumDialog
      words={{
        ns: "sessionNotes",
        passwordRequired: "sign.passwordRequired",
        codeFormat: "sign.codeFormat",
        cancel: "actions.cancel",
        added: "addendum.added",
        proof: { ns: "sessionNotes", prefix: "sign" },
      }}
      pending={pending}
      add={(input) => add(input)}
      errorText={errorText}
      onClose={onClose}
    />
  );
}
