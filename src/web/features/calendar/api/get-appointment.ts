import { queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Appointment } from "../../../../core/schedule/appointment.schema";
import { apiRequest } from "../../../app/api-client";

export type { Appointment };

export const appointmentPath = (id: string) => `/api/v1/appointments/${encodeURIComponent(id)}`;

export const getAppointment = (id: string) => apiRequest<Appointment>("GET", appointmentPath(id));

/** One appointment with its family members and attendance (the read is audited: once per opening). */
export const appointmentQuery = (id: string) =>
  queryOptions({
    queryKey: ["calendar", "appointment", id],
    queryFn: () => getAppointment(id),
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });

export const useAppointment = (id: string | null) =>
  useQuery({ ...appointmentQuery(id ?? ""), enabled: id !== null });

/** After a change: the changed appointments are known already; the calendar is read again. */
export function useAfterAppointmentChange() {
  const queryClient = useQueryClient();
  return async (appointments: Appointment[]) => {
    for (const a of appointments) queryClient.setQueryData(appointmentQuery(a.id).queryKey, a);
    await queryClient.invalidateQueries({ queryKey: ["calendar", "entries"] });
  };
}
