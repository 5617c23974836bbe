import { useMutation } from "@tanstack/react-query";
import type { AppointmentBookingInput, AppointmentList } from "../../../../core/schedule/appointment.schema";
import { apiRequest } from "../../../app/api-client";
import { useAfterAppointmentChange } from "./get-appointment";

export const bookAppointment = (booking: AppointmentBookingInput) =>
  apiRequest<AppointmentList>("POST", "/api/v1/appointments", booking);

/** Book one session or a weekly series: all or nothing (409 SCHEDULE_CONFLICT lists each clash). */
export function useBookAppointment() {
  const afterChange = useAfterAppointmentChange();
  return useMutation({
    mutationFn: bookAppointment,
    onSuccess: (booked) => afterChange(booked.appointments),
  });
}
