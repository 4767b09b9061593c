-- A year of the working calendar counts as covered only when a company administrator confirmed its whole
-- schedule (issue 25 item 13): one entered day off used to mark the whole year covered and silence the
-- run-out warning.
CREATE TABLE "WorkCalendarYear" (
    "companyId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "confirmedById" UUID NOT NULL,
    "confirmedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkCalendarYear_pkey" PRIMARY KEY ("companyId","year")
);
