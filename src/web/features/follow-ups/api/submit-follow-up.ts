import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  FollowUpSubmitted,
  followUpSubmissionSchema,
} from "../../../../core/follow-ups/follow-up-api.schema";
import { apiRequest } from "../../../app/api-client";

/** Send a follow-up survey's answers (once; the same idempotency key on a retry). */
export const submitFollowUp = (input: z.input<typeof followUpSubmissionSchema>) =>
  apiRequest<FollowUpSubmitted>("POST", "/api/v1/follow-ups/answers", input);

export const useSubmitFollowUp = () => useMutation({ mutationFn: submitFollowUp });
