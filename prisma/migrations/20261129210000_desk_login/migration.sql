-- Desk logins (issue 10): a desk browser signed in by scanning its mini-program code; kept as the record of who signed in where, and to revoke it.
CREATE TABLE "DeskLogin" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL REFERENCES "User"("id"),
    "sessionHash" TEXT NOT NULL,
    "deskIp" TEXT NOT NULL,
    "deskAgent" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "endedReason" TEXT,
    CONSTRAINT "DeskLogin_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "DeskLogin_sessionHash_key" ON "DeskLogin"("sessionHash");
CREATE INDEX "DeskLogin_userId_createdAt_idx" ON "DeskLogin"("userId", "createdAt");
