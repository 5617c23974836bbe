import { useMutation } from "@tanstack/react-query";
import type { Appointment, AppointmentAttendanceInput } from "../../../../core/schedule/appointment.schema";
import { apiRequest } from "../../../app/api-client";
import { appointmentPath, useAfterAppointmentChange } from "./get-appointment";

interface Input {
  id: string;
  attendance: AppointmentAttendanceInput;
}

export const recordAppointmentAttendance = ({ id, attendance }: Input) =>
  apiRequest<Appointment>("PUT", `${appointmentPath(id)}/attendance`, attendance);

/** Attendance at one session: status and minutes; changing a saved one needs a reason. */
export function useRecordAppointmentAttendance() {
  const afterChange = useAfterAppointmentChange();
  return useMutation({
    mutationFn: recordAppointmentAttendance,
    onSuccess: (saved) => afterChange([saved]),
  });
}
