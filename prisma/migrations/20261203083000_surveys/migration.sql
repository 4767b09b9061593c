-- Surveys (docs/domain.md §8): one answer per unit, settled by the unique index under concurrency.
CREATE TABLE "Survey" (
  "id" UUID NOT NULL,
  "communityId" UUID NOT NULL REFERENCES "Community"("id"),
  "title" TEXT NOT NULL,
  "questions" JSONB NOT NULL,
  "buildingIds" UUID[] NOT NULL DEFAULT '{}',
  "opensAt" TIMESTAMP(3) NOT NULL,
  "closesAt" TIMESTAMP(3) NOT NULL,
  "createdById" UUID NOT NULL REFERENCES "User"("id"),
  "createdAt" TIMESTAMP(3) NOT NULL,
  CONSTRAINT "Survey_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "Survey_window" CHECK ("opensAt" < "closesAt")
);
CREATE INDEX "Survey_communityId_closesAt_idx" ON "Survey"("communityId", "closesAt");

CREATE TABLE "SurveyResponse" (
  "id" UUID NOT NULL,
  "surveyId" UUID NOT NULL REFERENCES "Survey"("id") ON DELETE CASCADE,
  "unitId" UUID NOT NULL REFERENCES "Unit"("id"),
  "userId" UUID NOT NULL REFERENCES "User"("id"),
  "answers" JSONB NOT NULL,
  "at" TIMESTAMP(3) NOT NULL,
  CONSTRAINT "SurveyResponse_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "SurveyResponse_surveyId_unitId_key" ON "SurveyResponse"("surveyId", "unitId");
