-- Issue 31: survey pushes (opened once, one reminder), the committee's own surveys, company templates.
ALTER TABLE "Survey" ADD COLUMN "openPushedAt" TIMESTAMP(3);
ALTER TABLE "Survey" ADD COLUMN "remindedAt" TIMESTAMP(3);
ALTER TABLE "Survey" ADD COLUMN "byCommittee" BOOLEAN NOT NULL DEFAULT false;

-- The sweep looks for surveys not yet announced or reminded: only those rows, never the history.
CREATE INDEX "Survey_open_push_idx" ON "Survey"("opensAt") WHERE "openPushedAt" IS NULL;
CREATE INDEX "Survey_remind_idx" ON "Survey"("closesAt") WHERE "remindedAt" IS NULL;

CREATE TABLE "SurveyTemplate" (
  "id" UUID NOT NULL,
  "companyId" UUID NOT NULL REFERENCES "PropertyCompany"("id"),
  "title" TEXT NOT NULL,
  "questions" JSONB NOT NULL,
  "createdById" UUID NOT NULL REFERENCES "User"("id"),
  "createdAt" TIMESTAMP(3) NOT NULL,
  CONSTRAINT "SurveyTemplate_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "SurveyTemplate_companyId_createdAt_idx" ON "SurveyTemplate"("companyId", "createdAt");
