-- CreateEnum
CREATE TYPE "PushStatus" AS ENUM ('QUEUED', 'SENDING', 'SENT', 'NO_CREDIT', 'REFUSED', 'FAILED', 'UNKNOWN');

-- CreateTable
CREATE TABLE "PushCredit" (
    "userId" UUID NOT NULL,
    "templateId" TEXT NOT NULL,
    "credit" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PushCredit_pkey" PRIMARY KEY ("userId","templateId"),
    CONSTRAINT "PushCredit_credit_not_negative" CHECK ("credit" >= 0)
);

-- CreateTable
CREATE TABLE "PushMessage" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "communityId" UUID,
    "openid" TEXT NOT NULL,
    "templateKey" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "page" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "status" "PushStatus" NOT NULL DEFAULT 'QUEUED',
    "reason" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "eventKind" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "PushMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PushMessage_eventKind_eventId_idx" ON "PushMessage"("eventKind", "eventId");

-- CreateIndex
CREATE INDEX "PushMessage_userId_createdAt_idx" ON "PushMessage"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "PushCredit" ADD CONSTRAINT "PushCredit_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PushMessage" ADD CONSTRAINT "PushMessage_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
