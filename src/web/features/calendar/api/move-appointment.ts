import { useMutation } from "@tanstack/react-query";
import type { Appointment, AppointmentMove } from "../../../../core/schedule/appointment.schema";
import { apiRequest } from "../../../app/api-client";
import { appointmentPath, useAfterAppointmentChange } from "./get-appointment";

export interface MoveInput {
  id: string;
  move: { date: string; start: string; end: string; allowUnavailability?: boolean };
}

export const moveAppointment = ({ id, move }: MoveInput) =>
  apiRequest<Appointment>("PUT", `${appointmentPath(id)}/time`, move satisfies Partial<AppointmentMove>);

/** Move one session to another date or time (drag to reschedule, or the move form). */
export function useMoveAppointment() {
  const afterChange = useAfterAppointmentChange();
  return useMutation({ mutationFn: moveAppointment, onSuccess: (moved) => afterChange([moved]) });
}
