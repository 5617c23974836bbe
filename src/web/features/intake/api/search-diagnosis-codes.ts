import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import type { IcdCode } from "../../../../core/diagnoses/icd10cm";
import { apiRequest } from "../../../app/api-client";

export interface DiagnosisCodeList {
  codes: IcdCode[];
}

/** The local ICD-10-CM list searched by code or words. */
export const searchDiagnosisCodes = (q: string) =>
  apiRequest<DiagnosisCodeList>("GET", `/api/v1/diagnosis-codes?${new URLSearchParams({ q })}`);

export const diagnosisCodesQuery = (q: string) =>
  queryOptions({
    queryKey: ["intake", "diagnosis-codes", q],
    queryFn: () => searchDiagnosisCodes(q),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });

export const useDiagnosisCodes = (q: string) => useQuery({ ...diagnosisCodesQuery(q), enabled: q !== "" });
