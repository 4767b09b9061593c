-- A technician may propose an appointment more than 14 days ahead for the resident to agree to in the
-- app (docs/domain.md §1, appointments; issue 25 item 12); it moves no deadline until they agree.
ALTER TABLE "RepairRequest" ADD COLUMN "proposedAppointmentAt" TIMESTAMP(3);
