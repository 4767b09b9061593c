-- Uploads may be PDF attachments too: no size in pixels, no thumbnail, a file name people recognise.
ALTER TABLE "Upload" ALTER COLUMN "width" DROP NOT NULL,
ALTER COLUMN "height" DROP NOT NULL,
ALTER COLUMN "thumbKey" DROP NOT NULL,
ADD COLUMN "filename" TEXT;
