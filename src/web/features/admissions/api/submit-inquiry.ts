import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import type { InquiryInput, inquiryReceiptSchema } from "../../../../core/admissions/inquiries.schema";
import { apiRequest } from "../../../app/api-client";

export type InquiryReceipt = z.infer<typeof inquiryReceiptSchema>;

/** Public: 201 with a reference to quote; 400 with field errors; 429 when too many were sent. */
export const submitInquiry = (input: InquiryInput) =>
  apiRequest<InquiryReceipt>("POST", "/api/v1/inquiries", input);

export const useSubmitInquiry = () => useMutation({ mutationFn: submitInquiry });
