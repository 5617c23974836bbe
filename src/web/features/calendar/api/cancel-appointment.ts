import { useMutation } from "@tanstack/react-query";
import type { AppointmentCancel, AppointmentList } from "../../../../core/schedule/appointment.schema";
import { apiRequest } from "../../../app/api-client";
import { appointmentPath, useAfterAppointmentChange } from "./get-appointment";

export const cancelAppointment = ({ id, cancel }: { id: string; cancel: AppointmentCancel }) =>
  apiRequest<AppointmentList>("POST", `${appointmentPath(id)}/cancel`, cancel);

/** Cancel one session, or it and the following ones of its series. */
export function useCancelAppointment() {
  const afterChange = useAfterAppointmentChange();
  return useMutation({
    mutationFn: cancelAppointment,
    onSuccess: (cancelled) => afterChange(cancelled.appointments),
  });
}
