-- CreateTable
CREATE TABLE "JobProbe" (
    "key" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "effects" INTEGER NOT NULL,
    "startedBy" INTEGER,
    "doneBy" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobProbe_pkey" PRIMARY KEY ("key")
);
