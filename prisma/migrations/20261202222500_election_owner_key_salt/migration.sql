-- Review finding 10: each election's owner keys are an HMAC under its own salt, drawn at publication,
-- not under the WeChat AppSecret (whose rotation mid-election gave one buyer two keys).
ALTER TABLE "Election" ADD COLUMN "ownerKeySalt" TEXT;
